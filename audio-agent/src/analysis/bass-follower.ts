/**
 * The fast low-pass path behind `i_bass` and `i_kick`: a 2nd-order low-pass on the raw samples and a peak
 * envelope per hop, so a kick shows up within one hop instead of waiting for the FFT window to fill.
 */

/** Low-pass corner, Hz: the kick's body. */
const CUTOFF_HZ = 120;
/** The envelope's reference peak halves in this time, s (automatic gain). */
const GAIN_HALF_LIFE_S = 6;
/** Envelope release per second (fraction kept after 1 s). */
const RELEASE_PER_S = 0.002;
/** A kick: the envelope jumps above this multiple of its slow average and past this level. */
const KICK_RATIO = 1.6;
const KICK_MIN_LEVEL = 0.5;
/** Shortest gap between two kicks, s. */
const KICK_REFRACTORY_S = 0.1;
/** Time constant of the slow average the kick is compared with, s. */
const AVERAGE_TAU_S = 0.25;

export class BassFollower {
  /** Low-frequency level, 0–1 (automatic gain, instant attack, fast release). */
  level = 0;
  /** True on a hop where the low-frequency envelope jumps. */
  kick = false;
  private readonly b0: number;
  private readonly b1: number;
  private readonly b2: number;
  private readonly a1: number;
  private readonly a2: number;
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;
  private reference = 1e-4;
  private average = 0;
  private lastKickS = -Infinity;
  private readonly gainDecay: number;
  private readonly release: number;
  private readonly averageAlpha: number;

  /**
   * @param sampleRate Hz
   * @param hopS seconds per hop
   */
  constructor(sampleRate: number, hopS: number) {
    // RBJ cookbook low-pass, Q = 1/√2.
    const w0 = (2 * Math.PI * CUTOFF_HZ) / sampleRate;
    const alpha = Math.sin(w0) / Math.SQRT2;
    const cos = Math.cos(w0);
    const a0 = 1 + alpha;
    this.b0 = (1 - cos) / 2 / a0;
    this.b1 = (1 - cos) / a0;
    this.b2 = this.b0;
    this.a1 = (-2 * cos) / a0;
    this.a2 = (1 - alpha) / a0;
    this.gainDecay = Math.pow(0.5, hopS / GAIN_HALF_LIFE_S);
    this.release = Math.pow(RELEASE_PER_S, hopS);
    this.averageAlpha = 1 - Math.exp(-hopS / AVERAGE_TAU_S);
  }

  /**
   * Filters one hop read from a sample ring and updates `level` and `kick` for time `timeS`.
   * @param ring the analyzer's sample ring
   * @param start ring index of the hop's first sample
   * @param count samples in the hop
   */
  process(ring: Float32Array, start: number, count: number, timeS: number): void {
    let peak = 0;
    let { x1, x2, y1, y2 } = this;
    const size = ring.length;
    for (let n = 0, i = start; n < count; n++, i = i + 1 === size ? 0 : i + 1) {
      const x = ring[i]!;
      const y = this.b0 * x + this.b1 * x1 + this.b2 * x2 - this.a1 * y1 - this.a2 * y2;
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
      const a = y < 0 ? -y : y;
      if (a > peak) peak = a;
    }
    this.x1 = x1;
    this.x2 = x2;
    // Denormals would slow the filter to a crawl in long silences.
    this.y1 = Math.abs(y1) < 1e-20 ? 0 : y1;
    this.y2 = Math.abs(y2) < 1e-20 ? 0 : y2;
    this.reference = Math.max(peak, this.reference * this.gainDecay, 1e-4);
    const normalised = peak / this.reference;
    this.level =
      normalised > this.level ? normalised : this.level * this.release + normalised * (1 - this.release);
    this.kick =
      normalised >= KICK_MIN_LEVEL &&
      normalised > KICK_RATIO * this.average &&
      timeS - this.lastKickS >= KICK_REFRACTORY_S;
    if (this.kick) this.lastKickS = timeS;
    this.average += (normalised - this.average) * this.averageAlpha;
  }
}
