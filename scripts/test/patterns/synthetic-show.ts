/**
 * A synthetic show for pattern and effect tests: a frame of typed arrays like the engine's, and a
 * deterministic stream of `PatternInput`s (128 BPM, a four-on-the-floor beat, a moving spectrum) built
 * from `seededRandom`, with the beat switchable off so tests can compare beat against no beat.
 */
import { seededRandom } from '@audioviz/shared-types';
import type { ParamValue, PatternInput, PatternMeta } from '../../src/patterns/pattern';

export { createFrame, copyFrame, type Frame } from '../../src/pool/frame';

/** Every parameter's default, as the engine resolves them. */
export function defaultParams(meta: PatternMeta): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  for (const [key, spec] of Object.entries(meta.params)) params[key] = spec.default;
  return params;
}

export interface ShowOptions {
  /** Beat detection on (128 BPM, a beat on every kick) or off (the same music, no tempo and no beat). Default true. */
  readonly beats?: boolean;
  readonly seed?: number;
  /** Ticks per second. Default 20 (the server tick rate). */
  readonly tickHz?: number;
  readonly params?: Record<string, ParamValue>;
  /** Spectrum bins; 0 sends none (patterns fall back to the five bands). Default 32. */
  readonly spectrumBins?: number;
  /** Tempo in BPM when beats are on. Default 128. */
  readonly bpm?: number;
}

interface MutableInput {
  bands: Float32Array;
  spectrum: Float32Array;
  amplitude: number;
  isBeat: boolean;
  beatIntensity: number;
  bpm: number;
  beatPhase: number;
  beatCount: number;
  onsets: { kick: boolean; snare: boolean; hat: boolean };
  t: number;
  dt: number;
  params: Record<string, ParamValue>;
  random: () => number;
}

/** One reused input object advanced tick by tick, as the engine does. */
export class SyntheticShow {
  readonly input: PatternInput;
  private readonly state: MutableInput;
  private readonly beats: boolean;
  private readonly tempo: number;
  private readonly noise: () => number;
  private tick = 0;

  constructor(options: ShowOptions = {}) {
    const seed = options.seed ?? 1;
    this.beats = options.beats ?? true;
    this.tempo = options.bpm ?? 128;
    this.noise = seededRandom(seed + 7);
    this.state = {
      bands: new Float32Array(5),
      spectrum: new Float32Array(options.spectrumBins ?? 32),
      amplitude: 0,
      isBeat: false,
      beatIntensity: 0,
      bpm: 0,
      beatPhase: 0,
      beatCount: 0,
      onsets: { kick: false, snare: false, hat: false },
      t: 0,
      dt: 1 / (options.tickHz ?? 20),
      params: options.params ?? {},
      random: seededRandom(seed),
    };
    this.input = this.state;
  }

  /** Advances one tick and returns the input for it. */
  next(): PatternInput {
    const s = this.state;
    s.t = this.tick * s.dt;
    this.tick++;
    const beatLength = 60 / this.tempo;
    const beatPos = s.t / beatLength;
    const beatIndex = Math.floor(beatPos);
    const phase = beatPos - beatIndex;
    // Drawn every tick, beats or not, so both variants of a show hear exactly the same music.
    const accent = this.noise();
    if (this.beats) {
      s.bpm = this.tempo;
      s.isBeat = beatIndex + 1 > s.beatCount;
      s.beatCount = beatIndex + 1;
      s.beatPhase = phase;
      s.beatIntensity = s.isBeat ? 0.7 + 0.3 * accent : s.beatIntensity * 0.8;
      s.onsets.kick = s.isBeat;
      s.onsets.snare = s.isBeat && beatIndex % 2 === 1;
      s.onsets.hat = Math.floor(beatPos * 2) !== Math.floor((beatPos - s.dt / beatLength) * 2);
    }
    // Music: a slow swell with a kick drum in the bass. It is the same with beats off (only the beat
    // detection is missing), so a difference in the output comes from the beat fields alone.
    const swell = 0.5 + 0.3 * Math.sin(s.t * 0.7);
    const kick = Math.exp(-phase * 6);
    s.bands[0] = Math.min(1, 0.3 + 0.6 * kick * swell + 0.05 * this.noise());
    s.bands[1] = Math.min(1, 0.4 * swell + 0.1 * this.noise());
    s.bands[2] = Math.min(1, 0.5 * swell + 0.2 * Math.sin(s.t * 2.3) ** 2);
    s.bands[3] = Math.min(1, 0.3 + 0.4 * this.noise() * swell);
    s.bands[4] = Math.min(1, 0.2 + 0.5 * this.noise() * swell);
    const n = s.spectrum.length;
    for (let i = 0; i < n; i++) {
      const f = i / Math.max(1, n - 1);
      const pos = f * 4;
      const lo = Math.floor(pos);
      const base = s.bands[lo]! + (s.bands[Math.min(4, lo + 1)]! - s.bands[lo]!) * (pos - lo);
      s.spectrum[i] = Math.min(1, Math.max(0, base * (0.85 + 0.3 * this.noise())));
    }
    s.amplitude = (s.bands[0] + s.bands[1] + s.bands[2] + s.bands[3] + s.bands[4]) / 5;
    return this.input;
  }
}
