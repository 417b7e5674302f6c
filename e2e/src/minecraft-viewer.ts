/**
 * A Minecraft player watching the show: the standalone server's own protocol client
 * (paper-plugin/standalone/src/test/js/watch-entities.cjs, minecraft-protocol) run as a process, with
 * `packet-meter.cjs` preloaded so each entity packet also reports its arrival time and size. Collects the display
 * entities it sees spawn and every transformation change as `EntityUpdate`s, and the block each block display
 * shows.
 */
import path from 'node:path';
import { ManagedProcess } from './child-process';
import type { EntityUpdate, Vec3 } from './show-analysis';
import { REPO_ROOT } from './paths';

export const WATCH_SCRIPT = path.join(REPO_ROOT, 'paper-plugin/standalone/src/test/js/watch-entities.cjs');
const PACKET_METER = path.join(__dirname, 'packet-meter.cjs');

/** A display entity as spawned. */
export interface SpawnedEntity {
  readonly id: number;
  readonly type: string;
  /** Spawn position, blocks. */
  readonly x: number;
  readonly y: number;
  readonly z: number;
  /** Arrival, ms since the epoch. */
  readonly t: number;
}

interface MeterLine {
  event: 'packet';
  name: string;
  id: number | null;
  t: number;
  bytes: number;
}

/** Updates kept (≈ 1024 entities × 20 Hz for 30 s); older ones are dropped. */
const MAX_UPDATES = 600_000;

export class MinecraftViewer {
  readonly displays = new Map<number, SpawnedEntity>();
  readonly updates: EntityUpdate[] = [];
  /** The block each block display shows, by entity id ("glowstone"), as its metadata last said. */
  readonly blocks = new Map<number, string>();
  /** Bytes of every entity packet, display or not, with arrival times: what the client paid. */
  readonly packets: { t: number; bytes: number }[] = [];
  private lastMeter: MeterLine | null = null;
  private readonly listeners = new Set<() => void>();

  private constructor(readonly client: ManagedProcess) {
    client.onLine((line) => this.onLine(line));
  }

  /** Starts the client; resolves once it has joined the server. */
  static async join(options: { port: number; username: string; logDir: string }): Promise<MinecraftViewer> {
    const viewer = new MinecraftViewer(
      ManagedProcess.start({
        name: `viewer-${options.username}`,
        command: process.execPath,
        args: [
          '--require',
          PACKET_METER,
          WATCH_SCRIPT,
          '--host',
          '127.0.0.1',
          '--port',
          String(options.port),
          '--username',
          options.username,
        ],
        cwd: REPO_ROOT,
        logDir: options.logDir,
      }),
    );
    await viewer.client.waitForLine(/"event":"joined"/, 30_000, 'joining the server');
    return viewer;
  }

  /** Resolves once the player has seen at least `count` display entities spawn; `what` names them in the error. */
  waitForDisplays(count: number, timeoutMs: number, what: string): Promise<true> {
    return this.waitFor(() => (this.displays.size >= count ? true : undefined), timeoutMs, what);
  }

  /** Resolves when `check` returns a value (checked now and after each entity event). */
  waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const found = check();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const listener = (): void => {
        const value = check();
        if (value === undefined) return;
        done();
        resolve(value);
      };
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const timer = setTimeout(() => {
        done();
        reject(this.client.failure(`${what}: not within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.listeners.add(listener);
      void this.client.exited.then(() => {
        if (!this.listeners.has(listener)) return;
        done();
        reject(this.client.failure(`the client left before ${what}`));
      });
    });
  }

  /** Updates of display entities that arrived in [fromMs, toMs). */
  updatesBetween(fromMs: number, toMs = Infinity): EntityUpdate[] {
    return this.updates.filter((u) => u.t >= fromMs && u.t < toMs);
  }

  /** Leaves the server and ends the process. */
  async leave(): Promise<void> {
    await this.client.stop(5_000);
  }

  private onLine(line: string): void {
    if (!line.startsWith('{')) return;
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    if (event['event'] === 'packet') {
      const meter = event as unknown as MeterLine;
      this.lastMeter = meter;
      this.packets.push({ t: meter.t, bytes: meter.bytes });
      if (this.packets.length > MAX_UPDATES) this.packets.splice(0, MAX_UPDATES / 2);
      return;
    }
    // The client's own line for the packet the meter just reported.
    const meter = this.lastMeter;
    this.lastMeter = null;
    const t = meter?.t ?? Date.now();
    if (
      event['event'] === 'spawn' &&
      typeof event['type'] === 'string' &&
      event['type'].endsWith('_display')
    ) {
      const id = Number(event['id']);
      this.displays.set(id, {
        id,
        type: event['type'],
        x: Number(event['x']),
        y: Number(event['y']),
        z: Number(event['z']),
        t,
      });
    } else if (event['event'] === 'metadata') {
      const id = Number(event['id']);
      if (!this.displays.has(id)) return;
      const fields = (event['fields'] ?? {}) as Record<string, unknown>;
      if (typeof fields['block'] === 'string') this.blocks.set(id, fields['block']);
      const update: { t: number; entityId: number; bytes: number; scale?: Vec3; translation?: Vec3 } = {
        t,
        entityId: id,
        bytes: meter?.bytes ?? 0,
      };
      const scale = asVec3(fields['scale']);
      const translation = asVec3(fields['translation']);
      if (scale !== undefined) update.scale = scale;
      if (translation !== undefined) update.translation = translation;
      this.updates.push(update);
      if (this.updates.length > MAX_UPDATES) this.updates.splice(0, MAX_UPDATES / 2);
    } else if (event['event'] === 'destroy' && Array.isArray(event['ids'])) {
      for (const id of event['ids']) {
        this.displays.delete(Number(id));
        this.blocks.delete(Number(id));
      }
    } else return;
    for (const listener of [...this.listeners]) listener();
  }
}

function asVec3(value: unknown): Vec3 | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  return typeof v['x'] === 'number' && typeof v['y'] === 'number' && typeof v['z'] === 'number'
    ? { x: v['x'], y: v['y'], z: v['z'] }
    : undefined;
}
