/**
 * The whole per-hop analysis: samples in, a caller-owned `AnalysisResult` out. Pure (no clock, no I/O,
 * no allocation per hop), so live capture, file analysis and the browser's DJ page run the same code.
 */
import { AUDIO_PRESETS, type AudioPreset, type PresetName } from '@audioviz/shared-types';
import type { AnalysisResult } from './analysis-result';
import { BassFollower } from './bass-follower';
import { BeatTracker } from './beat-tracker';
import { LevelShaper } from './level-shaper';
import { OnsetDetector } from './onset-detector';
import { SpectrumFrame } from './spectrum';

export interface AnalyzerOptions {
  /** Input rate, Hz (8000–192000, default 48000); bins are mapped by frequency, so any rate works. */
  sampleRate: number;
  /** FFT size, a power of two (default 1024). */
  fftSize: number;
  /** Samples per hop (default 256, must divide into the FFT size). */
  hopSize: number;
  /** Log-spaced spectrum bands (1–256, default 32). */
  spectrumBands: number;
  /** Audio preset (default "auto"). */
  preset: PresetName;
  /** Beats are flagged this long before they land, ms (0–500, default 0), to hide downstream latency. */
  lookaheadMs: number;
  /** Tempo range, BPM (default 60–200). */
  minBpm: number;
  maxBpm: number;
}

export const DEFAULT_ANALYZER_OPTIONS: Readonly<AnalyzerOptions> = {
  sampleRate: 48000,
  fftSize: 1024,
  hopSize: 256,
  spectrumBands: 32,
  preset: 'auto',
  lookaheadMs: 0,
  minBpm: 60,
  maxBpm: 200,
};

/** The beat pulse falls to this fraction after one second. */
const BEAT_PULSE_DECAY_PER_S = 0.001;

/** Checks options and names the first bad one, so a CLI can print it as is. */
export function checkAnalyzerOptions(o: AnalyzerOptions): string | null {
  if (!(o.sampleRate >= 8000 && o.sampleRate <= 192000))
    return `sample rate ${o.sampleRate} Hz is outside 8000–192000`;
  if (!(o.fftSize >= 64 && o.fftSize <= 16384 && (o.fftSize & (o.fftSize - 1)) === 0))
    return `FFT size ${o.fftSize} is not a power of two in 64–16384`;
  if (!(Number.isInteger(o.hopSize) && o.hopSize >= 16 && o.hopSize <= o.fftSize))
    return `hop size ${o.hopSize} must be an integer in 16–${o.fftSize}`;
  if (!(Number.isInteger(o.spectrumBands) && o.spectrumBands >= 1 && o.spectrumBands <= 256))
    return `spectrum bands ${o.spectrumBands} must be an integer in 1–256`;
  if (!(o.preset in AUDIO_PRESETS))
    return `unknown preset "${o.preset}" (use ${Object.keys(AUDIO_PRESETS).join(', ')})`;
  if (!(o.lookaheadMs >= 0 && o.lookaheadMs <= 500)) return `lookahead ${o.lookaheadMs} ms is outside 0–500`;
  if (!(o.minBpm >= 30 && o.maxBpm <= 300 && o.minBpm * 2 <= o.maxBpm))
    return `tempo range ${o.minBpm}–${o.maxBpm} BPM must lie in 30–300 and span an octave`;
  return null;
}

export class AudioAnalyzer {
  readonly options: Readonly<AnalyzerOptions>;
  /** Seconds per hop. */
  readonly hopS: number;
  private readonly ring: Float32Array;
  private ringPos = 0;
  private readonly frame: SpectrumFrame;
  private readonly onsets: OnsetDetector;
  private readonly tracker: BeatTracker;
  private readonly bass: BassFollower;
  private readonly bandShaper: LevelShaper;
  private readonly spectrumShaper: LevelShaper;
  private readonly amplitudeShaper: LevelShaper;
  private readonly rawBands = new Float64Array(5);
  private readonly rawSpectrum: Float64Array;
  private readonly rawAmplitude = new Float64Array(1);
  private readonly shapedAmplitude = new Float64Array(1);
  private readonly pulseDecay: number;
  private preset: AudioPreset;
  private pulse = 0;
  /** Samples of the hop being collected. */
  private pending = 0;

  /** @throws RangeError naming the bad option */
  constructor(options: Partial<AnalyzerOptions> = {}) {
    const o: AnalyzerOptions = { ...DEFAULT_ANALYZER_OPTIONS, ...options };
    const problem = checkAnalyzerOptions(o);
    if (problem !== null) throw new RangeError(`Analyzer: ${problem}`);
    this.options = o;
    this.hopS = o.hopSize / o.sampleRate;
    this.ring = new Float32Array(o.fftSize);
    this.frame = new SpectrumFrame(o.sampleRate, o.fftSize, o.spectrumBands);
    this.onsets = new OnsetDetector(this.frame, this.hopS);
    this.tracker = new BeatTracker({
      hopS: this.hopS,
      minBpm: o.minBpm,
      maxBpm: o.maxBpm,
      lookaheadS: o.lookaheadMs / 1000,
    });
    this.bass = new BassFollower(o.sampleRate, this.hopS);
    this.bandShaper = new LevelShaper(5, this.hopS);
    this.spectrumShaper = new LevelShaper(o.spectrumBands, this.hopS);
    this.amplitudeShaper = new LevelShaper(1, this.hopS);
    this.rawSpectrum = new Float64Array(o.spectrumBands);
    this.pulseDecay = Math.pow(BEAT_PULSE_DECAY_PER_S, this.hopS);
    this.preset = AUDIO_PRESETS[o.preset];
    this.applyPreset();
  }

  /** The preset in use. */
  get presetName(): PresetName {
    return this.preset.name;
  }

  /**
   * Switches preset (e.g. on the hub's `preset_sync`); takes effect on the next hop.
   * @param smoothing attack/release (per 60 Hz frame) to smooth the levels with instead of the preset's: the
   *   operator's choice, sent by the hub
   */
  setPreset(name: PresetName, smoothing?: { attack: number; release: number }): void {
    const preset = AUDIO_PRESETS[name];
    if (preset === undefined) throw new RangeError(`Analyzer: unknown preset "${name}"`);
    this.preset = smoothing === undefined ? preset : { ...preset, ...smoothing };
    this.applyPreset();
  }

  /**
   * Feeds mono samples (−1…1). Every time a hop completes, `out` is filled and `onHop(out)` called.
   * @param startS time of `samples[0]` on the caller's timeline, s
   */
  push(
    samples: Float32Array,
    startS: number,
    out: AnalysisResult,
    onHop: (result: AnalysisResult) => void,
  ): void {
    const { fftSize, hopSize, sampleRate } = this.options;
    const ring = this.ring;
    let i = 0;
    while (i < samples.length) {
      // Copy up to the next hop boundary or the ring's end, whichever comes first: a tight, branch-free loop.
      const take = Math.min(samples.length - i, hopSize - this.pending, fftSize - this.ringPos);
      const pos = this.ringPos;
      for (let k = 0; k < take; k++) ring[pos + k] = samples[i + k]!;
      i += take;
      this.ringPos = pos + take === fftSize ? 0 : pos + take;
      this.pending += take;
      if (this.pending === hopSize) {
        this.pending = 0;
        this.analyzeHop(startS + i / sampleRate, out);
        onHop(out);
      }
    }
  }

  /** Analyses the hop that just completed (its samples are the newest in the ring). */
  private analyzeHop(endS: number, out: AnalysisResult): void {
    out.t = endS;
    this.frame.compute(this.ring, this.ringPos);
    this.frame.protocolBands(this.rawBands);
    this.frame.logBands(this.rawSpectrum);
    this.bandShaper.shape(this.rawBands, out.bands, this.preset.bandSensitivity);
    this.spectrumShaper.shape(this.rawSpectrum, out.spectrum, null);
    this.measureLevels(out);
    this.onsets.detect(endS, out.onsets);
    this.tracker.update(this.onsets.novelty, this.onsets.kickNovelty, this.onsets.clickNovelty);
    const hopStart = this.ringPos - this.options.hopSize;
    this.bass.process(
      this.ring,
      hopStart < 0 ? hopStart + this.options.fftSize : hopStart,
      this.options.hopSize,
      endS,
    );
    out.iBass = this.bass.level;
    out.iKick = this.bass.kick;
    const t = this.tracker;
    out.beat = t.beat;
    out.bpm = t.bpm;
    out.beatPhase = t.phase;
    out.tempoConfidence = t.confidence;
    this.pulse *= this.pulseDecay;
    if (t.beat)
      this.pulse = Math.max(this.pulse, Math.min(1, 0.5 + 0.5 * Math.max(out.bands[0]!, out.amplitude)));
    out.beatIntensity = this.pulse;
  }

  /** Peak and RMS of the newest hop, read from the ring. */
  private measureLevels(out: AnalysisResult): void {
    const { fftSize, hopSize } = this.options;
    let peak = 0;
    let sum = 0;
    for (let i = 0; i < hopSize; i++) {
      let j = this.ringPos - hopSize + i;
      if (j < 0) j += fftSize;
      const s = this.ring[j]!;
      const a = s < 0 ? -s : s;
      if (a > peak) peak = a;
      sum += s * s;
    }
    out.peak = peak > 1 ? 1 : peak;
    this.rawAmplitude[0] = Math.sqrt(sum / hopSize);
    this.amplitudeShaper.shape(this.rawAmplitude, this.shapedAmplitude, null);
    out.amplitude = this.shapedAmplitude[0]!;
  }

  private applyPreset(): void {
    const p = this.preset;
    this.bandShaper.setSmoothing(p.attack, p.release);
    this.spectrumShaper.setSmoothing(p.attack, p.release);
    this.amplitudeShaper.setSmoothing(p.attack, p.release);
    this.onsets.setSensitivity(p.beatSensitivity);
    this.tracker.setMinBeatInterval(p.minBeatIntervalMs);
  }
}
