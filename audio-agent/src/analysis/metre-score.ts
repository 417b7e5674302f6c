/**
 * The tempo score of a candidate beat period, from the novelty's autocorrelation at one, two, four and
 * eight beats. A beat is a level of the metre: periodic itself, and with two-beat and bar (four-beat)
 * structure above it. Two checks read the metre to settle the tempo octave, which the tempo prior alone
 * got wrong on half-time grooves (their eighths are as strong as their beats):
 * - the two-beat lag should be at least as periodic as the beat: a pattern that repeats every beat also
 *   repeats every two. When it is clearly weaker, the candidate is a subdivision between accents that only
 *   line up every other time (the eighths of a half-time groove, whose kick and snare repeat at two beats);
 * - the bar should span four beats, not eight: when the autocorrelation at eight beats stands above the one
 *   at four, the candidate is probably twice the tempo of a groove whose bar is four of its beats.
 * Chosen on the evaluation set's dev split only (eval/README.md).
 */

/** Weight of the autocorrelation at two beats (half a 4/4 bar) in the score. */
const DOUBLE_PERIOD_WEIGHT = 0.3;
/** Weight of the autocorrelation at four beats (a bar). */
const BAR_PERIOD_WEIGHT = 0.6;
/** Exponent of the two-beat check: the score is scaled by (two / one)^this when two < one. */
const DOUBLE_CHECK_EXPONENT = 0.5;
/**
 * Exponent of the bar check: the score is scaled by (four / eight)^this when eight > four. 3 while the eight-beat
 * lag was read within ±1 hop of eight times an integer lag (often missing its peak); 2 since it is read within
 * ±4 (dev: 2/3).
 */
const BAR_CHECK_EXPONENT = 2;

/** The beat's own periodicity plus the structure two and four beats above it. */
function metreSum(one: number, two: number, four: number): number {
  return one + DOUBLE_PERIOD_WEIGHT * two + BAR_PERIOD_WEIGHT * four;
}

/**
 * The score of a candidate beat period (before the tempo prior), from the autocorrelation at 1, 2, 4 and 8
 * periods. `eight` is NaN where the autocorrelation memory does not reach that far: the bar check is then
 * skipped.
 */
export function metreScore(one: number, two: number, four: number, eight: number): number {
  let score = metreSum(one, two, four);
  if (two < one && one > 0) score *= Math.pow(Math.max(0, two) / one, DOUBLE_CHECK_EXPONENT);
  if (eight > four && eight > 0) score *= Math.pow(Math.max(0, four) / eight, BAR_CHECK_EXPONENT);
  return score;
}
