import { strict as assert } from 'node:assert';
import { INT_STRIDE } from '../../src/host';
import { DiffBuilder } from '../../src/pool/diff-builder';

describe('DiffBuilder', () => {
  it('grows its arrays by doubling and keeps earlier records', () => {
    const d = new DiffBuilder();
    for (let i = 0; i < 1000; i++) d.add(1, i, 4);
    assert.equal(d.count, 1000);
    assert.ok(d.ints.length >= 1000 * INT_STRIDE);
    assert.equal(d.ints[999 * INT_STRIDE + 1], 999);
    assert.equal(d.ints[0], 1);
  });

  it('reuses its arrays after a reset', () => {
    const d = new DiffBuilder();
    d.add(0, 0, 1);
    const ints = d.ints;
    d.reset();
    d.add(0, 0, 1);
    assert.equal(d.ints, ints);
    assert.equal(d.count, 1);
  });

  it('keeps an append-only material table', () => {
    const d = new DiffBuilder();
    assert.equal(d.material('minecraft:stone'), 0);
    assert.equal(d.material('minecraft:glass'), 1);
    assert.equal(d.material('minecraft:stone'), 0);
    assert.deepEqual(d.materials, ['minecraft:stone', 'minecraft:glass']);
  });
});
