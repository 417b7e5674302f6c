/**
 * The zone frame: how the engine hands one zone's shown entities to its host, one ArrayBuffer per zone so a
 * host copies a zone with one bulk read. Every value in it is final — positions within the zone, yaw finite,
 * overrides, beat glow and dynamic brightness applied, the glow colour and material chosen — so a host only
 * compares numbers with what it sent before and turns them into display-entity changes.
 *
 * Declared once, here: the engine writes it, the preview reads it through the engine, and the Java host's
 * `ZoneFrame` is checked against this declaration (through generated/protocol-constants.json) by its tests.
 *
 * Layout for a zone of `n` entities (`n` = header `COUNT`), all in the platform's byte order:
 * - bytes 0 … ZONE_HEADER_BYTES−1: a Float64Array header of `ZONE_HEADER_SLOTS` numbers, indexed by `ZONE_HEADER`;
 * - then one array of `n` elements per `ZONE_FRAME_FIELDS` entry, in that order (`zoneFrameLayout(n)` gives the
 *   byte offsets). Four-byte arrays come first, so every array starts aligned to its element size.
 */

/** Header slots (Float64). */
export const ZONE_HEADER = {
  /** Unique per zone for the engine's life: a slot reused by a new zone gets a new id. */
  ID: 0,
  /** Entities the zone holds (`n`). */
  COUNT: 1,
  /** `ENTITY_KINDS` code. */
  KIND: 2,
  /** The zone's yaw, degrees. */
  ROTATION: 3,
  /** The zone's size in blocks. */
  SIZE_X: 4,
  SIZE_Y: 5,
  SIZE_Z: 6,
} as const;
export const ZONE_HEADER_SLOTS = 8;
export const ZONE_HEADER_BYTES = ZONE_HEADER_SLOTS * 8;

/** Entity kinds (header field `ZONE_HEADER.KIND`). */
export const ENTITY_KINDS = { BLOCK: 0, ITEM: 1, TEXT: 2 } as const;

/** The typed array of each element type of the frame. */
const ARRAY_TYPES = { f32: Float32Array, i32: Int32Array, i16: Int16Array, u8: Uint8Array } as const;
export type ZoneFrameType = keyof typeof ARRAY_TYPES;

/** The entity arrays, in frame order, with what each holds. */
export const ZONE_FRAME_FIELDS = [
  /** Zone-local position 0–1. */
  ['x', 'f32'],
  ['y', 'f32'],
  ['z', 'f32'],
  /** 0–MAX_ENTITY_SCALE; 0 = hidden (by the pattern, a fade or an operator). */
  ['scale', 'f32'],
  /** The entity's own yaw, degrees, finite (the host adds the zone's). */
  ['yaw', 'f32'],
  /** The outline colour 0xRRGGBB while the entity glows, else -1. */
  ['glowColor', 'i32'],
  /** An index into the tick's `materials`. */
  ['material', 'i32'],
  /** Interpolation duration, ticks. */
  ['interpolation', 'i16'],
  /** Block light 0–MAX_BRIGHTNESS. */
  ['brightness', 'u8'],
] as const satisfies readonly (readonly [string, ZoneFrameType])[];
export type ZoneFrameField = (typeof ZONE_FRAME_FIELDS)[number][0];
/** A zone frame's entity arrays by field name, each its declared type. */
export type ZoneFrameArrays = {
  [F in (typeof ZONE_FRAME_FIELDS)[number] as F[0]]: InstanceType<(typeof ARRAY_TYPES)[F[1]]>;
};

/** Bytes per entity in a zone frame. */
export const ZONE_FRAME_BYTES_PER_ENTITY = ZONE_FRAME_FIELDS.reduce(
  (sum, [, type]) => sum + ARRAY_TYPES[type].BYTES_PER_ELEMENT,
  0,
);

/** Byte offsets of a zone frame's arrays for `n` entities, and its total size. */
export function zoneFrameLayout(n: number): Record<ZoneFrameField | 'bytes', number> {
  const at = {} as Record<ZoneFrameField | 'bytes', number>;
  let offset = ZONE_HEADER_BYTES;
  for (const [name, type] of ZONE_FRAME_FIELDS) {
    at[name] = offset;
    offset += ARRAY_TYPES[type].BYTES_PER_ELEMENT * n;
  }
  at.bytes = offset;
  return at;
}

/** Views of every entity array of a zone frame of `n` entities in `buffer`. */
export function zoneFrameArrays(buffer: ArrayBuffer, n: number): ZoneFrameArrays {
  const at = zoneFrameLayout(n);
  const arrays: Record<string, ArrayBufferView> = {};
  for (const [name, type] of ZONE_FRAME_FIELDS) arrays[name] = new ARRAY_TYPES[type](buffer, at[name], n);
  return arrays as ZoneFrameArrays;
}
