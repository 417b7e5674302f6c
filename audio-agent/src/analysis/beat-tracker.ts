/**
 * A causal beat tracker. Tempo: a leaky autocorrelation of the onset novelty, scored over 60–200 BPM with
 * the metre above each candidate beat (`metreScore`: the autocorrelation at two, four and eight beats, which
 * tells a beat from a subdivision or a half-time reading of a fast groove), a bar check on the kick region's
 * flux (`kickBarCheck`: bass that marks only every eighth candidate beat means the candidate is an eighth
 * note), an eighth-note check (`eighthNoteCheck`: a pulse nothing subdivides, under a bar of eight of its
 * beats, is the eighth notes of music at half the tempo) and a tempo prior. A narrower `minBpm`/`maxBpm`
 * from the DJ is a hint: the tempo is still chosen over the whole range and then moved by octaves into the
 * DJ's range. Phase: a comb over the last beats of novelty history (`pickBeatOffset` chooses the eighth-note
 * grid first, then on-beat or off-beat by loudness, by the kick region where loudness ties, or by the son
 * clave where `ClaveCheck` finds one) steers a predicted beat grid (a phase-locked loop), so beats keep
 * coming through a drumless break and can be announced a fixed lookahead before they land.
 */
import { pickBeatOffset } from './beat-offset';
import { BlockAutocorrelation, peakWithin } from './block-autocorrelation';
import { ClaveCheck } from './clave-check';
import { metreScore } from './metre-score';

/** Time constant of the autocorrelation memory, s: long enough to be stable, short enough to follow a ramp. */
const ACF_TAU_S = 3;
/** Time constant of the novelty baseline removed before correlating, s. */
const BASELINE_TAU_S = 0.5;
/** The tempo prior: a log-normal around this tempo, BPM … */
const PRIOR_CENTER_BPM = 140;
/** … with this width in octaves. */
const PRIOR_WIDTH_OCTAVES = 1.0;
/** The tempo is always searched over at least this range, BPM; `minBpm`/`maxBpm` only fold it by octaves. */
const SEARCH_MIN_BPM = 60;
const SEARCH_MAX_BPM = 200;
/**
 * Tempo steps (a DJ's next track a few per cent faster) are taken from a second, fast autocorrelation (time
 * constant `FAST_TAU_S`) over the lags within `TEMPO_STEP_RATIO` of the current period: the slow one moves so
 * late that a step of 6–12 % was followed 4–5 s after it landed, about 2 s with this. Its peak must lie more
 * than `TEMPO_SWITCH_RATIO` away, stand `FAST_MARGIN` times above its value at the current period and
 * `FAST_CONTRAST` times above its mean over those lags: without the last, soft quarter-note pads jumped
 * between readings 10–15 % apart. Chosen on dev (time constant 0.7/1/1.5 s, margin 1.2/1.3/1.4, contrast
 * 1.5/2/3).
 */
const FAST_TAU_S = 1.5;
const FAST_MARGIN = 1.2;
const FAST_CONTRAST = 2;
/** Tempo scores are recomputed every this many hops. */
const TEMPO_EVERY_HOPS = 4;
/** A tempo more than this far (relative) from the current one must win this long before it is taken, s. */
const TEMPO_SWITCH_RATIO = 0.04;
const TEMPO_SWITCH_HOLD_S = 1.5;
/**
 * A change of at most this much (relative), a tempo step rather than an octave or a 3:2, must win only this
 * long, s: it needs no guard against a wrong octave, and with the long hold a step of 6–12 % was followed
 * about 5 s late. Chosen on dev.
 */
const TEMPO_STEP_RATIO = 0.15;
const TEMPO_STEP_HOLD_S = 0.15;
/**
 * The current tempo's score is raised by up to this factor: a rival must be clearly better to take over. The
 * metre checks make octave readings of ambiguous music (soft, drumless game music) close, and without this the
 * tempo flipped between them (tempo stability on the real recordings 0.88 with no bonus). Chosen on dev and
 * the real recordings' stability (1.1/1.15/1.2).
 */
const CURRENT_TEMPO_BONUS = 1.2;
/**
 * … reached this long after the tempo was taken, s, rising linearly from none: a first reading (often an
 * octave off before the autocorrelation has a bar in memory) must not be held by the bonus. With the full
 * bonus at once, generated 90 BPM drums stayed at 180 for 11 s. Chosen from 8/12/15 s.
 */
const BONUS_RAMP_S = 12;
/**
 * The phase comb is a resonator at the current period: each hop's value is its novelty plus this fraction of
 * the value one period earlier, so it sums the past beats with weights 1, 0.85, 0.72, … (about twelve beats
 * that count). The earlier comb summed five beats afresh every hop, which cost more and let one fill or crash
 * pull the grid onto the off-beat for a bar. Chosen on the dev split (eval/README.md).
 */
const COMB_DECAY = 0.85;
/** The eighth-note grid is chosen on novelty raised to this power (`pickBeatOffset`); chosen on dev. */
const GRID_COMPRESSION = 0.35;
/**
 * The kick region's bar check (`kickBarCheck`): its autocorrelation is kept in blocks of this many hops (a
 * bar-length question needs no finer lags, and it costs a sixteenth of a per-hop one) …
 */
const KICK_BLOCK_HOPS = 4;
/**
 * … and a candidate whose kick region pulses clearly more at eight beats than at four (by more than this
 * share of its energy) is probably twice the tempo of music whose bass marks only the bar (solo piano, a
 * held bass note per bar). Below this contrast a bass line's two-bar phrase is not taken for a bar. Chosen
 * on dev (0/0.2/0.35).
 */
const KICK_BAR_CONTRAST = 0.2;
/**
 * The eighth-note check (`eighthNoteCheck`), for soft music with an unaccented eighth-note pulse (a solo
 * piano's arpeggio): a candidate whose beats nothing subdivides (the autocorrelation between a third and two
 * thirds of a beat stays below `SUBDIVISION_SHARE` of the beat's) and whose kick region marks a bar of eight
 * of its beats (`EIGHT_BEAT_BAR_RATIO` times above three and four) is probably the eighth notes of music at
 * half its tempo: its score falls to as little as `UNSUBDIVIDED_FACTOR`. A triple bar in the kick region (three
 * beats `TRIPLE_BAR_RATIO` times above two and four: a waltz, whose beats go unsubdivided) and a bare pulse
 * with no bar (a click track) are left alone. Eight beats are read within `EIGHT_BEAT_TOLERANCE_HOPS`: a lag a
 * hop off the true period misses the bar by up to eight hops. Chosen on dev (factor 0.3/0.5; bar ratio 1/1.2/1.5/2;
 * without the triple guard the waltzes halved, without the bar one the click track).
 */
const SUBDIVISION_SHARE = 0.25;
const UNSUBDIVIDED_FACTOR = 0.5;
const EIGHT_BEAT_BAR_RATIO = 1.2;
const TRIPLE_BAR_RATIO = 2;
const EIGHT_BEAT_TOLERANCE_HOPS = 8;
/** Fraction of the measured phase error corrected per hop. */
const PHASE_GAIN = 0.06;
/** The comb must peak this many times above its mean before its phase is trusted. */
const MIN_COMB_CONTRAST = 1.6;
/** Below this confidence no tempo is reported. */
const MIN_TEMPO_CONFIDENCE = 0.05;

/** Options of the tracker. */
export interface BeatTrackerOptions {
  /** Seconds per hop. */
  readonly hopS: number;
  /** Tempo range, BPM (default 60–200). */
  readonly minBpm: number;
  readonly maxBpm: number;
  /** Beats are flagged this long before they are predicted to land, s (default 0). */
  readonly lookaheadS: number;
}

export class BeatTracker {
  /** True on the hop a beat is flagged. */
  beat = false;
  /** Current tempo, BPM, or null before one is found. */
  bpm: number | null = null;
  /** Position within the current beat, 0 at a beat rising to 1. */
  phase = 0;
  /** How periodic the novelty is at the current tempo, 0–1. */
  confidence = 0;

  private readonly fps: number;
  private readonly minLag: number;
  private readonly maxLag: number;
  /** The DJ's range as lags: a tempo found outside it is moved into it by octaves. */
  private readonly hintMinLag: number;
  private readonly hintMaxLag: number;
  private readonly acf: Float64Array;
  private readonly kickAcf: BlockAutocorrelation;
  /** Reads the son clave on the grid: where there is one, it, not loudness, says which eighth is the beat. */
  private readonly clave: ClaveCheck;
  /** True once the grid has moved on by a beat since the clave was last read. */
  private beatPassed = false;
  private readonly acfDecay: number;
  /** The fast autocorrelation that follows tempo steps (`FAST_TAU_S`), over the tempo range's lags only. */
  private readonly fastAcf: Float64Array;
  private readonly fastDecay: number;
  private readonly baselineAlpha: number;
  private readonly history: Float64Array;
  private readonly mask: number;
  /** The tempo prior per lag, computed once. */
  private readonly prior: Float64Array;
  private readonly comb: Float64Array;
  private readonly compressedComb: Float64Array;
  /** The kick region's comb and resonator (as `resonance`): it breaks a tie between the two eighths. */
  private readonly kickComb: Float64Array;
  private readonly kickResonance: Float64Array;
  /** Resonator outputs per hop (a ring like `history`), of the novelty and of the compressed novelty. */
  private readonly resonance: Float64Array;
  private readonly compressedResonance: Float64Array;
  private readonly lookaheadHops: number;
  private readonly switchHoldUpdates: number;
  private readonly stepHoldUpdates: number;
  private hop = 0;
  private baseline = 0;
  private kickBaseline = 0;
  private period = 0;
  /** The hop the current tempo was taken on: its bonus grows from there. */
  private periodSetHop = 0;
  private candidate = 0;
  private candidateUpdates = 0;
  private nextBeatHop = -1;
  private lastFlaggedHop = -Infinity;
  private minIntervalHops = 0;

  constructor(options: BeatTrackerOptions) {
    this.fps = 1 / options.hopS;
    this.hintMinLag = Math.max(2, Math.floor((60 * this.fps) / options.maxBpm));
    this.hintMaxLag = Math.ceil((60 * this.fps) / options.minBpm);
    this.minLag = Math.min(this.hintMinLag, Math.max(2, Math.floor((60 * this.fps) / SEARCH_MAX_BPM)));
    this.maxLag = Math.max(this.hintMaxLag, Math.ceil((60 * this.fps) / SEARCH_MIN_BPM));
    this.acf = new Float64Array(4 * this.maxLag + 3);
    this.acfDecay = Math.exp(-options.hopS / ACF_TAU_S);
    this.fastAcf = new Float64Array(this.maxLag + 4);
    this.fastDecay = Math.exp(-options.hopS / FAST_TAU_S);
    this.kickAcf = new BlockAutocorrelation(KICK_BLOCK_HOPS, this.acf.length, this.acfDecay);
    this.clave = new ClaveCheck(this.maxLag);
    this.baselineAlpha = 1 - Math.exp(-options.hopS / BASELINE_TAU_S);
    let size = 1;
    // The resonators read one period back from up to a period ago.
    while (size < Math.max(this.acf.length, 2 * this.maxLag + 4)) size *= 2;
    this.history = new Float64Array(size);
    this.mask = size - 1;
    this.resonance = new Float64Array(size);
    this.kickResonance = new Float64Array(size);
    this.compressedResonance = new Float64Array(size);
    this.prior = new Float64Array(this.maxLag + 2);
    for (let lag = this.minLag; lag <= this.maxLag; lag++) {
      const octaves = Math.log2((60 * this.fps) / lag / PRIOR_CENTER_BPM) / PRIOR_WIDTH_OCTAVES;
      this.prior[lag] = Math.exp(-0.5 * octaves * octaves);
    }
    this.comb = new Float64Array(this.maxLag + 2);
    this.compressedComb = new Float64Array(this.maxLag + 2);
    this.kickComb = new Float64Array(this.maxLag + 2);
    this.lookaheadHops = Math.max(0, options.lookaheadS) * this.fps;
    this.switchHoldUpdates = Math.round((TEMPO_SWITCH_HOLD_S * this.fps) / TEMPO_EVERY_HOPS);
    this.stepHoldUpdates = Math.max(1, Math.round((TEMPO_STEP_HOLD_S * this.fps) / TEMPO_EVERY_HOPS));
  }

  /** Shortest gap between two flagged beats, ms (the preset's `minBeatIntervalMs`). */
  setMinBeatInterval(ms: number): void {
    this.minIntervalHops = (Math.max(0, ms) / 1000) * this.fps;
  }

  /**
   * Advances one hop with that hop's onset novelty, the kick region's novelty and the click region's novelty
   * (where a clave sounds; all ≥ 0).
   */
  update(novelty: number, kickNovelty: number, clickNovelty: number): void {
    const n = this.hop++;
    this.clave.push(clickNovelty);
    this.kickBaseline += (kickNovelty - this.kickBaseline) * this.baselineAlpha;
    const kick = kickNovelty > this.kickBaseline ? kickNovelty - this.kickBaseline : 0;
    this.kickAcf.push(kick);
    this.baseline += (novelty - this.baseline) * this.baselineAlpha;
    const o = novelty > this.baseline ? novelty - this.baseline : 0;
    this.history[n & this.mask] = o;
    this.resonate(n, o, kick);
    this.updateAcf(n, o);
    if (n % TEMPO_EVERY_HOPS === 0) this.updateTempo();
    if (this.period > 0) this.updatePhase(n);
    this.flagBeat(n);
    if (this.beatPassed) this.followClave(n);
  }

  /**
   * Once a beat: reads the clave on the grid and, when it says the grid is on the off-beat, moves the grid by
   * half a beat (later, so no beat is flagged twice). While the clave holds the grid on the beat, the phase
   * loop keeps the eighth the grid is on instead of the louder one.
   */
  private followClave(n: number): void {
    this.beatPassed = false;
    const latestBeat = this.nextBeatHop - this.period * Math.ceil((this.nextBeatHop - n) / this.period);
    if (!this.clave.judge(latestBeat, this.period)) return;
    this.nextBeatHop += this.period / 2;
  }

  /**
   * The phase combs as resonators at the current period: this hop's novelty plus `COMB_DECAY` times the
   * value one (fractional) period back, read between two hops. O(1) per hop, where summing the comb's beats
   * afresh cost O(beats × period).
   */
  private resonate(n: number, o: number, kick: number): void {
    const mask = this.mask;
    const at = this.period > 0 && n - this.period >= 1 ? n - this.period : -1;
    const compressed = o > 0 ? Math.pow(o, GRID_COMPRESSION) : 0;
    this.resonance[n & mask] = o + COMB_DECAY * readBack(this.resonance, at, mask);
    this.compressedResonance[n & mask] =
      compressed + COMB_DECAY * readBack(this.compressedResonance, at, mask);
    this.kickResonance[n & mask] = kick + COMB_DECAY * readBack(this.kickResonance, at, mask);
  }

  private updateAcf(n: number, o: number): void {
    this.leak(this.acf, this.acfDecay, 0, n, o);
    this.leak(this.fastAcf, this.fastDecay, Math.max(0, this.minLag - 3), n, o);
  }

  /** One hop of a leaky autocorrelation over lags `from` up: decay, then add this hop's products. */
  private leak(acf: Float64Array, decay: number, from: number, n: number, o: number): void {
    const h = this.history;
    const mask = this.mask;
    const lags = Math.min(acf.length, n + 1);
    for (let lag = from; lag < lags; lag++) acf[lag] = acf[lag]! * decay + o * h[(n - lag) & mask]!;
  }

  /**
   * The autocorrelation near `beats` times an integer `lag`. The lag may be up to half a hop off the true
   * period, so its multiple may be up to `beats / 2` hops off: the peak is looked for within that much.
   */
  private acfAtBeats(lag: number, beats: number): number {
    const acf = this.acf;
    const centre = Math.round(beats * lag);
    const tolerance = Math.max(1, Math.ceil(beats / 2));
    return peakWithin(acf, Math.max(1, centre - tolerance), Math.min(acf.length - 1, centre + tolerance));
  }

  /**
   * 1, or less when the kick region's autocorrelation at eight beats of `lag` stands above the one at four
   * by more than `KICK_BAR_CONTRAST` of its energy: falling linearly to 0 as that excess reaches all of it.
   */
  private kickBarCheck(lag: number): number {
    const energy = this.kickAcf.near(0, 0);
    if (energy <= 1e-9) return 1;
    const contrast = (this.kickAcf.near(8 * lag, 4) - this.kickAcf.near(4 * lag, 2)) / energy;
    return contrast <= KICK_BAR_CONTRAST ? 1 : Math.max(0, (1 - contrast) / (1 - KICK_BAR_CONTRAST));
  }

  /**
   * 1, or down to `UNSUBDIVIDED_FACTOR` for a candidate that looks like the eighth notes of music at half its
   * tempo (see `SUBDIVISION_SHARE`); `one` is the autocorrelation at one beat of `lag`. Only asked where half
   * the tempo is in the search range.
   */
  private eighthNoteCheck(lag: number, one: number): number {
    // The subdivision first: it settles most lags of most music, and costs the least.
    if (one <= 0) return 1;
    const between = peakWithin(this.acf, Math.ceil(lag / 3), Math.floor((2 * lag) / 3));
    const subdivided = Math.min(1, between / (SUBDIVISION_SHARE * one));
    if (subdivided >= 1) return 1;
    const kick = this.kickAcf;
    const three = kick.near(3 * lag, 2);
    const four = kick.near(4 * lag, 2);
    if (three > TRIPLE_BAR_RATIO * Math.max(kick.near(2 * lag, 1), four)) return 1;
    if (kick.near(8 * lag, EIGHT_BEAT_TOLERANCE_HOPS) <= EIGHT_BEAT_BAR_RATIO * Math.max(three, four))
      return 1;
    return UNSUBDIVIDED_FACTOR + (1 - UNSUBDIVIDED_FACTOR) * subdivided;
  }

  private updateTempo(): void {
    const energy = this.acf[0]!;
    if (energy <= 1e-9) return;
    let best = 0;
    let bestScore = -Infinity;
    // Eight beats fit the memory only for the faster half of the range, which is where a doubled slow
    // tempo would be found; elsewhere both bar checks (the novelty's and the kick region's) are skipped.
    const eightLimit = this.acf.length - 2;
    const held = Math.min(1, (this.hop - this.periodSetHop) / this.fps / BONUS_RAMP_S);
    const bonus = 1 + (CURRENT_TEMPO_BONUS - 1) * held;
    for (let lag = this.minLag; lag <= this.maxLag; lag++) {
      const reachesEight = 8 * lag <= eightLimit;
      const eight = reachesEight ? this.acfAtBeats(lag, 8) : NaN;
      const one = this.acfAtBeats(lag, 1);
      let score = metreScore(one, this.acfAtBeats(lag, 2), this.acfAtBeats(lag, 4), eight) * this.prior[lag]!;
      if (reachesEight) score *= this.kickBarCheck(lag);
      if (2 * lag <= this.maxLag) score *= this.eighthNoteCheck(lag, one);
      if (this.period > 0 && Math.abs(lag / this.period - 1) <= TEMPO_SWITCH_RATIO) score *= bonus;
      if (score > bestScore) {
        bestScore = score;
        best = lag;
      }
    }
    // Confidence: how far the autocorrelation at the beat stands above its average over the tempo range,
    // relative to the zero-lag energy above that average (so steady noise lowers it, but does not zero it).
    let sum = 0;
    for (let lag = this.minLag; lag <= this.maxLag; lag++) sum += this.acf[lag]!;
    const floor = sum / (this.maxLag - this.minLag + 1);
    const excess = energy - floor;
    const confidence = excess > 0 ? Math.max(0, Math.min(1, (this.acfAtBeats(best, 1) - floor) / excess)) : 0;
    this.confidence += (confidence - this.confidence) * 0.2;
    if (this.confidence < MIN_TEMPO_CONFIDENCE) return;
    // The DJ's range decides the octave only: the tempo family came from the whole range.
    while (best < this.hintMinLag) best *= 2;
    while (best > this.hintMaxLag && best / 2 >= this.hintMinLag) best /= 2;
    let period = this.refinePeriod(best);
    if (this.period > 0 && Math.abs(period / this.period - 1) <= TEMPO_STEP_RATIO) {
      const stepped = this.fastStep();
      if (stepped > 0) period = stepped;
    }
    if (this.period === 0) {
      this.period = period;
      this.periodSetHop = this.hop;
      return;
    }
    if (Math.abs(period / this.period - 1) <= TEMPO_SWITCH_RATIO) {
      this.period += (period - this.period) * 0.25;
      this.candidateUpdates = 0;
      return;
    }
    // A different tempo must keep winning for a while: one odd bar should not flip the octave.
    if (this.candidate > 0 && Math.abs(period / this.candidate - 1) <= TEMPO_SWITCH_RATIO)
      this.candidateUpdates++;
    else this.candidateUpdates = 1;
    this.candidate = period;
    const step = Math.abs(period / this.period - 1) <= TEMPO_STEP_RATIO;
    if (this.candidateUpdates >= (step ? this.stepHoldUpdates : this.switchHoldUpdates)) {
      this.period = period;
      this.periodSetHop = this.hop;
      this.candidateUpdates = 0;
    }
  }

  /** A tempo step read from the fast autocorrelation: its fractional period, or 0 when there is none. */
  private fastStep(): number {
    const fast = this.fastAcf;
    const lo = Math.max(this.minLag, Math.floor(this.period / (1 + TEMPO_STEP_RATIO)));
    const hi = Math.min(this.maxLag, Math.ceil(this.period * (1 + TEMPO_STEP_RATIO)));
    let peak = lo;
    let sum = 0;
    for (let lag = lo; lag <= hi; lag++) {
      sum += fast[lag]!;
      if (fast[lag]! > fast[peak]!) peak = lag;
    }
    const here = peakWithin(fast, Math.floor(this.period) - 1, Math.ceil(this.period) + 1);
    if (Math.abs(peak / this.period - 1) <= TEMPO_SWITCH_RATIO || fast[peak]! < FAST_MARGIN * here) return 0;
    if (fast[peak]! < FAST_CONTRAST * (sum / (hi - lo + 1))) return 0;
    return parabolicPeak(fast, peak);
  }

  /** A fractional period from parabolic peaks at the lag and at twice the lag (which halves the error). */
  private refinePeriod(lag: number): number {
    const single = parabolicPeak(this.acf, lag);
    const double = parabolicPeak(this.acf, 2 * lag);
    return double > 0 ? (single + double) / 3 : single;
  }

  /** Measures where the last beats fell (a comb over the history) and steers the predicted grid towards it. */
  private updatePhase(n: number): void {
    const period = this.period;
    const span = Math.round(period);
    const mask = this.mask;
    let sum = 0;
    // Before the first hops the ring still holds zeros, so reading back past hop 0 is harmless.
    for (let j = 0; j < span; j++) {
      const value = this.resonance[(n - j) & mask]!;
      this.comb[j] = value;
      this.compressedComb[j] = this.compressedResonance[(n - j) & mask]!;
      this.kickComb[j] = this.kickResonance[(n - j) & mask]!;
      sum += value;
    }
    // Where the clave has placed the grid, the eighth nearest the predicted beat is kept, not the louder.
    const predicted = this.clave.holdsGrid ? (((n - this.nextBeatHop) % period) + period) % period : -1;
    const best = pickBeatOffset(
      this.comb,
      this.compressedComb,
      span,
      Math.round(period / 2),
      predicted,
      this.kickComb,
    );
    const mean = sum / span;
    if (mean <= 1e-9 || this.comb[best]! < MIN_COMB_CONTRAST * mean) return;
    const measured = n - best;
    if (this.nextBeatHop < 0) {
      this.nextBeatHop = measured + period * Math.max(1, Math.ceil((n - measured + 0.5) / period));
      return;
    }
    const cycles = Math.round((this.nextBeatHop - measured) / period);
    const error = measured - (this.nextBeatHop - cycles * period);
    this.nextBeatHop += error * PHASE_GAIN;
  }

  private flagBeat(n: number): void {
    this.beat = false;
    if (this.nextBeatHop < 0 || this.period <= 0) {
      this.phase = 0;
      this.bpm = null;
      return;
    }
    this.bpm = this.confidence >= MIN_TEMPO_CONFIDENCE ? (60 * this.fps) / this.period : null;
    const due = this.nextBeatHop - this.lookaheadHops;
    if (n + 0.5 >= due) {
      if (n - this.lastFlaggedHop >= this.minIntervalHops) {
        this.beat = true;
        this.lastFlaggedHop = n;
      }
      // Skip whole periods if the grid fell behind (e.g. after a tempo switch), never flag twice.
      while (this.nextBeatHop - this.lookaheadHops <= n + 0.5) {
        this.nextBeatHop += this.period;
        this.beatPassed = true;
      }
    }
    const phase = 1 - (this.nextBeatHop - this.lookaheadHops - n) / this.period;
    this.phase = phase < 0 ? 0 : phase >= 1 ? 0 : phase;
  }
}

/** A ring's value at fractional hop `at`, read between two hops; 0 for a negative `at` (nothing yet). */
function readBack(ring: Float64Array, at: number, mask: number): number {
  if (at < 0) return 0;
  const i = Math.floor(at);
  const f = at - i;
  return ring[i & mask]! * (1 - f) + ring[(i + 1) & mask]! * f;
}

/** The fractional position of the autocorrelation peak within ±2 of `lag`, or 0 when out of range. */
function parabolicPeak(acf: Float64Array, lag: number): number {
  let i = Math.round(lag);
  if (i < 3 || i + 3 >= acf.length) return 0;
  for (let j = i - 2; j <= i + 2; j++) if (acf[j]! > acf[i]!) i = j;
  const a = acf[i - 1]!;
  const b = acf[i]!;
  const c = acf[i + 1]!;
  const denominator = a - 2 * b + c;
  const offset = denominator < 0 ? (0.5 * (a - c)) / denominator : 0;
  return i + Math.max(-0.5, Math.min(0.5, offset));
}
