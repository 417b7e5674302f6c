/**
 * VizClient: the agent's direct link to the plugin's :8765 (docs/protocol.md "Keeping a link alive", row "agent → Minecraft, direct"):
 * connect timeout, optional token auth, `ping` every 10 s with a 30 s pong timeout, and — only when
 * `autoReconnect` is on — up to `maxReconnectAttempts` reconnects with 1 s × 1.5 backoff (max 30 s, ±10 %).
 */
import WebSocket from 'ws';
import {
  CLOSE_CODES,
  MAX_PLUGIN_MESSAGE_BYTES,
  PLUGIN_OUTBOUND,
  Reconnector,
  HeartbeatMonitor,
  VIZ_CLIENT_POLICY,
  createPortValidator,
  systemClock,
  systemRandom,
  type Clock,
  type PluginInboundMessage,
  type RandomSource,
  type TimerHandle,
} from '@audioviz/shared-types';
import { audioState, type LinkFrame } from './frames';
import { TypedEmitter, type LinkEvents } from './link-events';

/** Checks what the plugin sends; anything that fails is ignored with a warning. */
const pluginReplies = createPortValidator(PLUGIN_OUTBOUND, MAX_PLUGIN_MESSAGE_BYTES);

/** Frames are dropped rather than queued when this many bytes wait in the socket (a stalled link). */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface VizClientConfig {
  /** Plugin host name or address. */
  host: string;
  /** Plugin port (default 8765). */
  port: number;
  /** Give up a connection attempt after this long, ms (default 10 000). */
  connectTimeout: number;
  /** Reconnect after a failure or loss (default false). */
  autoReconnect: boolean;
  /** Reconnect attempts before `reconnect_failed` (default 10). */
  maxReconnectAttempts: number;
  /** Shared secret for `auth`, when the plugin requires one. */
  token?: string;
  /** Zone the `audio_state` frames target (default: all zones). */
  zone?: string;
  /** Use `wss://` instead of `ws://`. */
  secure?: boolean;
}

export interface LinkServices {
  clock?: Clock;
  random?: RandomSource;
}

export const DEFAULT_VIZ_CLIENT_CONFIG: Omit<VizClientConfig, 'host'> = {
  port: 8765,
  connectTimeout: VIZ_CLIENT_POLICY.connectTimeoutMs,
  autoReconnect: VIZ_CLIENT_POLICY.autoReconnect,
  maxReconnectAttempts: VIZ_CLIENT_POLICY.backoff.maxAttempts,
};

export class VizClient extends TypedEmitter<LinkEvents> {
  readonly config: VizClientConfig;
  /** Round trip of the last ping, ms, or null before the first pong. */
  latencyMs: number | null = null;
  private readonly clock: Clock;
  private readonly reconnector: Reconnector;
  private readonly heartbeat: HeartbeatMonitor;
  private socket: WebSocket | null = null;
  private connectTimer: TimerHandle | null = null;
  private isConnected = false;
  private stopped = true;
  private frameCount = 0;

  constructor(config: Partial<VizClientConfig> & { host: string }, services: LinkServices = {}) {
    super();
    this.config = { ...DEFAULT_VIZ_CLIENT_CONFIG, ...config };
    this.clock = services.clock ?? systemClock;
    const policy = { ...VIZ_CLIENT_POLICY.backoff, maxAttempts: this.config.maxReconnectAttempts };
    this.reconnector = new Reconnector(
      policy,
      this.clock,
      services.random ?? systemRandom,
      () => this.open(),
      {
        onScheduled: (delayMs, attempt) => this.emit('reconnecting', { attempt, delayMs }),
        onGiveUp: (attempts) => {
          this.stopped = true;
          this.emit('reconnect_failed', { attempts });
        },
      },
    );
    this.heartbeat = new HeartbeatMonitor(VIZ_CLIENT_POLICY.heartbeat, this.clock, {
      send: () => this.sendRaw({ type: 'ping', timestamp: this.clock.now() }),
      onDead: () => this.socket?.terminate(),
    });
  }

  /** True while the socket is open (and authenticated when a token is set). */
  get connected(): boolean {
    return this.isConnected;
  }

  /** The `ws://host:port` this client dials. */
  get url(): string {
    return `${this.config.secure ? 'wss' : 'ws'}://${this.config.host}:${this.config.port}`;
  }

  /** Starts connecting (no-op when already running). */
  connect(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  /** Sends one `audio_state`; returns false when it was dropped (not connected, or the socket is stalled). */
  sendFrame(fields: LinkFrame, tsS = this.clock.now() / 1000): boolean {
    if (!this.isConnected) return false;
    return this.sendRaw(audioState(fields, this.frameCount++, tsS, this.config.zone));
  }

  /** Sends any :8765 message; false when it could not be sent. */
  send(message: PluginInboundMessage): boolean {
    return this.isConnected && this.sendRaw(message);
  }

  /** Closes the link for good. */
  close(): void {
    this.stopped = true;
    this.reconnector.cancel();
    this.isConnected = false;
    this.teardown(CLOSE_CODES.NORMAL, 'Agent stopped');
  }

  private sendRaw(message: object): boolean {
    const socket = this.socket;
    if (socket === null || socket.readyState !== WebSocket.OPEN || socket.bufferedAmount > MAX_BUFFERED_BYTES)
      return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  private open(): void {
    if (this.stopped) return;
    const socket = new WebSocket(this.url, { maxPayload: MAX_PLUGIN_MESSAGE_BYTES });
    this.socket = socket;
    let opened = false;
    this.connectTimer = this.clock.setTimeout(() => {
      this.connectTimer = null;
      this.emit('warning', `No answer from ${this.url} within ${this.config.connectTimeout} ms`);
      socket.terminate();
    }, this.config.connectTimeout);
    socket.on('open', () => {
      opened = true;
      if (this.config.token !== undefined) this.sendRaw({ type: 'auth', token: this.config.token });
      else this.up();
    });
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('error', (error) => this.emit('warning', `${this.url}: ${error.message}`));
    socket.on('close', (code, reason) => this.closed(socket, opened, code, reason.toString()));
  }

  private up(): void {
    this.clearConnectTimer();
    this.isConnected = true;
    this.reconnector.succeeded();
    this.heartbeat.start();
    this.emit('connected');
  }

  private receive(text: string): void {
    const result = pluginReplies.parse(text);
    if (!result.ok) return this.emit('warning', `Ignored a message from the plugin: ${result.error.message}`);
    const message = result.value;
    switch (message.type) {
      case 'auth_ok':
        if (!this.isConnected) this.up();
        return;
      case 'pong':
        this.heartbeat.pongReceived();
        if (typeof message.timestamp === 'number')
          this.latencyMs = Math.max(0, this.clock.now() - message.timestamp);
        return;
      case 'error':
        return this.emit('warning', `Plugin: ${message.message}`);
      default:
        return;
    }
  }

  private closed(socket: WebSocket, opened: boolean, code: number, reason: string): void {
    if (socket !== this.socket) return;
    this.socket = null;
    this.clearConnectTimer();
    this.heartbeat.stop();
    const wasConnected = this.isConnected;
    this.isConnected = false;
    if (wasConnected) this.emit('disconnected', { code, reason });
    // docs/protocol.md :8765: a wrong or missing token closes with 4001/4002; auth failure is never retried.
    if (
      this.config.token !== undefined &&
      opened &&
      !wasConnected &&
      (code === CLOSE_CODES.HANDSHAKE_TIMEOUT || code === CLOSE_CODES.INVALID_MESSAGE)
    ) {
      this.stopped = true;
      return this.emit('auth_failed', { reason: reason || 'The plugin refused the token', code });
    }
    if (this.stopped) return;
    if (!this.config.autoReconnect) {
      this.stopped = true;
      if (!wasConnected) this.emit('reconnect_failed', { attempts: 0 });
      return;
    }
    this.reconnector.schedule();
  }

  private teardown(code: number, reason: string): void {
    const socket = this.socket;
    this.heartbeat.stop();
    this.clearConnectTimer();
    if (socket === null) return;
    if (socket.readyState === WebSocket.OPEN) socket.close(code, reason);
    else socket.terminate();
  }

  private clearConnectTimer(): void {
    if (this.connectTimer !== null) this.clock.clearTimeout(this.connectTimer);
    this.connectTimer = null;
  }
}
