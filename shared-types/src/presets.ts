/**
 * Audio presets: one table the agent (analysis), the hub (shaping of the live DJ's frames) and the engine
 * (smoothing) all read, so "edm" means the same thing everywhere.
 *
 * A preset smooths in two roles, each done once: the DJ's analyzer smooths the levels it measures with the
 * preset's attack/release and band gains (before they are thinned to 20 Hz), and the engine eases each entity's
 * scale and brightness with the same attack/release. The hub only relays: it clamps, applies the operator's band
 * sensitivity and fades to silence when no DJ plays.
 */
import type { PresetName } from './effects';

/**
 * A preset's attack or release (a fraction of the gap closed per 60 Hz frame) as the fraction closed over a step
 * of `stepS` seconds: 1 − (1 − f)^(60·stepS).
 */
export function presetStepFraction(fractionPer60Hz: number, stepS: number): number {
  const f = Math.min(1, Math.max(0, fractionPer60Hz));
  return 1 - Math.pow(1 - f, stepS * 60);
}

export interface AudioPreset {
  readonly name: PresetName;
  readonly description: string;
  /** Gain per protocol band (bass … air), 0–2. */
  readonly bandSensitivity: readonly [number, number, number, number, number];
  /** Fraction of the gap closed per 60 Hz frame while a level rises, 0–1 (higher: snappier). */
  readonly attack: number;
  /** Fraction of the gap closed per 60 Hz frame while a level falls, 0–1 (lower: longer tails). */
  readonly release: number;
  /** Onset threshold scale: above 1 finds more beats, below 1 fewer. */
  readonly beatSensitivity: number;
  /** Shortest gap between two beats, ms. */
  readonly minBeatIntervalMs: number;
}

export const AUDIO_PRESETS: Readonly<Record<PresetName, AudioPreset>> = {
  auto: {
    name: 'auto',
    description: 'Balanced for unknown material',
    bandSensitivity: [1, 1, 1, 1, 1],
    attack: 0.6,
    release: 0.15,
    beatSensitivity: 1,
    minBeatIntervalMs: 280,
  },
  edm: {
    name: 'edm',
    description: 'Punchy kicks and bright tops; fast attack',
    bandSensitivity: [1.3, 1, 0.9, 1, 1.1],
    attack: 0.8,
    release: 0.2,
    beatSensitivity: 1.2,
    minBeatIntervalMs: 250,
  },
  chill: {
    name: 'chill',
    description: 'Soft, slow movement; fewer beats',
    bandSensitivity: [0.9, 1, 1.1, 1, 0.9],
    attack: 0.35,
    release: 0.08,
    beatSensitivity: 0.8,
    minBeatIntervalMs: 400,
  },
  rock: {
    name: 'rock',
    description: 'Drums and guitars in the mids',
    bandSensitivity: [1.1, 1.1, 1, 1.1, 1],
    attack: 0.7,
    release: 0.18,
    beatSensitivity: 1,
    minBeatIntervalMs: 280,
  },
  hiphop: {
    name: 'hiphop',
    description: 'Heavy bass, laid-back beats',
    bandSensitivity: [1.4, 1.1, 0.9, 0.9, 0.9],
    attack: 0.7,
    release: 0.15,
    beatSensitivity: 1.1,
    minBeatIntervalMs: 300,
  },
  folk: {
    name: 'folk',
    description: 'Acoustic mids, gentle response',
    bandSensitivity: [0.8, 1, 1.2, 1.1, 0.9],
    attack: 0.45,
    release: 0.1,
    beatSensitivity: 0.8,
    minBeatIntervalMs: 350,
  },
  classical: {
    name: 'classical',
    description: 'Wide dynamics, slow swells, rare beats',
    bandSensitivity: [0.8, 0.9, 1.1, 1.1, 1],
    attack: 0.3,
    release: 0.06,
    beatSensitivity: 0.6,
    minBeatIntervalMs: 450,
  },
};
