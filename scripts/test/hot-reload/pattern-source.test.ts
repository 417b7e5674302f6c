import { strict as assert } from 'node:assert';
import { evaluatePatternSource } from '../../src/hot-reload/pattern-source';

const meta = "{ id: 'p', name: 'P', category: 'test', recommendedEntities: 1, params: {} }";

describe('evaluatePatternSource', () => {
  it('takes module.exports.default, as the pattern bundles are written', () => {
    const r = evaluatePatternSource(
      `module.exports.default = { meta: ${meta}, create() {}, calculate() {} };`,
    );
    assert.equal(r.ok && r.pattern.meta.id, 'p');
  });

  it('takes module.exports itself too', () => {
    const r = evaluatePatternSource(`module.exports = { meta: ${meta}, create() {}, calculate() {} };`);
    assert.equal(r.ok, true);
  });

  it('reports a bundle that does not parse or throws', () => {
    assert.match(
      (evaluatePatternSource('module.exports = {') as { error: string }).error,
      /^the bundle did not run: Unexpected token/,
    );
    assert.match(
      (evaluatePatternSource('throw new Error("nope")') as { error: string }).error,
      /did not run: nope/,
    );
  });

  it('reports a bundle that exports no pattern', () => {
    assert.match(
      (evaluatePatternSource('module.exports.x = 1') as { error: string }).error,
      /exports no pattern/,
    );
  });

  it('gives the bundle no require', () => {
    assert.match(
      (evaluatePatternSource('require("fs")') as { error: string }).error,
      /require is not defined/,
    );
  });
});
