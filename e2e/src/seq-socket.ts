/**
 * A test's own WebSocket to one of the show's ports (:8766 as an operator's browser, :8765 as a plugin client):
 * requests carry `_seq` and resolve with the reply that echoes it; everything else is kept for `next()`.
 */
import { WebSocket, type RawData } from 'ws';

export type Message = { type: string; [field: string]: unknown };

/** Unanswered messages kept for `next()`; the oldest are dropped (the hub pushes `state` at 20 Hz). */
const MAX_KEPT = 500;

export class SeqSocket {
  private nextSeq = 1;
  private readonly pending = new Map<
    number,
    { resolve: (reply: Message) => void; reject: (err: Error) => void }
  >();
  private readonly kept: Message[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: RawData) => this.onMessage(data.toString()));
    ws.on('close', () => {
      for (const { reject } of this.pending.values()) reject(new Error('the socket closed before the reply'));
      this.pending.clear();
    });
  }

  /** Connects and resolves with the socket and the server's first message (`connected`, `vj_state`). */
  static connect(url: string, timeoutMs = 10_000): Promise<{ socket: SeqSocket; greeting: Message }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      const socket = new SeqSocket(ws);
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`${url}: no greeting within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      ws.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`${url}: ${err.message}`));
      });
      void socket
        .next(() => true, timeoutMs)
        .then(
          (greeting) => {
            clearTimeout(timer);
            resolve({ socket, greeting });
          },
          () => undefined,
        );
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends `message` with a fresh `_seq`; resolves with the reply (which may be an `error`). */
  request(message: Message, timeoutMs = 10_000): Promise<Message> {
    const seq = this.nextSeq++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        reject(new Error(`${message.type}: no reply within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending.set(seq, {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      });
      if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ ...message, _seq: seq }));
      else this.pending.get(seq)!.reject(new Error(`${message.type}: the socket is not open`));
    });
  }

  /** Sends without waiting for anything. */
  send(message: Message): void {
    this.ws.send(JSON.stringify(message));
  }

  /** Resolves with (and consumes) the first kept or future message that `match` accepts. */
  next(match: (m: Message) => boolean, timeoutMs = 10_000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const i = this.kept.findIndex(match);
        if (i < 0) return false;
        const [found] = this.kept.splice(i, 1);
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(found!);
        return true;
      };
      const waiter = (): void => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching message within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      if (!check()) this.waiters.add(waiter);
    });
  }

  /** Forgets every kept message, for a test that wants only what arrives from now on. */
  forgetKept(): void {
    this.kept.length = 0;
  }

  close(): void {
    this.ws.terminate();
  }

  private onMessage(text: string): void {
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch {
      return;
    }
    // Answer the hub's liveness pings as a page does, or a socket kept through a long test is dropped.
    if (message.type === 'ping' && this.open) {
      this.ws.send(JSON.stringify({ type: 'pong', ...timestampOf(message) }));
      return;
    }
    const seq = message['_seq'];
    if (typeof seq === 'number') {
      const request = this.pending.get(seq);
      if (request !== undefined) {
        this.pending.delete(seq);
        request.resolve(message);
        return;
      }
    }
    this.kept.push(message);
    if (this.kept.length > MAX_KEPT) this.kept.splice(0, this.kept.length - MAX_KEPT);
    for (const waiter of [...this.waiters]) waiter();
  }
}

function timestampOf(ping: Message): { timestamp?: number } {
  return typeof ping['timestamp'] === 'number' ? { timestamp: ping['timestamp'] } : {};
}
