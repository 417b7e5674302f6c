/** A WebSocket test client that queues what it receives, so a test can await the next message of a type. */
import { WebSocket } from 'ws';

export type Received = { type: string; [field: string]: unknown };

/** Longest wait for a network event in a test before it fails (not a measured duration). */
const WAIT_MS = 5_000;

export class TestClient {
  readonly received: Received[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];
  private closeInfo: { code: number; reason: string } | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      try {
        this.received.push(JSON.parse(data.toString()) as Received);
      } catch {
        this.received.push({ type: '<not json>' });
      }
      this.wake();
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        resolve(this.closeInfo);
        this.wake();
      }),
    );
    ws.on('error', () => undefined);
  }

  static open(url: string): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const client = new TestClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  get isClosed(): boolean {
    return this.closeInfo !== null;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Removes and returns the first received message of `type` (waiting for it if needed). */
  async next(type: string, timeoutMs = WAIT_MS): Promise<Received> {
    const found = await this.waitFor(() => {
      const i = this.received.findIndex((m) => m.type === type);
      return i < 0 ? undefined : this.received.splice(i, 1)[0];
    }, timeoutMs);
    if (found === undefined)
      throw new Error(
        `no "${type}" message; got ${this.received.map((m) => m.type).join(', ') || 'nothing'}`,
      );
    return found;
  }

  /** Waits until `count` messages of `type` have arrived (without removing them). */
  async count(type: string, count: number, timeoutMs = WAIT_MS): Promise<Received[]> {
    const all = await this.waitFor(() => {
      const matching = this.received.filter((m) => m.type === type);
      return matching.length >= count ? matching : undefined;
    }, timeoutMs);
    if (all === undefined) throw new Error(`fewer than ${count} "${type}" messages`);
    return all;
  }

  /** Resolves with the close code and reason. */
  async closedWith(timeoutMs = WAIT_MS): Promise<{ code: number; reason: string }> {
    const info = await this.waitFor(() => this.closeInfo ?? undefined, timeoutMs);
    if (info === undefined) throw new Error('socket still open');
    return info;
  }

  close(): void {
    this.ws.terminate();
  }

  private waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const value = probe();
        if (value === undefined) return false;
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(undefined);
      }, timeoutMs);
      const waiter = (): void => {
        if (check()) this.waiters = this.waiters.filter((w) => w !== waiter);
      };
      if (!check()) this.waiters.push(waiter);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** Resolves once `predicate` holds, polling the event loop (for state reached through sockets). */
export async function eventually(predicate: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}
