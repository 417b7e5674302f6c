/**
 * Turns raw levels into 0–1 display levels: per-channel automatic gain (a slowly falling peak follower),
 * a sensitivity factor, then attack/release smoothing.
 */
import { presetStepFraction } from '@audioviz/shared-types';

/** How fast the automatic gain forgets a loud passage: the reference peak halves in this time, s. */
const GAIN_HALF_LIFE_S = 8;
/** Levels below this are treated as silence so the gain does not amplify noise, linear magnitude. */
const NOISE_FLOOR = 1e-4;

/** Shapes `channels` levels per step; all state preallocated. */
export class LevelShaper {
  private readonly reference: Float64Array;
  private readonly smoothed: Float64Array;
  private readonly decay: number;
  private attack = 1;
  private release = 1;

  /**
   * @param channels number of levels shaped together (each with its own gain)
   * @param stepS seconds between calls to `shape`
   */
  constructor(
    readonly channels: number,
    private readonly stepS: number,
  ) {
    this.reference = new Float64Array(channels).fill(NOISE_FLOOR);
    this.smoothed = new Float64Array(channels);
    this.decay = Math.pow(0.5, stepS / GAIN_HALF_LIFE_S);
  }

  /** Sets attack and release as fractions of the gap closed per 60 Hz frame (0–1, the preset's unit). */
  setSmoothing(attackPer60Hz: number, releasePer60Hz: number): void {
    this.attack = presetStepFraction(attackPer60Hz, this.stepS);
    this.release = presetStepFraction(releasePer60Hz, this.stepS);
  }

  /**
   * Shapes `raw` into `out` (both length `channels`), 0–1.
   * @param sensitivity per-channel gain factor (0–2), or null for 1
   */
  shape(raw: Float64Array, out: Float64Array, sensitivity: readonly number[] | null): void {
    for (let i = 0; i < this.channels; i++) {
      const value = raw[i]!;
      const ref = Math.max(value, this.reference[i]! * this.decay, NOISE_FLOOR);
      this.reference[i] = ref;
      let level = value <= NOISE_FLOOR ? 0 : value / ref;
      if (sensitivity !== null) level *= sensitivity[i] ?? 1;
      if (level > 1) level = 1;
      const prev = this.smoothed[i]!;
      const next = prev + (level - prev) * (level > prev ? this.attack : this.release);
      this.smoothed[i] = next;
      out[i] = next;
    }
  }
}
