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

  it('breaks a tie in loudness by the low comb, where a bar’s bass note and the kick land', () => {
    // Two eighths nearly as loud (an unaccented arpeggio): the softer one carries the bass, two hops late.
    const plain = comb(80, { 10: 0.95, 50: 1.0 });
    const compressed = comb(80, { 10: 1.0, 50: 1.0 });
    const low = comb(80, { 12: 0.6, 50: 0.1 });
    assert.equal(pickBeatOffset(plain, compressed, 80, 40), 50);
    assert.equal(pickBeatOffset(plain, compressed, 80, 40, -1, low), 10);
  });

  it('leaves a clear loudness choice to loudness, whatever the low comb says', () => {
    const plain = comb(80, { 10: 0.5, 50: 1.0 });
    const compressed = comb(80, { 10: 1.0, 50: 1.0 });
    assert.equal(pickBeatOffset(plain, compressed, 80, 40, -1, comb(80, { 10: 1.0 })), 50);
  });
});
