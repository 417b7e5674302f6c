/**
 * A `Host` for tests that records everything the engine does: log lines, documents (kept in memory, so a
 * second engine on the same host starts from what the first saved), replies per client, announcements.
 * Its `world` applies every diff the way a display world would, so tests assert on entities, not records.
 * Time moves only when a test says so.
 */
import {
  DIFF_FLAGS,
  FLOAT_STRIDE,
  INT_STRIDE,
  type DocumentName,
  type Host,
  type LogLevel,
  type TickDiff,
} from '../src/host';

export interface WorldEntity {
  zone: string;
  index: number;
  kind: number;
  material: string;
  brightness: number;
  glowColor: number;
  interpolation: number;
  /** translation (blocks from the zone anchor), scale, quaternion */
  tx: number;
  ty: number;
  tz: number;
  scale: number;
  q: [number, number, number, number];
  updates: number;
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

  /** Applies one tick's diff to `world` (throws on a record a real world could not apply). */
  apply(diff: TickDiff): void {
    for (let r = 0; r < diff.count; r++) {
      const io = r * INT_STRIDE;
      const fo = r * FLOAT_STRIDE;
      const anchor = diff.zones[diff.ints[io]];
      if (anchor === null || anchor === undefined)
        throw new Error(`record ${r} names free zone slot ${diff.ints[io]}`);
      const key = `${anchor.name}/${diff.ints[io + 1]}`;
      const flags = diff.ints[io + 2];
      this.recordsApplied++;
      if ((flags & DIFF_FLAGS.REMOVE) !== 0) {
        if (!this.world.delete(key)) throw new Error(`remove of unknown entity ${key}`);
        continue;
      }
      let e = this.world.get(key);
      if ((flags & DIFF_FLAGS.SPAWN) !== 0) {
        if (e !== undefined) throw new Error(`spawn of existing entity ${key}`);
        e = {
          zone: anchor.name,
          index: diff.ints[io + 1],
          kind: diff.ints[io + 7],
          material: '',
          brightness: 0,
          glowColor: -1,
          interpolation: 0,
          tx: 0,
          ty: 0,
          tz: 0,
          scale: 0,
          q: [0, 0, 0, 1],
          updates: 0,
        };
        this.world.set(key, e);
      } else if (e === undefined) {
        throw new Error(`update of unknown entity ${key}`);
      }
      e.updates++;
      if ((flags & DIFF_FLAGS.TRANSFORM) !== 0) {
        e.tx = diff.floats[fo];
        e.ty = diff.floats[fo + 1];
        e.tz = diff.floats[fo + 2];
        e.scale = diff.floats[fo + 3];
        e.q = [diff.floats[fo + 4], diff.floats[fo + 5], diff.floats[fo + 6], diff.floats[fo + 7]];
        e.interpolation = diff.ints[io + 6];
      }
      if ((flags & DIFF_FLAGS.BRIGHTNESS) !== 0) e.brightness = diff.ints[io + 4];
      if ((flags & DIFF_FLAGS.GLOW) !== 0) e.glowColor = diff.ints[io + 5];
      if ((flags & DIFF_FLAGS.MATERIAL) !== 0) e.material = diff.materials[diff.ints[io + 3]];
    }
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
