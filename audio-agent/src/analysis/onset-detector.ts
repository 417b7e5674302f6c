/**
 * Onsets by spectral flux: the rise of compressed magnitudes from one hop to the next, in total (the novelty
 * the beat tracker follows), in three regions that split drum hits into kick, snare and hat, and in the
 * click region the tracker reads a clave from.
 */
import type { SpectrumFrame } from './spectrum';

/** Regions of the drum split, Hz. */
const KICK_HZ: readonly [number, number] = [30, 180];
const SNARE_HZ: readonly [number, number] = [200, 2500];
const HAT_HZ: readonly [number, number] = [6000, 16000];
/**
 * The click region: claves, woodblocks and rimshots, above most of the chords' energy and below the hats.
 * The beat tracker folds it on its grid to find a son clave (`clave-check.ts`). Chosen on dev (1.5–5 and
 * 2–4 kHz tried; 2–4 kHz separated the clave more).
 */
const CLICK_HZ: readonly [number, number] = [2000, 4000];
/** Shortest gap between two onsets of one class, s. */
const REFRACTORY_S = [0.15, 0.1, 0.05] as const;
/** Time constant of the adaptive threshold's running mean and deviation, s. */
const THRESHOLD_TAU_S = 1.0;
/** Onset when flux exceeds mean + K × mean absolute deviation (divided by the preset's beat sensitivity). */
const THRESHOLD_K = 2.2;
/** An onset must reach this fraction of the region's recent maximum flux … */
const MIN_FRACTION_OF_MAX = 0.4;
/** … which halves in this time, s. */
const MAX_HALF_LIFE_S = 4;
/** Novelty is capped here (in multiples of its mean): one freak hop must not dominate the tempo memory. */
const MAX_NOVELTY = 40;
/** Above this frequency the total flux weighs bins by knee/f, Hz. */
const MEL_KNEE_HZ = 1000;

/** One region's flux and adaptive threshold. */
class FluxChannel {
  mean = 0;
  deviation = 0;
  previous = 0;
  lastOnsetS = -Infinity;
  flux = 0;
  /** A slowly falling maximum of this region's flux: leakage from other drums stays far below it. */
  private recentMax = 0;

  constructor(
    readonly first: number,
    readonly last: number,
    private readonly refractoryS: number,
    private readonly maxDecay: number,
  ) {}

  /** This hop's flux as a fraction of the region's recent maximum, 0–1. */
  relative = 0;

  /** Updates the threshold with this hop's flux and reports whether it passes as an onset on its own. */
  candidate(flux: number, timeS: number, alpha: number, k: number): boolean {
    this.flux = flux;
    const threshold = this.mean + k * this.deviation + 1e-6;
    const rising = flux > this.previous;
    this.recentMax = Math.max(flux, this.recentMax * this.maxDecay);
    this.relative = this.recentMax > 0 ? flux / this.recentMax : 0;
    const passes =
      rising &&
      this.relative >= MIN_FRACTION_OF_MAX &&
      flux > threshold &&
      timeS - this.lastOnsetS >= this.refractoryS;
    this.previous = flux;
    this.mean += (flux - this.mean) * alpha;
    this.deviation += (Math.abs(flux - this.mean) - this.deviation) * alpha;
    return passes;
  }

  /** Records an accepted onset (starts the refractory time). */
  accept(timeS: number): boolean {
    this.lastOnsetS = timeS;
    return true;
  }
}

/** Per-hop onset results, owned by the caller of `OnsetDetector.detect`. */
export interface OnsetFlags {
  kick: boolean;
  snare: boolean;
  hat: boolean;
}

export class OnsetDetector {
  /** Total flux of the last hop, normalised by its running mean (≈1 on average, peaks on hits). */
  novelty = 0;
  /** The kick region's flux of the last hop, normalised the same way: where the low drums and bass land. */
  kickNovelty = 0;
  /** The click region's flux of the last hop, normalised by its running mean. */
  clickNovelty = 0;
  /** This hop's and the last hop's compressed magnitudes; swapped after each hop rather than copied. */
  private compressed: Float64Array;
  private previous: Float64Array;
  /** Per-bin weight of the total flux: about the density of the mel scale, so hats do not outvote kicks. */
  private readonly weight: Float64Array;
  private readonly channels: FluxChannel[];
  private readonly clickFirst: number;
  private readonly clickLast: number;
  private clickMean = 1e-6;
  private readonly alpha: number;
  private noveltyMean = 1e-6;
  private pendingSnare = false;
  private hops = 0;
  private k = THRESHOLD_K;

  /** @param hopS seconds per hop */
  constructor(
    private readonly frame: SpectrumFrame,
    hopS: number,
  ) {
    const bins = frame.magnitude.length;
    this.compressed = new Float64Array(bins);
    this.previous = new Float64Array(bins);
    this.weight = new Float64Array(bins);
    for (let k = 1; k < bins; k++) this.weight[k] = Math.min(1, MEL_KNEE_HZ / (k * frame.binHz));
    this.alpha = 1 - Math.exp(-hopS / THRESHOLD_TAU_S);
    ({ first: this.clickFirst, last: this.clickLast } = frame.rangeFor(CLICK_HZ[0], CLICK_HZ[1]));
    const regions = [KICK_HZ, SNARE_HZ, HAT_HZ];
    this.channels = regions.map((r, i) => {
      const { first, last } = frame.rangeFor(r[0], r[1]);
      return new FluxChannel(first, last, REFRACTORY_S[i]!, Math.pow(0.5, hopS / MAX_HALF_LIFE_S));
    });
  }

  /** Beat sensitivity from the preset: above 1 finds more onsets. */
  setSensitivity(beatSensitivity: number): void {
    this.k = THRESHOLD_K / Math.max(0.1, beatSensitivity);
  }

  /** Reads the frame's current magnitudes and writes this hop's onsets into `out`. */
  detect(timeS: number, out: OnsetFlags): void {
    const mag = this.frame.magnitude;
    const c = this.compressed;
    const p = this.previous;
    let total = 0;
    for (let k = 1; k < mag.length; k++) {
      // A square root compresses dynamics like a log does, at a fraction of the cost.
      const v = Math.sqrt(mag[k]!);
      c[k] = v;
      const rise = v - p[k]!;
      if (rise > 0) total += rise * this.weight[k]!;
    }
    const [kick, snare, hat] = this.channels as [FluxChannel, FluxChannel, FluxChannel];
    const kickCandidate = kick.candidate(this.regionFlux(kick.first, kick.last), timeS, this.alpha, this.k);
    const snareCandidate = snare.candidate(
      this.regionFlux(snare.first, snare.last),
      timeS,
      this.alpha,
      this.k,
    );
    const hatCandidate = hat.candidate(this.regionFlux(hat.first, hat.last), timeS, this.alpha, this.k);
    // A drum hit leaks into its neighbours' regions: kick and snare go to whichever stands out more
    // against its own recent maximum. Hats ride on top of either, so they are judged alone.
    // A kick's attack reaches the snare region a hop before its body reaches the kick region, so a snare
    // waits one hop (5 ms at 48 kHz) and is dropped if a kick follows.
    out.kick = kickCandidate && kick.relative >= snare.relative && kick.accept(timeS);
    out.snare = this.pendingSnare && !out.kick;
    this.pendingSnare = !out.snare && snareCandidate && snare.relative > kick.relative && snare.accept(timeS);
    out.hat = hatCandidate && hat.accept(timeS);
    const click = this.regionFlux(this.clickFirst, this.clickLast);
    this.clickMean += (click - this.clickMean) * this.alpha;
    this.clickNovelty = Math.min(MAX_NOVELTY, click / Math.max(this.clickMean, 1e-3));
    this.compressed = p;
    this.previous = c;
    // The first hop seeds the mean, so a stream that starts loud does not read as one enormous onset.
    if (this.hops++ === 0) this.noveltyMean = total;
    this.noveltyMean += (total - this.noveltyMean) * this.alpha;
    // The floor keeps near-silence from turning noise into novelty.
    this.novelty = Math.min(MAX_NOVELTY, total / Math.max(this.noveltyMean, 1e-3));
    this.kickNovelty = Math.min(MAX_NOVELTY, kick.flux / Math.max(kick.mean, 1e-3));
  }

  private regionFlux(first: number, last: number): number {
    const c = this.compressed;
    const p = this.previous;
    let sum = 0;
    for (let k = first; k <= last; k++) {
      const rise = c[k]! - p[k]!;
      if (rise > 0) sum += rise;
    }
    return sum;
  }
}
