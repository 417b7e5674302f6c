import assert from 'node:assert/strict';
import { metreScore } from '../../src/analysis/metre-score';

describe('metreScore', () => {
  it('skips the bar check when eight beats are out of reach (NaN)', () => {
    assert.equal(metreScore(0.6, 0.7, 0.8, NaN), metreScore(0.6, 0.7, 0.8, 0));
  });

  it('scales a candidate whose two-beat lag is weaker than its beat by the square root of the ratio', () => {
    const plain = metreScore(0.2, 0.2, 0.5, NaN);
    const weak = metreScore(0.2, 0.05, 0.5, NaN);
    const sum = 0.2 + 0.3 * 0.05 + 0.6 * 0.5;
    assert.ok(Math.abs(weak - sum * Math.sqrt(0.25)) < 1e-12);
    assert.ok(weak < plain);
  });

  it('reads a half-time groove (dev autocorrelations) at its slow tempo despite the prior', () => {
    // Eighths at 144 BPM: one 0.19, two 0.10, four 0.49, eight 0.70; prior 1.0. The beat at 72: 0.10, 0.49,
    // 0.70, eight out of reach; prior 0.63.
    assert.ok(metreScore(0.1, 0.49, 0.7, NaN) * 0.63 > metreScore(0.19, 0.1, 0.49, 0.7) * 1.0);
  });

  it('keeps drum and bass at its fast tempo', () => {
    // 176 BPM: 0.40, 0.35, 0.74, 0.70, prior 0.94; its half at 88 BPM: 0.35, 0.74, 0.70, prior 0.83.
    assert.ok(metreScore(0.4, 0.35, 0.74, 0.7) * 0.94 > metreScore(0.35, 0.74, 0.7, NaN) * 0.83);
  });

  it('penalises a bar of eight beats by (four / eight)^2', () => {
    const four = metreScore(0.7, 0.7, 0.6, 0.6);
    const eight = metreScore(0.7, 0.7, 0.6, 0.9);
    assert.ok(Math.abs(eight / four - Math.pow(0.6 / 0.9, 2)) < 1e-12);
  });
});
