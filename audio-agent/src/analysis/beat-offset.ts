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
 *    `clave-check.ts`): then the one nearer that position. When the two are nearly as loud (an unaccented
 *    arpeggio, a four-on-the-floor with off-beat hats as loud as its kicks), the low comb breaks the tie:
 *    the bass note that begins a bar, and the kick, fall on the beat.
 */

/** The plain comb's two eighths are a tie when the larger is less than this many times the smaller … */
const TIE_RATIO = 1.2;
/** … and the low comb then decides if one of them leads by this factor. Chosen on dev (tie 1.1/1.2/1.3). */
const LOW_LEAD = 1.3;
/** The low comb is read at its peak within this many hops of each eighth: a bass note's onset is slow. */
const LOW_WINDOW_HOPS = 3;

/**
 * @param plain comb of the novelty itself, `span` values
 * @param compressed comb of the compressed novelty, `span` values
 * @param span hops in one period (the combs' length)
 * @param half hops in half a period
 * @param near where the beat is known to lie (0 ≤ near < span), or negative to choose by loudness
 * @param low comb of the kick region's novelty, `span` values: breaks a tie in loudness
 * @returns the chosen position, 0 ≤ j < span
 */
export function pickBeatOffset(
  plain: Float64Array,
  compressed: Float64Array,
  span: number,
  half: number,
  near = -1,
  low?: Float64Array,
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
  const louder = plain[pair]! >= plain[other]! ? pair : other;
  const softer = louder === pair ? other : pair;
  if (low === undefined || plain[louder]! >= TIE_RATIO * plain[softer]!) return louder;
  const lowSofter = peakAround(low, softer, span);
  return lowSofter > LOW_LEAD * peakAround(low, louder, span) ? softer : louder;
}

/** The largest value of a circular comb within `LOW_WINDOW_HOPS` of position `j`. */
function peakAround(comb: Float64Array, j: number, span: number): number {
  let best = 0;
  for (let d = -LOW_WINDOW_HOPS; d <= LOW_WINDOW_HOPS; d++)
    best = Math.max(best, comb[(j + d + span) % span]!);
  return best;
}

function circularDistance(a: number, b: number, span: number): number {
  const d = Math.abs(a - b) % span;
  return Math.min(d, span - d);
}
