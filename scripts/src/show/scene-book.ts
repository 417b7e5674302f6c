/**
 * Scenes: named snapshots of the show (preset, crossfade time, blackout/freeze, and per zone its pattern,
 * parameters and look), stored as the 'scenes' document. Four built-in scenes are always there and cannot
 * be overwritten or deleted. Reading a damaged document reports it and keeps the built-ins.
 *
 * The one scene model: the engine keeps its scenes here, and the VJ hub keeps its own in the same class and
 * the same document format (adding the band sensitivity it shapes the audio with).
 */
import {
  isPlainObject,
  MAX_BAND_SENSITIVITY,
  MAX_BRIGHTNESS,
  MAX_TRANSITION_S,
  PRESET_NAMES,
  readParamValues,
  type PresetName,
} from '@audioviz/shared-types';
import type { ParamValue } from '../patterns/pattern';
import { readMaterials } from '../zones/zone-document';
import { zoneNameProblem, type Zone } from '../zones/zone';

/** What a scene stores of one zone. */
export interface SceneZone {
  pattern: string;
  params: Record<string, ParamValue>;
  materials?: Zone['materials'];
  brightness?: number;
  glowOnBeat?: boolean;
}

export interface Scene {
  readonly name: string;
  preset: PresetName;
  transitionS: number;
  blackout: boolean;
  freeze: boolean;
  /** Pattern for zones the scene has no entry for (built-ins use only this). */
  pattern?: string;
  zones: Record<string, SceneZone>;
  /** The operator's gain per band (five, 0–MAX_BAND_SENSITIVITY), kept by the hub, which shapes the bands. */
  bandSensitivity?: number[];
}

/** Scenes shipped with the engine. */
export const BUILT_IN_SCENES: readonly Scene[] = [
  {
    name: 'chill_lounge',
    preset: 'chill',
    transitionS: 3,
    blackout: false,
    freeze: false,
    pattern: 'aurora',
    zones: {},
  },
  {
    name: 'club_night',
    preset: 'edm',
    transitionS: 0.5,
    blackout: false,
    freeze: false,
    pattern: 'laser_fan',
    zones: {},
  },
  {
    name: 'rock_show',
    preset: 'rock',
    transitionS: 1,
    blackout: false,
    freeze: false,
    pattern: 'moving_heads',
    zones: {},
  },
  {
    name: 'concert_hall',
    preset: 'classical',
    transitionS: 3,
    blackout: false,
    freeze: false,
    pattern: 'galaxy',
    zones: {},
  },
];

/** User scenes kept at most (a scene is small; this bounds the document). */
export const MAX_SCENES = 100;

export class SceneBook {
  private readonly user = new Map<string, Scene>();
  private readonly builtIn = new Map(BUILT_IN_SCENES.map((s) => [s.name, s]));

  get(name: string): Scene | undefined {
    return this.user.get(name) ?? this.builtIn.get(name);
  }

  isBuiltIn(name: string): boolean {
    return this.builtIn.has(name);
  }

  /** Every scene name, built-ins first, each group sorted. */
  names(): string[] {
    return [...[...this.builtIn.keys()].sort(), ...[...this.user.keys()].sort()];
  }

  /** Stores a scene; returns an error message or null. */
  save(scene: Scene): string | null {
    const problem = zoneNameProblem(scene.name);
    if (problem !== null) return problem.replace('zone name', 'scene name');
    if (this.builtIn.has(scene.name)) return `"${scene.name}" is a built-in scene: save under another name`;
    if (!this.user.has(scene.name) && this.user.size >= MAX_SCENES) {
      return `there are already ${MAX_SCENES} scenes: delete one first`;
    }
    this.user.set(scene.name, scene);
    return null;
  }

  /** Deletes a user scene; returns an error message or null. */
  delete(name: string): string | null {
    if (this.builtIn.has(name)) return `"${name}" is a built-in scene and cannot be deleted`;
    return this.user.delete(name) ? null : `there is no scene "${name}"`;
  }

  serialize(): string {
    return JSON.stringify({ version: 1, scenes: [...this.user.values()] }, null, 2);
  }

  /** Loads the stored document (null: never written); returns problems found, one line each. */
  load(text: string | null): string[] {
    if (text === null) return [];
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return [
        'the scenes document is not valid JSON; only the built-in scenes are available (fix or delete it)',
      ];
    }
    const list = isPlainObject(doc) ? doc['scenes'] : undefined;
    if (!Array.isArray(list))
      return ['the scenes document has no "scenes" list; only the built-in scenes are available'];
    const problems: string[] = [];
    for (const raw of list.slice(0, MAX_SCENES)) {
      const scene = readScene(raw);
      if (scene === null || this.builtIn.has(scene.name)) {
        problems.push(`a stored scene was skipped: ${describe(raw)} is not a valid scene`);
        continue;
      }
      this.user.set(scene.name, scene);
    }
    return problems;
  }
}

function readScene(raw: unknown): Scene | null {
  if (!isPlainObject(raw) || typeof raw['name'] !== 'string' || zoneNameProblem(raw['name']) !== null)
    return null;
  const preset = raw['preset'];
  if (!PRESET_NAMES.includes(preset as PresetName)) return null;
  const zones: Record<string, SceneZone> = {};
  if (isPlainObject(raw['zones'])) {
    for (const [name, z] of Object.entries(raw['zones'])) {
      if (zoneNameProblem(name) !== null || !isPlainObject(z) || typeof z['pattern'] !== 'string') continue;
      const entry: SceneZone = { pattern: z['pattern'], params: readParamValues(z['params']) };
      const materials = readMaterials(z['materials']);
      if (materials !== null) entry.materials = materials;
      const b = z['brightness'];
      if (typeof b === 'number' && Number.isInteger(b) && b >= 0 && b <= MAX_BRIGHTNESS) entry.brightness = b;
      if (typeof z['glowOnBeat'] === 'boolean') entry.glowOnBeat = z['glowOnBeat'];
      zones[name] = entry;
    }
  }
  const t = raw['transitionS'];
  const bands = readBandSensitivity(raw['bandSensitivity']);
  return {
    name: raw['name'],
    preset: preset as PresetName,
    transitionS: typeof t === 'number' && t >= 0 && t <= MAX_TRANSITION_S ? t : 0,
    blackout: raw['blackout'] === true,
    freeze: raw['freeze'] === true,
    ...(typeof raw['pattern'] === 'string' ? { pattern: raw['pattern'] } : {}),
    zones,
    ...(bands !== null ? { bandSensitivity: bands } : {}),
  };
}

/** Five gains within range, or null (absent or damaged: the scene then leaves the gains as they are). */
function readBandSensitivity(raw: unknown): number[] | null {
  if (!Array.isArray(raw) || raw.length !== 5) return null;
  const fits = (g: unknown): g is number =>
    typeof g === 'number' && Number.isFinite(g) && g >= 0 && g <= MAX_BAND_SENSITIVITY;
  return raw.every(fits) ? [...raw] : null;
}

function describe(raw: unknown): string {
  return isPlainObject(raw) && typeof raw['name'] === 'string' ? `"${raw['name'].slice(0, 64)}"` : 'an entry';
}
