/**
 * The audio a zone reacts to: the latest `audio_state` (or batch audio) folded into a reusable state, with
 * what happens between messages filled in — beat intensity decays, the beat phase advances with the tempo,
 * and a beat is seen on exactly one tick.
 */
import type { AudioState } from '@audioviz/shared-types';
import type { ParamValue, PatternInput } from '../patterns/pattern';

/** Beat intensity falls to 1/e of its value in this many seconds after a beat. */
export const BEAT_DECAY_S = 0.25;
/** Longest spectrum kept (the protocol allows 256 bins). */
export const MAX_SPECTRUM_BINS = 256;

export class AudioLevels {
  readonly bands = new Float32Array(5);
  private readonly spectrumStore = new Float32Array(MAX_SPECTRUM_BINS);
  /** The latest spectrum (a view; replaced only when its length changes). */
  spectrum = this.spectrumStore.subarray(0, 0);
  amplitude = 0;
  beatIntensity = 0;
  bpm = 0;
  beatPhase = 0;
  readonly onsets = { kick: false, snare: false, hat: false };
  /** A beat arrived since the last tick. */
  private pendingBeat = false;
  /** This tick carries a beat. */
  isBeat = false;

  /** Folds in one `audio_state` message. */
  apply(state: AudioState): void {
    // Validated messages only: the schema holds `bands` to exactly five.
    for (let b = 0; b < 5; b++) this.bands[b] = state.bands[b]!;
    this.amplitude = state.amplitude;
    this.bpm = state.bpm;
    if (state.beat_phase !== undefined) this.beatPhase = state.beat_phase;
    if (state.spectrum !== undefined) this.setSpectrum(state.spectrum);
    if (state.onsets !== undefined) {
      this.onsets.kick = this.onsets.kick || state.onsets.kick;
      this.onsets.snare = this.onsets.snare || state.onsets.snare;
      this.onsets.hat = this.onsets.hat || state.onsets.hat;
    }
    if (state.is_beat) {
      this.pendingBeat = true;
      this.beatIntensity = Math.max(this.beatIntensity, state.beat_intensity);
    }
  }

  /** Folds in the audio fields of a validated `batch_update` (all optional; `bands` has five when given). */
  applyPartial(
    bands?: readonly number[],
    amplitude?: number,
    isBeat?: boolean,
    beatIntensity?: number,
  ): void {
    if (bands !== undefined) for (let b = 0; b < 5; b++) this.bands[b] = bands[b]!;
    if (amplitude !== undefined) this.amplitude = amplitude;
    if (isBeat === true) {
      this.pendingBeat = true;
      this.beatIntensity = Math.max(this.beatIntensity, beatIntensity ?? 1);
    }
  }

  /** Copies another zone's levels (a zone without its own audio follows the global audio). */
  copyFrom(other: AudioLevels): void {
    this.bands.set(other.bands);
    if (this.spectrum.length !== other.spectrum.length) {
      this.spectrum = this.spectrumStore.subarray(0, other.spectrum.length);
    }
    this.spectrum.set(other.spectrum);
    this.amplitude = other.amplitude;
    this.beatIntensity = other.beatIntensity;
    this.bpm = other.bpm;
    this.beatPhase = other.beatPhase;
    this.onsets.kick = other.onsets.kick;
    this.onsets.snare = other.onsets.snare;
    this.onsets.hat = other.onsets.hat;
    this.isBeat = other.isBeat;
  }

  /**
   * Starts a tick of `dt` seconds: a beat that arrived becomes `isBeat` for this tick only; otherwise the
   * intensity decays and the phase advances with the tempo.
   */
  advance(dt: number): void {
    this.isBeat = this.pendingBeat;
    this.pendingBeat = false;
    if (this.isBeat) {
      this.beatPhase = 0;
      return;
    }
    this.beatIntensity *= Math.exp(-dt / BEAT_DECAY_S);
    if (this.beatIntensity < 1e-4) this.beatIntensity = 0;
    if (this.bpm > 0) this.beatPhase = (this.beatPhase + (dt * this.bpm) / 60) % 1;
  }

  /** Onsets are events: cleared once a tick has seen them. */
  endTick(): void {
    this.onsets.kick = false;
    this.onsets.snare = false;
    this.onsets.hat = false;
  }

  private setSpectrum(values: readonly number[]): void {
    const n = Math.min(values.length, MAX_SPECTRUM_BINS);
    if (this.spectrum.length !== n) this.spectrum = this.spectrumStore.subarray(0, n);
    for (let i = 0; i < n; i++) this.spectrum[i] = values[i]!;
  }
}

/** The one `PatternInput` object the engine reuses for every pattern call. */
export class MutableInput implements PatternInput {
  bands: Float32Array = new Float32Array(5);
  spectrum: Float32Array = new Float32Array(0);
  amplitude = 0;
  isBeat = false;
  beatIntensity = 0;
  bpm = 0;
  beatPhase = 0;
  beatCount = 0;
  onsets = { kick: false, snare: false, hat: false };
  t = 0;
  dt = 0;
  params: Readonly<Record<string, ParamValue>> = {};

  constructor(readonly random: () => number) {}

  /** Points the input at a zone's audio (no copying of arrays). */
  useAudio(levels: AudioLevels): void {
    this.bands = levels.bands;
    this.spectrum = levels.spectrum;
    this.amplitude = levels.amplitude;
    this.isBeat = levels.isBeat;
    this.beatIntensity = levels.beatIntensity;
    this.bpm = levels.bpm;
    this.beatPhase = levels.beatPhase;
    this.onsets = levels.onsets;
  }
}
