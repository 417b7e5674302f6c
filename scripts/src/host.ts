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
  /**
   * Optional: milliseconds of CPU time the engine's thread has used (monotonic; only differences count).
   * Pattern budgets are counted on it where a host has it, so time the thread spends waiting for a core or a
   * garbage collection on a loaded server does not count against a pattern; otherwise on `now()`.
   */
  cpuTime?(): number;
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

/** Entity kinds (header field `ZONE_HEADER.KIND`). */
export const ENTITY_KINDS = { BLOCK: 0, ITEM: 1, TEXT: 2 } as const;

/**
 * A zone's frame: one ArrayBuffer per zone holding everything the host needs to show its entities, so a
 * host copies a zone with one bulk read. Layout for a zone of `n` entities (`n` = header `COUNT`):
 *
 * - bytes 0–127: a Float64Array header of `ZONE_HEADER_SLOTS` numbers, indexed by `ZONE_HEADER`;
 * - then, each an array of `n` elements, in this order (`zoneFrameLayout(n)` gives the byte offsets):
 *   Float32 `x`, `y`, `z` (zone-local 0–1 as the pattern wrote them: the host forces them into 0–1, NaN to 0),
 *   `scale` (0–4, 0 = hidden), `yaw` (degrees, as the pattern wrote it: the host keeps finite values within
 *   ±360°, others 0), `light` (the smoothed brightness 0–15);
 *   Int32 `materialOverride` (-1 = the band's material, else an index into `materials`);
 *   Int16 `interpolationOverride` (-1 = the zone's interpolation, else ticks);
 *   Int8 `visibleOverride` (-1 = none, 0 hides), `glowOverride` (-1 = none, 0/1 forces glow off/on),
 *   `brightnessOverride` (-1 = none, else 0–15);
 *   Uint8 `band` (the host uses min(band, 4)), `glow` (1 = the pattern lit it).
 *
 * The host turns frames into display-entity changes: it remembers what it last sent per entity, sends only
 * what moved beyond a quantisation step, spreads spawns over ticks and removes the entities of a zone whose
 * slot is freed or taken by another zone (another `ID`).
 */
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
  /** The zone's brightness 0–15. */
  BRIGHTNESS: 7,
  /** 1: an entity's brightness is the zone's scaled by its `light` / 15; 0: the zone's brightness. */
  DYNAMIC_BRIGHTNESS: 8,
  /** Interpolation duration, ticks. */
  INTERPOLATION: 9,
  /** 1: light every entity this tick (glow_on_beat on a beat). */
  BEAT_GLOW: 10,
  /** Five slots, BAND_MATERIAL + b: band b's material, an index into `materials`. */
  BAND_MATERIAL: 11,
} as const;
export const ZONE_HEADER_SLOTS = 16;
export const ZONE_HEADER_BYTES = ZONE_HEADER_SLOTS * 8;
/** Bytes per entity in a zone frame (7 four-byte, 1 two-byte and 5 one-byte arrays). */
export const ZONE_FRAME_BYTES_PER_ENTITY = 35;

/** Byte offsets of a zone frame's arrays for `n` entities (see `ZONE_HEADER`). */
export function zoneFrameLayout(n: number) {
  const f32 = (k: number) => ZONE_HEADER_BYTES + k * 4 * n;
  const i16 = ZONE_HEADER_BYTES + 28 * n;
  const i8 = i16 + 2 * n;
  return {
    x: f32(0),
    y: f32(1),
    z: f32(2),
    scale: f32(3),
    yaw: f32(4),
    light: f32(5),
    materialOverride: f32(6),
    interpolationOverride: i16,
    visibleOverride: i8,
    glowOverride: i8 + n,
    brightnessOverride: i8 + 2 * n,
    band: i8 + 3 * n,
    glow: i8 + 4 * n,
    bytes: ZONE_HEADER_BYTES + ZONE_FRAME_BYTES_PER_ENTITY * n,
  };
}

/**
 * One tick's output: every zone's shown state. The buffers are reused from tick to tick (and replaced when a
 * zone is resized); a host copies what it needs before the next `tick()`.
 */
export interface TickFrame {
  /** Zone slot → anchor; null for a free slot. */
  readonly zones: readonly (ZoneAnchor | null)[];
  /** Zone slot → the zone's frame (layout above); null for a free slot. */
  readonly frames: readonly (ArrayBuffer | null)[];
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
