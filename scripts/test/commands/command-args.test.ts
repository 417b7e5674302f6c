/** The argument readers every command uses: what they answer, and the usage error they give otherwise. */
import { strict as assert } from 'node:assert';
import { ERROR_CODES } from '@audioviz/shared-types';
import { numberArg, requireArg } from '../../src/commands/command';
import { OpError } from '../../src/op-error';

const usageError = (message: RegExp) => (err: unknown) =>
  err instanceof OpError && err.code === ERROR_CODES.INVALID_ARGUMENT && message.test(err.message);

describe('command arguments', () => {
  it('reads an argument that is there, and names the one that is missing', () => {
    assert.equal(requireArg(['stage', 'bars'], 1, 'the pattern'), 'bars');
    assert.equal(requireArg([''], 0, 'the value'), '', 'an empty argument is still an argument');
    assert.throws(() => requireArg(['stage'], 1, 'the pattern'), usageError(/^the pattern is missing$/));
    assert.throws(() => requireArg([], 0, 'the zone name'), usageError(/the zone name is missing/));
  });

  it('reads a number within its range, and refuses blanks, words and numbers outside it', () => {
    assert.equal(numberArg('0.5', 'intensity', 0, 1), 0.5);
    for (const bad of ['', ' ', 'loud', '1.5', '-0.1', 'NaN', 'Infinity']) {
      assert.throws(() => numberArg(bad, 'intensity', 0, 1), usageError(/intensity/), JSON.stringify(bad));
    }
  });
});
