/**
 * Shapes the live DJ's frames into `audio_state`: values clamped into range, band gains (preset × operator
 * sensitivity), attack/release smoothing, and a smooth decay to silence when no DJ is live. The smoothing
 * state survives a DJ switch, so the show glides from one DJ's levels to the next: never a blank or frozen frame.
 */
import {
  AUDIO_PRESETS,
  PLUGIN_INBOUND,
  type AudioState,
  type DjAudioFrame,
  type PresetName,
} from '@audioviz/shared-types';

/** Smoothing constants in AUDIO_PRESETS are per 60 Hz frame. */
const PRESET_FRAME_MS = 1000 / 60;
/** With no frame for this long the live DJ counts as silent and levels start to decay, ms. */
export const SILENCE_AFTER_MS = 250;

export interface ShapingSettings {
  readonly preset: PresetName;
  /** Operator gain per band, 0–2. */
  readonly bandSensitivity: readonly number[];
  readonly attack?: number;
  readonly release?: number;
  /** The operator's tapped tempo, BPM; when set it replaces the DJ's detected tempo. */
  readonly tapBpm?: number;
}

/** The highest tempo `audio_state` may carry (its schema's maximum). */
export const MAX_AUDIO_STATE_BPM = PLUGIN_INBOUND.audio_state.properties.bpm.maximum as number;

const clampUnit = (v: number): number => (v > 1 ? 1 : v >= 0 ? v : 0);
/**
 * Levels below this are silence. Exponential decay never reaches 0 on its own: without a floor the idle
 * state sinks into subnormal floats (1e-85 after a minute), which are slow to compute with and never "off".
 */
export const SILENCE_FLOOR = 1e-4;
const floor = (v: number): number => (v < SILENCE_FLOOR ? 0 : v);

export class AudioShaper {
  private readonly bands = [0, 0, 0, 0, 0];
  private amplitude = 0;
  private beatIntensity = 0;
  private bpm = 0;
  private tempoConfidence = 0;
  private beatPhase = 0;
  private lastUpdate: number | null = null;
  private lastFrameAt = -Infinity;
  private frameCount = 0;

  constructor(private settings: ShapingSettings) {}

  configure(settings: ShapingSettings): void {
    this.settings = settings;
  }

  /** Time of the last live frame, clock ms (−Infinity before the first). */
  get lastFrame(): number {
    return this.lastFrameAt;
  }

  /**
   * Folds one live frame in and returns the shaped state to forward.
   * @param now clock ms at arrival
   */
  ingest(frame: DjAudioFrame, now: number): AudioState {
    // Each frame moves at least one 60 Hz step, so frames that arrive in a burst still count.
    const steps = Math.max(1, this.steps(now));
    const gains = this.gains();
    for (let i = 0; i < 5; i++) {
      this.bands[i] = this.approach(
        this.bands[i]!,
        clampUnit(clampUnit(frame.bands[i] ?? 0) * gains[i]!),
        steps,
      );
    }
    this.amplitude = this.approach(this.amplitude, clampUnit(frame.peak), steps);
    this.beatIntensity = frame.beat ? clampUnit(frame.beat_i) : this.approach(this.beatIntensity, 0, steps);
    this.bpm = Math.min(frame.bpm, MAX_AUDIO_STATE_BPM);
    this.tempoConfidence = clampUnit(frame.tempo_conf);
    this.beatPhase = clampUnit(frame.beat_phase);
    this.lastFrameAt = now;
    return this.state(frame.beat, frame);
  }

  /**
   * The state when no live frame arrived recently: levels decay by the release rate and the beat phase keeps
   * running at the last tempo, so the show winds down instead of freezing.
   */
  idle(now: number): AudioState {
    const steps = this.steps(now);
    const release = this.release();
    const keep = Math.pow(1 - release, steps);
    for (let i = 0; i < 5; i++) this.bands[i] = floor(this.bands[i]! * keep);
    this.amplitude = floor(this.amplitude * keep);
    this.beatIntensity = floor(this.beatIntensity * keep);
    const bpm = this.settings.tapBpm ?? this.bpm;
    if (bpm > 0) this.beatPhase = (this.beatPhase + (steps * PRESET_FRAME_MS * bpm) / 60_000) % 1;
    return this.state(false);
  }

  /** True when the live DJ has sent nothing for SILENCE_AFTER_MS. */
  isSilent(now: number): boolean {
    return now - this.lastFrameAt >= SILENCE_AFTER_MS;
  }

  private state(isBeat: boolean, frame?: DjAudioFrame): AudioState {
    const state: AudioState = {
      type: 'audio_state',
      bands: [...this.bands],
      amplitude: this.amplitude,
      is_beat: isBeat,
      beat_intensity: this.beatIntensity,
      bpm: this.settings.tapBpm ?? this.bpm,
      tempo_confidence: this.tempoConfidence,
      beat_phase: this.beatPhase,
      frame: this.frameCount++,
    };
    if (frame?.spectrum !== undefined) state.spectrum = frame.spectrum.map(clampUnit);
    if (frame?.onsets !== undefined) state.onsets = frame.onsets;
    return state;
  }

  /** Elapsed time since the last update in 60 Hz frames (at least one on the first call). */
  private steps(now: number): number {
    const elapsed = this.lastUpdate === null ? PRESET_FRAME_MS : Math.max(0, now - this.lastUpdate);
    this.lastUpdate = now;
    return Math.min(elapsed / PRESET_FRAME_MS, 600);
  }

  private gains(): number[] {
    const preset = AUDIO_PRESETS[this.settings.preset].bandSensitivity;
    return preset.map((g, i) => g * (this.settings.bandSensitivity[i] ?? 1));
  }

  private release(): number {
    return this.settings.release ?? AUDIO_PRESETS[this.settings.preset].release;
  }

  /** Moves `from` toward `to` by the attack (rising) or release (falling) rate over `steps` frames. */
  private approach(from: number, to: number, steps: number): number {
    const rate =
      to > from ? (this.settings.attack ?? AUDIO_PRESETS[this.settings.preset].attack) : this.release();
    return floor(to + (from - to) * Math.pow(1 - rate, steps));
  }
}
