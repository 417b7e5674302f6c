/**
 * The 'zones' document: every zone as one JSON text the host writes atomically. Reading is forgiving and
 * loud: a zone that does not check out is skipped and reported, a document that is not JSON at all is
 * reported and treated as empty, and nothing throws (a damaged file must not stop the server).
 */
import {
  MAX_BRIGHTNESS,
  MAX_ENTITIES_PER_ZONE,
  MAX_INTERPOLATION_TICKS,
  MAX_ROTATION_DEG,
  canonicalMaterial,
  isPlainObject,
  readParamValues,
} from '@audioviz/shared-types';
import {
  ENTITY_KIND_NAMES,
  MAX_ZONE_SIZE,
  MIN_ZONE_SIZE,
  newZone,
  zoneNameProblem,
  type EntityKind,
  type Vec3,
  type Zone,
} from './zone';

export const ZONES_DOCUMENT_VERSION = 1;

export interface ZonesRead {
  readonly zones: Zone[];
  /** One readable line per zone or field that was skipped. */
  readonly problems: string[];
}

export function serializeZones(zones: Iterable<Zone>): string {
  return JSON.stringify({ version: ZONES_DOCUMENT_VERSION, zones: [...zones] }, null, 2);
}

/** Reads a stored 'zones' document (null: never written). */
export function parseZones(text: string | null): ZonesRead {
  const problems: string[] = [];
  if (text === null) return { zones: [], problems };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    problems.push('the zones document is not valid JSON; starting without zones (fix or delete the file)');
    return { zones: [], problems };
  }
  const list = isPlainObject(doc) ? doc['zones'] : undefined;
  if (!Array.isArray(list)) {
    problems.push('the zones document has no "zones" list; starting without zones (fix or delete the file)');
    return { zones: [], problems };
  }
  const zones: Zone[] = [];
  const seen = new Set<string>();
  list.forEach((raw, index) => {
    const zone = readZone(raw, (p) => problems.push(`stored zone #${index + 1} skipped: ${p}`));
    if (zone === null) return;
    if (seen.has(zone.name)) {
      problems.push(`stored zone #${index + 1} skipped: the name "${zone.name}" is used twice`);
      return;
    }
    seen.add(zone.name);
    zones.push(zone);
  });
  return { zones, problems };
}

function readZone(raw: unknown, report: (problem: string) => void): Zone | null {
  if (!isPlainObject(raw)) return fail(report, 'not an object');
  const name = raw['name'];
  if (typeof name !== 'string') return fail(report, 'no name');
  const nameProblem = zoneNameProblem(name);
  if (nameProblem !== null) return fail(report, nameProblem);
  const world = raw['world'];
  if (typeof world !== 'string' || world.length === 0 || world.length > 128) {
    return fail(report, `zone "${name}" has no valid world`);
  }
  const origin = readVec(raw['origin'], -30_000_000, 30_000_000);
  const size = readVec(raw['size'], MIN_ZONE_SIZE, MAX_ZONE_SIZE);
  if (origin === null) return fail(report, `zone "${name}" has no valid origin`);
  if (size === null) return fail(report, `zone "${name}" has no valid size (1–64 blocks per axis)`);
  const zone = newZone(name, world, origin, size);
  zone.rotation = num(raw['rotation'], -MAX_ROTATION_DEG, MAX_ROTATION_DEG) ?? 0;
  zone.entityCount = int(raw['entityCount'], 0, MAX_ENTITIES_PER_ZONE) ?? 0;
  const kind = raw['kind'];
  if (ENTITY_KIND_NAMES.includes(kind as EntityKind)) zone.kind = kind as EntityKind;
  zone.materials = readMaterials(raw['materials']) ?? zone.materials;
  if (typeof raw['pattern'] === 'string' && zoneNameProblem(raw['pattern']) === null) {
    zone.pattern = raw['pattern'];
  }
  zone.params = readParamValues(raw['params']);
  zone.interpolation = int(raw['interpolation'], 0, MAX_INTERPOLATION_TICKS) ?? zone.interpolation;
  zone.brightness = int(raw['brightness'], 0, MAX_BRIGHTNESS) ?? zone.brightness;
  if (typeof raw['glowOnBeat'] === 'boolean') zone.glowOnBeat = raw['glowOnBeat'];
  if (typeof raw['dynamicBrightness'] === 'boolean') zone.dynamicBrightness = raw['dynamicBrightness'];
  return zone;
}

/** Five band materials in canonical form ("GLOWSTONE" reads as "minecraft:glowstone"), or null. */
export function readMaterials(value: unknown): Zone['materials'] | null {
  if (!Array.isArray(value) || value.length !== 5) return null;
  const materials = value.map((m) => (typeof m === 'string' ? canonicalMaterial(m) : null));
  return materials.every((m) => m !== null) ? (materials as Zone['materials']) : null;
}

function fail(report: (problem: string) => void, problem: string): null {
  report(problem);
  return null;
}

function num(value: unknown, min: number, max: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : null;
}

function int(value: unknown, min: number, max: number): number | null {
  const n = num(value, min, max);
  return n !== null && Number.isInteger(n) ? n : null;
}

function readVec(value: unknown, min: number, max: number): Vec3 | null {
  if (!isPlainObject(value)) return null;
  const x = num(value['x'], min, max);
  const y = num(value['y'], min, max);
  const z = num(value['z'], min, max);
  return x === null || y === null || z === null ? null : { x, y, z };
}
