import assert from 'node:assert/strict';
import { BlockAutocorrelation } from '../../src/analysis/block-autocorrelation';

/** Pushes `hops` values: 1 on every `period`-th hop from `phase`, else 0. */
function pulses(acf: BlockAutocorrelation, hops: number, period: number, phase = 0): void {
  for (let n = 0; n < hops; n++) acf.push((n - phase) % period === 0 ? 1 : 0);
}

describe('BlockAutocorrelation', () => {
  it('peaks at the period of a pulse train and its multiples, not halfway', () => {
    const acf = new BlockAutocorrelation(4, 200, 1);
    pulses(acf, 1000, 40);
    const energy = acf.near(0, 0);
    assert.equal(energy, 25);
    assert.equal(acf.near(40, 0), 24);
    assert.equal(acf.near(80, 0), 23);
    assert.equal(acf.near(20, 0), 0);
  });

  it('finds a period that falls between blocks within the tolerance', () => {
    const acf = new BlockAutocorrelation(4, 200, 1);
    // Period 42 hops: 10.5 blocks, so its pulses land in blocks 10 and 11 apart.
    pulses(acf, 840, 42);
    assert.ok(acf.near(42, 2) >= 9);
    assert.equal(acf.near(21, 2), 0);
  });

  it('forgets: with a decay the old pulses count less than the new', () => {
    const leaky = new BlockAutocorrelation(4, 200, 0.99);
    pulses(leaky, 800, 40);
    for (let n = 0; n < 400; n++) leaky.push(0);
    const energy = leaky.near(0, 0);
    assert.ok(energy > 0 && energy < 20 * Math.pow(0.99, 400), `energy ${energy}`);
  });

  it('answers 0 beyond its longest lag', () => {
    const acf = new BlockAutocorrelation(4, 100, 1);
    pulses(acf, 1000, 40);
    assert.equal(acf.near(400, 0), 0);
  });
});
