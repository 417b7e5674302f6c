/**
 * One link to one Minecraft server's :8765 socket, following docs/protocol.md's "hub → Minecraft" row: reconnect
 * with backoff 5 s × 1.5 up to 60 s ±10 % (reset on success, unlimited), a health check every 5 s, `ping` every
 * 10 s and a 30 s pong timeout. Requests carry `_seq` and resolve with the matching reply or time out.
 */
import { WebSocket } from 'ws';
import {
  HUB_MINECRAFT_POLICY,
  HeartbeatMonitor,
  MAX_PLUGIN_MESSAGE_BYTES,
  PLUGIN_AUTH_TIMEOUT_MS,
  Reconnector,
  type Clock,
  type PluginOutboundMessage,
  type RandomSource,
  type TimerHandle,
} from '@audioviz/shared-types';
import type { Logger } from '../logger';
import { pluginReplyValidator } from '../net/plugin-replies';
import { sendBounded } from '../net/ws-server';

/** A relayed zone command fails if the server has not answered within this, ms. */
export const MC_COMMAND_TIMEOUT_MS = 5_000;
/** Requests awaiting an answer at once; the oldest fails past this, so a silent server cannot grow memory. */
const MAX_PENDING_REQUESTS = 1_000;

export type LinkState = 'idle' | 'connecting' | 'handshake' | 'up' | 'down' | 'stopped';

export interface MinecraftLinkEvents {
  /** The link is usable (after `connected`, and `auth_ok` when a token is set). `reconnect` is false the first time. */
  onUp?(reconnect: boolean): void;
  onDown?(): void;
  /** A message from the server that answers no request (zones, patterns, unsolicited errors). */
  onMessage?(message: PluginOutboundMessage): void;
  /** A frame from the server that failed validation. */
  onRejected?(reason: string): void;
  /** A reconnect attempt is scheduled `delayMs` from now. */
  onScheduled?(delayMs: number, attempt: number): void;
}

export interface MinecraftLinkOptions {
  readonly url: string;
  /** The server's shared secret (`auth` {token}); null when it needs none. */
  readonly token: string | null;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly logger: Logger;
  readonly events?: MinecraftLinkEvents;
}

interface PendingRequest {
  readonly resolve: (reply: PluginOutboundMessage) => void;
  readonly reject: (error: Error) => void;
  readonly timer: TimerHandle;
}

export class MinecraftLink {
  private ws: WebSocket | null = null;
  private linkState: LinkState = 'idle';
  private stateSince = 0;
  private everUp = false;
  private nextSeq = 1;
  private readonly pending = new Map<number, PendingRequest>();
  private readonly reconnector: Reconnector;
  private readonly heartbeat: HeartbeatMonitor;
  private healthTimer: TimerHandle | null = null;
  private handshakeTimer: TimerHandle | null = null;

  constructor(private readonly options: MinecraftLinkOptions) {
    const events = options.events ?? {};
    this.reconnector = new Reconnector(
      HUB_MINECRAFT_POLICY.backoff,
      options.clock,
      options.random,
      () => this.connect(),
      {
        onScheduled: (delay, attempt) => {
          options.logger.info('Minecraft link: reconnecting', { url: options.url, in_ms: delay, attempt });
          events.onScheduled?.(delay, attempt);
        },
      },
    );
    this.heartbeat = new HeartbeatMonitor(HUB_MINECRAFT_POLICY.heartbeat, options.clock, {
      send: () =>
        this.ws !== null
          ? sendBounded(this.ws, JSON.stringify({ type: 'ping', timestamp: options.clock.now() }))
          : false,
      onDead: (reason) => {
        options.logger.warn('Minecraft link: no answer, dropping it', { url: options.url, reason });
        this.ws?.terminate();
        this.lost();
      },
    });
  }

  get url(): string {
    return this.options.url;
  }

  get state(): LinkState {
    return this.linkState;
  }

  get connected(): boolean {
    return this.linkState === 'up';
  }

  /** Reconnect attempts since the last success. */
  get attempts(): number {
    return this.reconnector.attempts;
  }

  /** Connects now and keeps the link up until `stop()`. */
  start(): void {
    if (this.linkState !== 'idle') return;
    this.scheduleHealthCheck();
    this.connect();
  }

  stop(): void {
    this.setState('stopped');
    this.reconnector.cancel();
    this.heartbeat.stop();
    this.clearHandshakeTimer();
    if (this.healthTimer !== null) this.options.clock.clearTimeout(this.healthTimer);
    this.healthTimer = null;
    this.failPending('link stopped');
    this.ws?.close(1000, 'Hub shutting down');
    this.ws = null;
  }

  /** Sends a frame without waiting for an answer (audio); false when the link is down or backed up. */
  sendText(text: string): boolean {
    return this.linkState === 'up' && this.ws !== null && sendBounded(this.ws, text);
  }

  /** Sends a command with a fresh `_seq` and resolves with the reply that echoes it. */
  request(
    command: { type: string; [field: string]: unknown },
    timeoutMs = MC_COMMAND_TIMEOUT_MS,
  ): Promise<PluginOutboundMessage> {
    if (this.linkState !== 'up' || this.ws === null)
      return Promise.reject(new Error(`not connected to ${this.options.url}`));
    const seq = this.nextSeq++;
    if (this.pending.size >= MAX_PENDING_REQUESTS) {
      const oldest = this.pending.keys().next().value;
      if (oldest !== undefined) this.settle(oldest)?.reject(new Error('too many requests waiting'));
    }
    return new Promise((resolve, reject) => {
      const timer = this.options.clock.setTimeout(() => {
        this.pending.delete(seq);
        reject(new Error(`${command.type}: no answer from ${this.options.url} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(seq, { resolve, reject, timer });
      if (!sendBounded(this.ws!, JSON.stringify({ ...command, _seq: seq }))) {
        this.settle(seq)?.reject(new Error(`${command.type}: could not send to ${this.options.url}`));
      }
    });
  }

  private connect(): void {
    if (this.linkState === 'stopped') return;
    this.setState('connecting');
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.options.url, {
        maxPayload: MAX_PLUGIN_MESSAGE_BYTES,
        perMessageDeflate: false,
      });
    } catch (err) {
      this.options.logger.error('Minecraft link: bad URL', { url: this.options.url, error: String(err) });
      return this.lost();
    }
    this.ws = ws;
    ws.on('open', () => {
      if (this.ws !== ws) return;
      this.setState('handshake');
      // The plugin greets with `connected` and, with a token, answers `auth` with `auth_ok`; both within 5 s.
      this.handshakeTimer = this.options.clock.setTimeout(() => {
        this.handshakeTimer = null;
        this.options.logger.warn('Minecraft link: handshake timed out', { url: this.options.url });
        ws.terminate();
        this.lost();
      }, PLUGIN_AUTH_TIMEOUT_MS);
    });
    ws.on('message', (data, isBinary) => {
      if (this.ws === ws && !isBinary) this.onMessage(data.toString());
    });
    ws.on('error', (err) =>
      this.options.logger.debug('Minecraft link error', { url: this.options.url, error: String(err) }),
    );
    ws.on('close', () => {
      if (this.ws === ws) this.lost();
    });
  }

  private onMessage(text: string): void {
    const result = pluginReplyValidator.parse(text);
    if (!result.ok) {
      this.options.events?.onRejected?.(result.error.message);
      return;
    }
    const message = result.value;
    this.heartbeat.pongReceived(); // any frame proves the server is alive
    if (this.linkState === 'handshake') return this.handshake(message);
    const seq = message._seq;
    if (typeof seq === 'number') {
      const request = this.settle(seq);
      if (request !== undefined) return request.resolve(message);
    }
    if (message.type !== 'pong') this.options.events?.onMessage?.(message);
  }

  private handshake(message: PluginOutboundMessage): void {
    if (message.type === 'connected' && this.options.token !== null) {
      sendBounded(this.ws!, JSON.stringify({ type: 'auth', token: this.options.token }));
      return;
    }
    if (message.type === 'connected' || message.type === 'auth_ok') return this.up();
    if (message.type === 'error') {
      this.options.logger.error('Minecraft link: the server refused the hub', {
        url: this.options.url,
        message: message.message,
      });
    }
  }

  private up(): void {
    this.clearHandshakeTimer();
    this.setState('up');
    this.reconnector.succeeded();
    this.heartbeat.start();
    const reconnect = this.everUp;
    this.everUp = true;
    this.options.logger.info('Minecraft link up', { url: this.options.url, reconnect });
    this.options.events?.onUp?.(reconnect);
  }

  /** The socket is gone (closed, failed, silent): tell the owner once and schedule the next attempt. */
  private lost(): void {
    if (this.linkState === 'stopped' || this.linkState === 'down') return;
    const wasUp = this.linkState === 'up';
    this.setState('down');
    this.ws = null;
    this.heartbeat.stop();
    this.clearHandshakeTimer();
    this.failPending(`connection to ${this.options.url} lost`);
    if (wasUp) this.options.events?.onDown?.();
    this.reconnector.schedule();
  }

  /** docs/protocol.md: the link's health is checked every 5 s; a dead or stuck socket is replaced. */
  private scheduleHealthCheck(): void {
    this.healthTimer = this.options.clock.setTimeout(() => {
      this.healthTimer = null;
      this.healthCheck();
      if (this.linkState !== 'stopped') this.scheduleHealthCheck();
    }, HUB_MINECRAFT_POLICY.healthCheckIntervalMs);
  }

  private healthCheck(): void {
    const stuck = this.options.clock.now() - this.stateSince >= HUB_MINECRAFT_POLICY.heartbeat.pongTimeoutMs;
    if (this.linkState === 'up' && this.ws?.readyState !== WebSocket.OPEN) this.lost();
    else if (this.linkState === 'connecting' && stuck) {
      this.ws?.terminate();
      this.lost();
    } else if (this.linkState === 'down' && !this.reconnector.pending) this.reconnector.schedule();
  }

  private setState(state: LinkState): void {
    this.linkState = state;
    this.stateSince = this.options.clock.now();
  }

  private settle(seq: number): PendingRequest | undefined {
    const request = this.pending.get(seq);
    if (request === undefined) return undefined;
    this.pending.delete(seq);
    this.options.clock.clearTimeout(request.timer);
    return request;
  }

  private failPending(reason: string): void {
    for (const seq of [...this.pending.keys()]) this.settle(seq)?.reject(new Error(reason));
  }

  private clearHandshakeTimer(): void {
    if (this.handshakeTimer !== null) this.options.clock.clearTimeout(this.handshakeTimer);
    this.handshakeTimer = null;
  }
}
