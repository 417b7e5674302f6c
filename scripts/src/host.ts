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

export {
  ENTITY_KINDS,
  ZONE_HEADER,
  ZONE_HEADER_SLOTS,
  ZONE_HEADER_BYTES,
  ZONE_FRAME_BYTES_PER_ENTITY,
  ZONE_FRAME_FIELDS,
  zoneFrameLayout,
} from '@audioviz/shared-types';

/**
 * One tick's output: every zone's shown state. The buffers are reused from tick to tick (and replaced when a
 * zone is resized); a host copies what it needs before the next `tick()`.
 */
export interface TickFrame {
  /** Zone slot → anchor; null for a free slot. */
  readonly zones: readonly (ZoneAnchor | null)[];
  /**
   * Zone slot → the zone's frame (shared-types `zone-frame.ts`: final values only, so the host compares numbers
   * with what it last sent, sends what moved beyond a quantisation step, spreads spawns over ticks and removes
   * the entities of a zone whose slot is freed or taken by another zone); null for a free slot.
   */
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
