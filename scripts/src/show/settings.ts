/**
 * Show-wide settings, stored as the 'settings' document: the audio preset (its attack/release drive the
 * per-entity smoothing) and the default crossfade time.
 */
import {
  AUDIO_PRESETS,
  MAX_TRANSITION_S,
  PRESET_NAMES,
  presetStepFraction,
  type PresetName,
} from '@audioviz/shared-types';

export interface Settings {
  preset: PresetName;
  /** Crossfade of a pattern change when the request gives none, seconds 0–3. */
  transitionS: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = { preset: 'auto', transitionS: 1 };

export function serializeSettings(settings: Settings): string {
  return JSON.stringify({ version: 1, ...settings }, null, 2);
}

/** Reads the stored document; fields that do not check out keep their defaults and are reported. */
export function parseSettings(text: string | null): { settings: Settings; problems: string[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (text === null) return { settings, problems: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return {
      settings,
      problems: ['the settings document is not valid JSON; using the defaults (fix or delete it)'],
    };
  }
  const problems: string[] = [];
  const raw = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<string, unknown>;
  if (PRESET_NAMES.includes(raw['preset'] as PresetName)) settings.preset = raw['preset'] as PresetName;
  else if (raw['preset'] !== undefined)
    problems.push(`stored preset ${JSON.stringify(raw['preset'])} is unknown; using "auto"`);
  const t = raw['transitionS'];
  if (typeof t === 'number' && t >= 0 && t <= MAX_TRANSITION_S) settings.transitionS = t;
  else if (t !== undefined) problems.push(`stored transitionS is not 0–${MAX_TRANSITION_S} s; using 1 s`);
  return { settings, problems };
}

/**
 * Per-tick smoothing factors from a preset: its attack/release are fractions of the gap closed per 60 Hz
 * frame, so a tick of `dt` seconds closes `1 − (1 − f)^(60·dt)`.
 */
export function smoothingFactors(preset: PresetName, dt: number): { rise: number; fall: number } {
  const p = AUDIO_PRESETS[preset];
  return { rise: presetStepFraction(p.attack, dt), fall: presetStepFraction(p.release, dt) };
}
