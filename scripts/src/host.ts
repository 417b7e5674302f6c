/**
 * The engine's only door to the outside. The Java core (GraalJS), the hub (Node) and the tests each
 * implement `Host`; the engine never touches a platform API itself.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Documents the engine persists through its host, each one JSON text written atomically by the host. */
export type DocumentName = 'zones' | 'scenes' | 'settings';

export interface Host {
  /** Milliseconds on a monotonic-enough clock (the server's). */
  now(): number;
  log(level: LogLevel, message: string): void;
  /** The stored text of a document, or null if it was never written. */
  readDocument(name: DocumentName): string | null;
  /** Stores a document; the host writes it atomically (temp file + rename). */
  writeDocument(name: DocumentName, text: string): void;
  /** Sends one JSON text frame to a :8765 client (`clientId` as given to `enqueue`). */
  send(clientId: string, text: string): void;
  /** Shows a line to every player near a zone, or to everyone when `zone` is null (dj_info, status). */
  announce(zone: string | null, message: string): void;
}

/** Where a zone's entities are anchored in the world. */
export interface ZoneAnchor {
  readonly name: string;
  readonly world: string;
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** Flags of one diff record (bits of `ints[i * INT_STRIDE + 2]`). */
export const DIFF_FLAGS = {
  /** Create the entity (at scale 0 unless the floats say otherwise), with the given kind and material. */
  SPAWN: 1,
  /** Remove the entity. */
  REMOVE: 2,
  /** Set the transformation (translation, scale, rotation) from the floats. */
  TRANSFORM: 4,
  /** Set the brightness override (ints: brightness 0–15). */
  BRIGHTNESS: 8,
  /** Set glowing on/off and its colour (ints: glowColor, -1 = off). */
  GLOW: 16,
  /** Change the block/item material (ints: material index into `materials`). */
  MATERIAL: 32,
  /** Restart interpolation now (interpolation delay 0) with `interpolationTicks` as the duration. */
  RESTART_INTERPOLATION: 64,
} as const;

/** Entity kinds (`ints[i * INT_STRIDE + 7]`). */
export const ENTITY_KINDS = { BLOCK: 0, ITEM: 1, TEXT: 2 } as const;

/** Ints per record: [zoneSlot, entityIndex, flags, material, brightness, glowColor, interpolationTicks, kind]. */
export const INT_STRIDE = 8;
/**
 * Floats per record: [tx, ty, tz, scale, qx, qy, qz, qw]: translation in blocks relative to the zone anchor
 * (already rotated by the zone's yaw), uniform scale, and the left-rotation quaternion.
 */
export const FLOAT_STRIDE = 8;

/**
 * One tick's output: only entities that changed beyond the quantisation step appear. The arrays are reused
 * from tick to tick; a host copies what it needs before the next `tick()` (the Java core copies them into an
 * immutable object for the server thread).
 */
export interface TickDiff {
  /** Number of records. */
  readonly count: number;
  /** `count × INT_STRIDE` ints (the array may be longer). */
  readonly ints: Int32Array;
  /** `count × FLOAT_STRIDE` floats (the array may be longer). */
  readonly floats: Float32Array;
  /** Zone slot → anchor, for every slot in use. */
  readonly zones: readonly ZoneAnchor[];
  /** Material index → material id such as "minecraft:sea_lantern" (append-only). */
  readonly materials: readonly string[];
}

/** The sender of an in-game command, as the platform describes it. */
export interface CommandSender {
  readonly name: string;
  /** Which of audioviz.admin / audioviz.zone / audioviz.control the sender holds. */
  readonly permissions: readonly string[];
  /** Where a player stands (null for the console). */
  readonly location: { world: string; x: number; y: number; z: number; yaw: number } | null;
}

/** A command's answer: lines to show the sender, and whether it succeeded. */
export interface CommandReply {
  readonly ok: boolean;
  readonly lines: readonly string[];
}
