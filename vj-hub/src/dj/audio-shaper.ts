/**
 * Relays the live DJ's frames as `audio_state`: values clamped into range, the operator's band sensitivity
 * applied, and a smooth fade to silence when no DJ is live. It does not smooth the levels: the DJ's analyzer
 * already did, with the operator's preset (`preset_sync`), and the engine eases its entities with the same preset;
 * smoothing here again would only add lag. The fade state survives a DJ switch: never a blank or frozen frame.
 */
import { PLUGIN_INBOUND, type AudioState, type DjAudioFrame } from '@audioviz/shared-types';

/** The idle fade and the beat phase count in 60 Hz steps. */
const STEP_MS = 1000 / 60;
/** With no frame for this long the live DJ counts as silent and levels start to fade, ms. */
export const SILENCE_AFTER_MS = 250;
/** Levels left when no DJ plays halve in this time, ms: the show winds down over about a second. */
export const SILENCE_FADE_HALF_LIFE_MS = 150;

export interface ShapingSettings {
  /** Operator gain per band, 0–MAX_BAND_SENSITIVITY. */
  readonly bandSensitivity: readonly number[];
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
    this.lastUpdate = now; // the idle fade counts from this frame
    const gains = this.settings.bandSensitivity;
    for (let i = 0; i < 5; i++) {
      this.bands[i] = floor(clampUnit(clampUnit(frame.bands[i] ?? 0) * (gains[i] ?? 1)));
    }
    this.amplitude = floor(clampUnit(frame.peak));
    this.beatIntensity = floor(clampUnit(frame.beat_i));
    this.bpm = Math.min(frame.bpm, MAX_AUDIO_STATE_BPM);
    this.tempoConfidence = clampUnit(frame.tempo_conf);
    this.beatPhase = clampUnit(frame.beat_phase);
    this.lastFrameAt = now;
    return this.state(frame.beat, frame);
  }

  /**
   * The state when no live frame arrived recently: levels fade (half-life SILENCE_FADE_HALF_LIFE_MS) and the
   * beat phase keeps running at the last tempo, so the show winds down instead of freezing.
   */
  idle(now: number): AudioState {
    const steps = this.steps(now);
    const keep = Math.pow(0.5, (steps * STEP_MS) / SILENCE_FADE_HALF_LIFE_MS);
    for (let i = 0; i < 5; i++) this.bands[i] = floor(this.bands[i]! * keep);
    this.amplitude = floor(this.amplitude * keep);
    this.beatIntensity = floor(this.beatIntensity * keep);
    const bpm = this.settings.tapBpm ?? this.bpm;
    if (bpm > 0) this.beatPhase = (this.beatPhase + (steps * STEP_MS * bpm) / 60_000) % 1;
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
    const elapsed = this.lastUpdate === null ? STEP_MS : Math.max(0, now - this.lastUpdate);
    this.lastUpdate = now;
    return Math.min(elapsed / STEP_MS, 600);
  }
}
