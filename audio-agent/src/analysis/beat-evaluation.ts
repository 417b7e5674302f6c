/** Beat-tracking accuracy: the F-measure of detected against known beat times (MIREX style). */

export interface BeatScore {
  /** F-measure, 0–1. */
  readonly f: number;
  readonly precision: number;
  readonly recall: number;
  /** Reference and detected beats counted (after the ignored start). */
  readonly reference: number;
  readonly detected: number;
}

/**
 * Matches each detected beat to at most one unmatched reference beat within ±`toleranceS`.
 * @param ignoreBeforeS beats before this time are left out of both lists (the tracker's settling time)
 */
export function beatFMeasure(
  reference: readonly number[],
  detected: readonly number[],
  toleranceS = 0.07,
  ignoreBeforeS = 5,
): BeatScore {
  const ref = reference.filter((t) => t >= ignoreBeforeS);
  const det = detected.filter((t) => t >= ignoreBeforeS);
  const used = new Uint8Array(ref.length);
  let hits = 0;
  let j = 0;
  for (const t of det) {
    while (j < ref.length && ref[j]! < t - toleranceS) j++;
    for (let k = j; k < ref.length && ref[k]! <= t + toleranceS; k++) {
      if (used[k] === 0) {
        used[k] = 1;
        hits++;
        break;
      }
    }
  }
  const precision = det.length === 0 ? 0 : hits / det.length;
  const recall = ref.length === 0 ? 0 : hits / ref.length;
  const f = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f, precision, recall, reference: ref.length, detected: det.length };
}
