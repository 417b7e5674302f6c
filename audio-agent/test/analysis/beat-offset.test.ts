import assert from 'node:assert/strict';
import { pickBeatOffset } from '../../src/analysis/beat-offset';

/** A comb of `span` values, zero but at the given positions. */
function comb(span: number, values: Record<number, number>): Float64Array {
  const c = new Float64Array(span);
  for (const [j, v] of Object.entries(values)) c[Number(j)] = v;
  return c;
}

describe('pickBeatOffset', () => {
  it('takes the eighth-note grid the compressed comb fills, not the louder sixteenth before the beat', () => {
    // Span 80: the beat at 0, its eighth at 40; a loud syncopated hit at 60 (a sixteenth before the beat).
    const plain = comb(80, { 0: 0.8, 40: 0.3, 60: 1.0, 20: 0.2 });
    const compressed = comb(80, { 0: 0.95, 40: 0.65, 60: 1.0, 20: 0.55 });
    assert.equal(pickBeatOffset(plain, compressed, 80, 40), 0);
  });

  it('chooses the louder of a beat and its off-beat, wrapping around the period', () => {
    const plain = comb(80, { 10: 0.4, 50: 1.0 });
    const compressed = comb(80, { 10: 0.9, 50: 1.0 });
    assert.equal(pickBeatOffset(plain, compressed, 80, 40), 50);
    assert.equal(pickBeatOffset(comb(80, { 10: 1.0, 50: 0.4 }), compressed, 80, 40), 10);
  });
});
