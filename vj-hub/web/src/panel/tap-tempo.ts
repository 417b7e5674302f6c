/**
 * Tap tempo: the operator taps the beat (Space) and gets a BPM. Taps further apart than 2 s start over;
 * the tempo is the median of the last intervals, so one sloppy tap does not throw it off.
 */

/** A gap longer than this starts a new series, ms. */
export const TAP_RESET_MS = 2_000;
/** Intervals kept for the median. */
const KEEP = 8;

export class TapTempo {
  private last: number | null = null;
  private readonly intervals: number[] = [];

  /** Records a tap at `timeMs` (any monotonic ms); returns the BPM (30–300) once two taps are in, else null. */
  tap(timeMs: number): number | null {
    const gap = this.last === null ? Infinity : timeMs - this.last;
    this.last = timeMs;
    if (!(gap > 0) || gap > TAP_RESET_MS) {
      this.intervals.length = 0;
      return null;
    }
    this.intervals.push(gap);
    if (this.intervals.length > KEEP) this.intervals.shift();
    const sorted = [...this.intervals].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    const median =
      sorted.length % 2 === 1
        ? (sorted[mid] as number)
        : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    return Math.min(300, Math.max(30, Math.round((60_000 / median) * 10) / 10));
  }
}
