/**
 * A `Host` for tests that records everything the engine does: log lines, documents (kept in memory, so a
 * second engine on the same host starts from what the first saved), replies per client, announcements.
 * Its `world` holds every zone's entities as the last frame applied shows them, so
 * tests assert on entities, not buffers. Time moves only when a test says so.
 */
import { zoneFrameArrays } from '@audioviz/shared-types';
import {
  ZONE_HEADER,
  ZONE_HEADER_SLOTS,
  zoneFrameLayout,
  type DocumentName,
  type Host,
  type LogLevel,
  type TickFrame,
} from '../src/host';

/** One entity of a zone frame, zone-local, as a host shows it. */
export interface WorldEntity {
  zone: string;
  index: number;
  kind: number;
  /** Zone-local position in blocks from the anchor (before the zone's rotation). */
  x: number;
  y: number;
  z: number;
  /** 0 when hidden (then the rest is what the entity last showed). */
  scale: number;
  yaw: number;
  /** Block light 0–15. */
  brightness: number;
  glow: boolean;
  material: string;
}

export class RecordingHost implements Host {
  time = 0;
  readonly logs: { level: LogLevel; message: string }[] = [];
  readonly documents = new Map<DocumentName, string>();
  readonly writes: DocumentName[] = [];
  readonly sent = new Map<string, unknown[]>();
  readonly announcements: { zone: string | null; message: string }[] = [];
  /** Entities as a display world would hold them, keyed "zone/index". */
  readonly world = new Map<string, WorldEntity>();
  /** Records applied over the host's life. */
  recordsApplied = 0;

  now(): number {
    return this.time;
  }

  log(level: LogLevel, message: string): void {
    this.logs.push({ level, message });
  }

  readDocument(name: DocumentName): string | null {
    return this.documents.get(name) ?? null;
  }

  writeDocument(name: DocumentName, text: string): void {
    this.documents.set(name, text);
    this.writes.push(name);
  }

  send(clientId: string, text: string): void {
    let list = this.sent.get(clientId);
    if (list === undefined) this.sent.set(clientId, (list = []));
    list.push(JSON.parse(text) as unknown);
  }

  announce(zone: string | null, message: string): void {
    this.announcements.push({ zone, message });
  }

  /** Replies sent to a client so far, and forgets them. */
  take(clientId: string): Record<string, unknown>[] {
    const list = (this.sent.get(clientId) ?? []) as Record<string, unknown>[];
    this.sent.delete(clientId);
    return list;
  }

  /** Log lines at `level` or above containing `text`. */
  logged(text: string, level: LogLevel = 'warn'): string[] {
    const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
    return this.logs
      .filter((l) => order.indexOf(l.level) >= order.indexOf(level) && l.message.includes(text))
      .map((l) => l.message);
  }

  /**
   * Replaces `world` with what one tick's frame shows (throws on a frame that breaks host.ts's layout); no
   * frame leaves the world as it is.
   */
  apply(frame: TickFrame | null): void {
    if (frame === null) return;
    this.world.clear();
    frame.frames.forEach((buffer, slot) => {
      const anchor = frame.zones[slot];
      if (anchor === undefined) throw new Error(`slot ${slot}: a frame without a zone anchor`);
      if ((buffer === null) !== (anchor === null)) throw new Error(`slot ${slot}: anchor and frame disagree`);
      if (buffer === null || anchor === null) return;
      const h = new Float64Array(buffer, 0, ZONE_HEADER_SLOTS);
      const n = h[ZONE_HEADER.COUNT]!;
      const at = zoneFrameLayout(n);
      if (buffer.byteLength !== at.bytes)
        throw new Error(`slot ${slot}: ${buffer.byteLength} bytes for ${n}`);
      const { x, y, z, scale, yaw, glowColor, material, brightness } = zoneFrameArrays(buffer, n);
      for (let i = 0; i < n; i++) {
        this.world.set(`${anchor.name}/${i}`, {
          zone: anchor.name,
          index: i,
          kind: h[ZONE_HEADER.KIND]!,
          x: x[i]! * h[ZONE_HEADER.SIZE_X]!,
          y: y[i]! * h[ZONE_HEADER.SIZE_Y]!,
          z: z[i]! * h[ZONE_HEADER.SIZE_Z]!,
          scale: scale[i]!,
          yaw: yaw[i]!,
          brightness: brightness[i]!,
          glow: glowColor[i]! >= 0,
          material: frame.materials[material[i]!]!,
        });
      }
    });
  }

  /** Entities of one zone in the world, by index. */
  entities(zone: string): WorldEntity[] {
    return [...this.world.values()].filter((e) => e.zone === zone).sort((a, b) => a.index - b.index);
  }
}

/** A sender holding the given permission nodes, standing at a place (or the console when `at` is null). */
export function sender(
  permissions: string[] = ['audioviz.admin'],
  at: { world: string; x: number; y: number; z: number; yaw: number } | null = {
    world: 'world',
    x: 100.5,
    y: 64,
    z: -20.5,
    yaw: 0,
  },
): { name: string; permissions: string[]; location: typeof at } {
  return { name: 'tester', permissions, location: at };
}

/** One audio_state frame as JSON text. */
export function audioFrame(beat: boolean, level = 0.6, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    type: 'audio_state',
    bands: [level, level * 0.8, level * 0.6, level * 0.5, level * 0.4],
    amplitude: level,
    is_beat: beat,
    beat_intensity: beat ? 1 : 0,
    bpm: 128,
    beat_phase: 0,
    ...extra,
  });
}
