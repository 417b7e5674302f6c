/**
 * The one WebSocket client every page uses: docs/protocol.md "Keeping a link alive", row "browser → hub (:8766)".
 * Backoff 2 s × 1.5 up to 30 s with ±10 % jitter, 10 attempts then `reconnect_failed`; a `ping` every 5 s
 * and a dead link after 20 s without any message; up to 500 messages queued while offline (oldest evicted)
 * and flushed on reconnect; the backoff resets on the first message received, not on `open`.
 * It takes a socket factory, a Clock and a RandomSource, so tests drive it with a fake socket and FakeClock.
 */
import {
  BROWSER_CLIENT_POLICY,
  HeartbeatMonitor,
  NON_RETRYABLE_CLOSE_CODES,
  Reconnector,
  type BackoffPolicy,
  type Clock,
  type HeartbeatPolicy,
  type RandomSource,
} from '@audioviz/shared-types';
import { PendingRequests } from './pending-requests';

export { RequestError } from './pending-requests';

/** The part of the browser's `WebSocket` this service uses (so tests can pass a fake). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** How long `request()` waits for its reply by default, ms. */
const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;

/** Rejected messages logged to the console before the service stays quiet about them. */
const MAX_LOGGED_REJECTIONS = 5;

/** `WebSocket.OPEN`. */
const OPEN = 1;

/** What the status indicator shows. */
export type LinkStatus = 'connecting' | 'live' | 'offline';

/** A message as received: any JSON object with a string `type`. */
export interface InboundMessage {
  readonly type: string;
  readonly _seq?: number;
  readonly [field: string]: unknown;
}

/** A message to send: any JSON object with a string `type`. */
export interface OutboundMessage {
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface WebSocketServiceEvents {
  /** Every well-formed message from the server (after the service handled pings). */
  message: (message: InboundMessage) => void;
  status: (status: LinkStatus) => void;
  /** The attempt limit was reached; nothing more happens until `reconnectNow()`. */
  reconnect_failed: (attempts: number) => void;
  /** The server closed with a code after which retrying is pointless (bad credentials, kicked …). */
  refused: (code: number, reason: string) => void;
  /** Every close of an open or opening socket, with the server's code and reason. */
  closed: (code: number, reason: string) => void;
}

export interface WebSocketServiceOptions {
  /** ws:// or wss:// address of the hub port. */
  readonly url: string;
  readonly createSocket: (url: string) => SocketLike;
  readonly clock: Clock;
  readonly random: RandomSource;
  /** Defaults to `BROWSER_CLIENT_POLICY.backoff`. */
  readonly backoff?: BackoffPolicy;
  /** Defaults to `BROWSER_CLIENT_POLICY.heartbeat`. */
  readonly heartbeat?: HeartbeatPolicy;
  /** Defaults to `BROWSER_CLIENT_POLICY.offlineQueueLimit` (500). */
  readonly queueLimit?: number;
  /** Sent first on every open, before the queue is flushed (e.g. `vj_auth` or `dj_auth`). */
  readonly handshake?: () => OutboundMessage | null;
  /** How long `request()` waits for the reply carrying its `_seq`, ms. Default 5000. */
  readonly requestTimeoutMs?: number;
  /**
   * Checks a parsed message against the port's schema (shared-types); returns null when it is valid, else
   * why not. Invalid messages are counted and dropped, so the views only ever see well-formed ones.
   */
  readonly validate?: (message: InboundMessage) => string | null;
}

type Listeners = { [K in keyof WebSocketServiceEvents]: Set<WebSocketServiceEvents[K]> };

/** One reconnecting, heartbeating, queueing link to a hub port. */
export class WebSocketService {
  private socket: SocketLike | null = null;
  private currentStatus: LinkStatus = 'offline';
  private gotMessageSinceOpen = false;
  private stopped = true;
  private readonly queue: string[] = [];
  private readonly reconnector: Reconnector;
  private readonly heartbeat: HeartbeatMonitor;
  private readonly pending: PendingRequests;
  private rtt: number | null = null;
  private dropped = 0;
  private malformed = 0;
  private readonly listeners: Listeners = {
    message: new Set(),
    status: new Set(),
    reconnect_failed: new Set(),
    refused: new Set(),
    closed: new Set(),
  };

  constructor(private readonly options: WebSocketServiceOptions) {
    this.pending = new PendingRequests(options.clock, options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
    this.reconnector = new Reconnector(
      options.backoff ?? BROWSER_CLIENT_POLICY.backoff,
      options.clock,
      options.random,
      () => this.open(),
      { onGiveUp: (attempts) => this.emit('reconnect_failed', attempts) },
    );
    this.heartbeat = new HeartbeatMonitor(
      options.heartbeat ?? BROWSER_CLIENT_POLICY.heartbeat,
      options.clock,
      {
        send: () => this.sendNow({ type: 'ping', timestamp: options.clock.now() }),
        onDead: () => this.dropDeadLink(),
      },
    );
  }

  /** "connecting" while a socket is opening, "live" while open, "offline" otherwise. */
  get status(): LinkStatus {
    return this.currentStatus;
  }

  /** Round-trip time of the last answered ping, ms; null before the first. */
  get latencyMs(): number | null {
    return this.rtt;
  }

  /** Messages waiting for the link to come back. */
  get queued(): number {
    return this.queue.length;
  }

  /** Queued messages evicted because the queue was full. */
  get droppedCount(): number {
    return this.dropped;
  }

  /** Frames from the server that were not a JSON object with a string `type`, or failed `validate`. */
  get malformedCount(): number {
    return this.malformed;
  }

  /** Reconnect attempts since the last message received. */
  get attempts(): number {
    return this.reconnector.attempts;
  }

  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends keyof WebSocketServiceEvents>(event: K, listener: WebSocketServiceEvents[K]): () => void {
    const set = this.listeners[event] as Set<WebSocketServiceEvents[K]>;
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Opens the link (and keeps it open until `close()`). */
  connect(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  /**
   * Starts over with a fresh backoff and a new connection now (after `reconnect_failed`, a refusal, or
   * new credentials for the handshake); a connection still open is dropped first.
   */
  reconnectNow(): void {
    this.reconnector.succeeded();
    this.heartbeat.stop();
    this.stopped = false;
    const socket = this.socket;
    this.detach();
    socket?.close(1000, 'Reconnecting');
    this.open();
  }

  /** Closes the link for good; queued messages are kept, pending requests fail. */
  close(): void {
    this.stopped = true;
    this.reconnector.cancel();
    this.heartbeat.stop();
    const socket = this.socket;
    this.detach();
    socket?.close(1000, 'Page closed');
    this.setStatus('offline');
    this.pending.rejectAll();
  }

  /**
   * Sends a message now, or queues it while offline (oldest evicted past the limit). With `queue: false`
   * (live audio frames, which are worthless later) it is dropped instead. Returns true when sent now.
   */
  send(message: OutboundMessage, { queue = true }: { queue?: boolean } = {}): boolean {
    const text = JSON.stringify(message);
    if (this.socket !== null && this.socket.readyState === OPEN && this.sendText(text)) return true;
    if (queue) {
      const limit = this.options.queueLimit ?? BROWSER_CLIENT_POLICY.offlineQueueLimit;
      this.queue.push(text);
      while (this.queue.length > limit) {
        this.queue.shift();
        this.dropped++;
      }
    }
    return false;
  }

  /**
   * Sends a command with a fresh `_seq` and resolves with the reply echoing it; rejects on an `error`
   * reply, on timeout, or when the service is closed.
   */
  request(message: OutboundMessage): Promise<InboundMessage> {
    const { seq, reply } = this.pending.add(message.type);
    this.send({ ...message, _seq: seq });
    return reply as Promise<InboundMessage>;
  }

  private open(): void {
    this.detach();
    this.setStatus('connecting');
    let socket: SocketLike;
    try {
      socket = this.options.createSocket(this.options.url);
    } catch {
      this.lost();
      return;
    }
    this.socket = socket;
    this.gotMessageSinceOpen = false;
    socket.onopen = () => this.opened();
    socket.onmessage = (event) => this.received(event.data);
    socket.onclose = (event) => this.closed(event.code, event.reason);
    socket.onerror = () => {
      /* a close event always follows; it decides */
    };
  }

  private opened(): void {
    this.setStatus('live');
    const hello = this.options.handshake?.();
    if (hello) this.sendNow(hello);
    while (this.queue.length > 0 && this.socket?.readyState === OPEN) {
      if (!this.sendText(this.queue[0] as string)) break;
      this.queue.shift();
    }
    this.heartbeat.start();
  }

  private received(data: unknown): void {
    this.heartbeat.pongReceived();
    if (!this.gotMessageSinceOpen) {
      this.gotMessageSinceOpen = true;
      // docs/protocol.md: the backoff resets on the first message received, not on `open`.
      this.reconnector.succeeded();
    }
    const message = parse(data);
    if (message === null) {
      this.malformed++;
      return;
    }
    if (message.type === 'ping') {
      this.sendNow({ type: 'pong', timestamp: message['timestamp'] });
      return;
    }
    if (message.type === 'pong') {
      const sent = message['timestamp'];
      if (typeof sent === 'number') this.rtt = Math.max(0, this.options.clock.now() - sent);
      return;
    }
    const problem = this.options.validate?.(message) ?? null;
    if (problem !== null) {
      this.rejected(message, problem);
      return;
    }
    if (typeof message._seq === 'number') this.pending.settle(message._seq, message);
    this.emit('message', message);
  }

  /** A message that failed its schema: dropped; the first few are logged for whoever debugs the hub. */
  private rejected(message: InboundMessage, problem: string): void {
    this.malformed++;
    if (this.malformed <= MAX_LOGGED_REJECTIONS)
      console.warn(`Ignored a "${message.type}" from the hub: ${problem}`);
    // A reply that fails its schema still answers its request, as a refusal.
    if (typeof message._seq === 'number') {
      this.pending.settle(message._seq, {
        type: 'error',
        message: `The hub's reply was malformed: ${problem}`,
      });
    }
  }

  private closed(code: number, reason: string): void {
    this.heartbeat.stop();
    this.detach();
    this.emit('closed', code, reason);
    if (this.stopped) return;
    if (NON_RETRYABLE_CLOSE_CODES.includes(code)) {
      this.stopped = true;
      this.setStatus('offline');
      this.emit('refused', code, reason);
      return;
    }
    this.lost();
  }

  /** No message for the pong timeout: the socket may never report its close, so give it up now. */
  private dropDeadLink(): void {
    const socket = this.socket;
    this.detach();
    try {
      socket?.close(4000, 'No reply from the hub');
    } catch {
      /* already closing */
    }
    if (!this.stopped) this.lost();
  }

  private lost(): void {
    this.setStatus('offline');
    this.reconnector.schedule();
  }

  private detach(): void {
    const socket = this.socket;
    if (socket === null) return;
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
    this.socket = null;
  }

  private sendNow(message: OutboundMessage): boolean {
    if (this.socket === null || this.socket.readyState !== OPEN) return false;
    return this.sendText(JSON.stringify(message));
  }

  private sendText(text: string): boolean {
    try {
      this.socket?.send(text);
      return this.socket !== null;
    } catch {
      return false;
    }
  }

  private setStatus(status: LinkStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    this.emit('status', status);
  }

  private emit<K extends keyof WebSocketServiceEvents>(
    event: K,
    ...args: Parameters<WebSocketServiceEvents[K]>
  ): void {
    for (const listener of this.listeners[event]) {
      try {
        (listener as (...a: Parameters<WebSocketServiceEvents[K]>) => void)(...args);
      } catch (error) {
        // One broken view must not take the link down with it.
        console.error(`WebSocketService: a "${event}" listener threw`, error);
      }
    }
  }
}

/** A JSON object with a string `type`, or null. */
function parse(data: unknown): InboundMessage | null {
  if (typeof data !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return typeof (value as { type?: unknown }).type === 'string' ? (value as InboundMessage) : null;
}
