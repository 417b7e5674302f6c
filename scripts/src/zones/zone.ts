/**
 * The zone model (docs/protocol.md "Zone model"): a named box in a world, its size in blocks, a yaw rotation,
 * an entity pool size and kind, a material per band and the pattern it shows. Plain data: what is persisted.
 */
import { DEFAULT_ENTITIES_PER_ZONE, NAME_PATTERN } from '@audioviz/shared-types';
import type { ParamValue } from '../patterns/pattern';

export type EntityKind = 'block' | 'item' | 'text';
export const ENTITY_KIND_NAMES: readonly EntityKind[] = ['block', 'item', 'text'];

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

export interface Zone {
  readonly name: string;
  world: string;
  /** The zone's corner in world blocks; entities are anchored here. */
  origin: Vec3;
  /** Blocks along each axis, 1–64. */
  size: Vec3;
  /** Yaw in degrees, like an entity's (positive turns clockwise seen from above). */
  rotation: number;
  /** Entities in the pool, 0 – the engine's cap; 0 means no pool. */
  entityCount: number;
  kind: EntityKind;
  /** Material id per band (bass … air). */
  materials: [string, string, string, string, string];
  pattern: string;
  /** Pattern parameters set for this zone (missing keys take the pattern's defaults). */
  params: Record<string, ParamValue>;
  /** Interpolation duration of a transform change, ticks 0–100. */
  interpolation: number;
  /** Brightness cap 0–15 applied to every entity. */
  brightness: number;
  /** Entities glow on a beat. */
  glowOnBeat: boolean;
  /** Brightness follows the pattern (false: always `brightness`). */
  dynamicBrightness: boolean;
}

export const DEFAULT_MATERIALS: Zone['materials'] = [
  'minecraft:red_concrete',
  'minecraft:orange_concrete',
  'minecraft:yellow_concrete',
  'minecraft:lime_concrete',
  'minecraft:light_blue_concrete',
];
export const DEFAULT_PATTERN = 'bars';
/** Two ticks of interpolation turn 20 Hz updates into smooth motion without visible lag. */
export const DEFAULT_INTERPOLATION_TICKS = 2;
export { MAX_ZONE_SIZE, MIN_ZONE_SIZE } from '@audioviz/shared-types';

/** Zone templates (issue 3): sizes in blocks. */
export const ZONE_TEMPLATES: Readonly<Record<string, Vec3>> = {
  small_stage: { x: 5, y: 3, z: 5 },
  concert_hall: { x: 10, y: 6, z: 10 },
  dj_booth: { x: 3, y: 4, z: 3 },
  arena: { x: 15, y: 8, z: 15 },
};
export const DEFAULT_ZONE_SIZE: Vec3 = { x: 10, y: 10, z: 10 };

const NAME = new RegExp(NAME_PATTERN);

/** Why `name` cannot name a zone, or null when it can. */
export function zoneNameProblem(name: string): string | null {
  return NAME.test(name)
    ? null
    : `"${name.slice(0, 70)}" is not a valid zone name: use 1–64 letters, digits, "_" or "-"`;
}

/** A new zone with every default filled in. */
export function newZone(name: string, world: string, origin: Vec3, size: Vec3 = DEFAULT_ZONE_SIZE): Zone {
  return {
    name,
    world,
    origin: { ...origin },
    size: { ...size },
    rotation: 0,
    entityCount: 0,
    kind: 'block',
    materials: [...DEFAULT_MATERIALS],
    pattern: DEFAULT_PATTERN,
    params: {},
    interpolation: DEFAULT_INTERPOLATION_TICKS,
    brightness: 15,
    glowOnBeat: false,
    dynamicBrightness: true,
  };
}

/** The default pool size for `init_pool` without a count. */
export const DEFAULT_POOL_SIZE = DEFAULT_ENTITIES_PER_ZONE;
