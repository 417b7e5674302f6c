import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CLOSE_CODES, ERROR_CODES, MAX_PLUGIN_MESSAGE_BYTES, PROTOCOL_VERSION } from '../src';

describe('generated/protocol-constants.json (read by the Java tests)', () => {
  const file = path.join(__dirname, '..', 'generated', 'protocol-constants.json');
  const generated = JSON.parse(fs.readFileSync(file, 'utf8'));

  it('is current with limits.ts and close-codes.ts (run `npm run build` after changing them)', () => {
    assert.deepEqual(generated.close_codes, CLOSE_CODES);
    assert.equal(generated.limits.MAX_PLUGIN_MESSAGE_BYTES, MAX_PLUGIN_MESSAGE_BYTES);
    assert.equal(generated.protocol_version, PROTOCOL_VERSION);
    assert.deepEqual(generated.error_codes, Object.keys(ERROR_CODES));
  });
});
