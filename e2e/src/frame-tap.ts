/**
 * A transparent WebSocket relay between the agent and the hub's :9000 that notes when each `dj_audio_frame`
 * passed and the agent's own timestamp in it — the start of the latency the suite measures — and when the agent
 * (re)connected. It forwards text both ways unchanged; when either side goes away the other side's socket is cut
 * the same way (no close frame), so a killed hub looks to the agent exactly like a killed hub.
 */
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { LOOPBACK } from './network';

/** One frame the agent sent. */
export interface TappedFrame {
  /** The frame's own `ts`, converted to ms since the epoch. */
  readonly agentTs: number;
  /** When the relay saw it, ms since the epoch. */
  readonly seenAt: number;
  readonly beat: boolean;
}

/** Frames kept (≈ 3 minutes at 60 fps); older ones are dropped. */
const MAX_FRAMES = 10_000;

export class FrameTap {
  readonly frames: TappedFrame[] = [];
  /** When each agent connection arrived, ms since the epoch. */
  readonly connections: number[] = [];
  private readonly server: WebSocketServer;
  private readonly listeners = new Set<() => void>();
  private readonly pairs = new Set<{ agent: WebSocket; hub: WebSocket }>();

  private constructor(
    server: WebSocketServer,
    private readonly hubUrl: string,
  ) {
    this.server = server;
    server.on('connection', (agent) => this.relay(agent));
  }

  /** Listens on a free loopback port and relays to `hubUrl` (e.g. ws://127.0.0.1:9000). */
  static async start(hubUrl: string): Promise<FrameTap> {
    const server = await new Promise<WebSocketServer>((resolve, reject) => {
      const s = new WebSocketServer({ host: LOOPBACK, port: 0, perMessageDeflate: false });
      s.once('listening', () => resolve(s));
      s.once('error', reject);
    });
    return new FrameTap(server, hubUrl);
  }

  /** The URL to give the agent as `--hub`. */
  get url(): string {
    const address = this.server.address();
    if (address === null || typeof address === 'string')
      throw new Error('the frame tap is not on a TCP port');
    return `ws://${LOOPBACK}:${address.port}`;
  }

  /** Agent timestamps (ms since the epoch) of the beat frames in [fromMs, toMs) of relay time. */
  beatTimes(fromMs = -Infinity, toMs = Infinity): number[] {
    return this.frames.filter((f) => f.beat && f.seenAt >= fromMs && f.seenAt < toMs).map((f) => f.agentTs);
  }

  /** Resolves when a frame passes with a relay time after `afterMs` (default: now). */
  nextFrame(timeoutMs: number, afterMs = Date.now()): Promise<TappedFrame> {
    return this.waitFor(
      () => {
        const last = this.frames[this.frames.length - 1];
        return last !== undefined && last.seenAt > afterMs ? last : undefined;
      },
      timeoutMs,
      'an agent frame',
    );
  }

  /**
   * Resolves with the agent timestamps of the first `count` beat frames that pass after `afterMs` (relay time),
   * once the last of them has passed.
   */
  beatsAfter(count: number, timeoutMs: number, afterMs = Date.now()): Promise<number[]> {
    return this.waitFor(
      () => {
        const beats = this.beatTimes(afterMs);
        return beats.length >= count ? beats.slice(0, count) : undefined;
      },
      timeoutMs,
      `${count} beat frames`,
    );
  }

  /** Resolves with the time of the first agent connection arriving after `afterMs`. */
  nextConnection(timeoutMs: number, afterMs: number): Promise<number> {
    return this.waitFor(() => this.connections.find((t) => t > afterMs), timeoutMs, 'an agent connection');
  }

  async close(): Promise<void> {
    for (const { agent, hub } of this.pairs) {
      agent.terminate();
      hub.terminate();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private waitFor<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const value = find();
        if (value === undefined) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`frame tap: no ${what} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.listeners.add(check);
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private relay(agent: WebSocket): void {
    this.connections.push(Date.now());
    this.notify();
    const hub = new WebSocket(this.hubUrl, { perMessageDeflate: false });
    const pair = { agent, hub };
    this.pairs.add(pair);
    const early: string[] = [];
    agent.on('message', (data: RawData) => {
      const text = data.toString();
      this.note(text);
      if (hub.readyState === WebSocket.OPEN) hub.send(text);
      else early.push(text);
    });
    hub.on('open', () => {
      for (const text of early.splice(0)) hub.send(text);
    });
    hub.on('message', (data: RawData) => {
      if (agent.readyState === WebSocket.OPEN) agent.send(data.toString());
    });
    // A clean close is passed on with its code (auth failures, kicks); a lost socket is cut on the other side too.
    const closeOther = (other: WebSocket, code: number, reason: Buffer): void => {
      this.pairs.delete(pair);
      if (code === 1005 || code === 1006) other.terminate();
      else if (other.readyState === WebSocket.OPEN) other.close(code, reason.toString());
      else other.terminate();
    };
    agent.on('close', (code, reason) => closeOther(hub, code, reason));
    hub.on('close', (code, reason) => closeOther(agent, code, reason));
    agent.on('error', () => agent.terminate());
    hub.on('error', () => hub.terminate());
  }

  private note(text: string): void {
    if (!text.includes('"dj_audio_frame"')) return;
    let frame: { type?: unknown; ts?: unknown; beat?: unknown };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      return;
    }
    if (frame.type !== 'dj_audio_frame' || typeof frame.ts !== 'number') return;
    this.frames.push({ agentTs: frame.ts * 1000, seenAt: Date.now(), beat: frame.beat === true });
    if (this.frames.length > MAX_FRAMES) this.frames.splice(0, this.frames.length - MAX_FRAMES);
    this.notify();
  }
}
