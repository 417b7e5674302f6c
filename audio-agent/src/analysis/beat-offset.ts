/**
 * Picks where the last beat fell from two phase combs over the last beats of novelty (index j: the beat
 * was j hops ago; one value per hop of a period). A syncopated break (kick and snare on the sixteenth before
 * the beat) puts its strongest onsets a sixteenth early, and a comb that takes the loudest position locks
 * there. Two steps avoid that:
 * 1. the eighth-note grid: the position j whose pair (j, j + half a period) collects the most onsets of the
 *    compressed comb. Compression counts an onset on every beat above a few loud ones, and the true
 *    grid has its eighths (ride, hats) on both positions, which the sixteenth before the beat lacks;
 * 2. on-beat or off-beat: of the pair, the one where the plain comb is larger (the louder hits, kick and
 *    snare, fall on the beat), unless the caller already knows which eighth is the beat (the clave, see
 *    `clave-check.ts`): then the one nearer that position.
 */

/**
 * @param plain comb of the novelty itself, `span` values
 * @param compressed comb of the compressed novelty, `span` values
 * @param span hops in one period (the combs' length)
 * @param half hops in half a period
 * @param near where the beat is known to lie (0 ≤ near < span), or negative to choose by loudness
 * @returns the chosen position, 0 ≤ j < span
 */
export function pickBeatOffset(
  plain: Float64Array,
  compressed: Float64Array,
  span: number,
  half: number,
  near = -1,
): number {
  let pair = 0;
  let pairValue = -1;
  for (let j = 0; j < span; j++) {
    const value = compressed[j]! + compressed[(j + half) % span]!;
    if (value > pairValue) {
      pairValue = value;
      pair = j;
    }
  }
  const other = (pair + half) % span;
  if (near >= 0)
    return circularDistance(pair, near, span) <= circularDistance(other, near, span) ? pair : other;
  return plain[pair]! >= plain[other]! ? pair : other;
}

function circularDistance(a: number, b: number, span: number): number {
  const d = Math.abs(a - b) % span;
  return Math.min(d, span - d);
}
