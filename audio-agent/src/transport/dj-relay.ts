/**
 * DJRelay: the agent's link to the hub's :9000 (docs/protocol.md ":9000 — DJ ⇄ hub" and the "DJ relay" policy row):
 * `dj_auth`, frames, `dj_heartbeat` every `heartbeatInterval` with disconnect after 3 failed sends, clock-sync
 * answers, `maxConnectAttempts` tries for the first connection then unlimited reconnects after a loss (backoff
 * `reconnectInterval` × 1.5 up to 30 s, ±10 %, reset on success), and never a retry after an auth failure.
 * In direct mode, frames go to the plugin address the hub hands out, through a VizClient.
 */
import WebSocket from 'ws';
import {
  CLOSE_CODES,
  DJ_CLOCK_SYNC_WAIT_MS,
  DJ_RELAY_POLICY,
  DJ_STALE_SESSION_RETRIES,
  HeartbeatMonitor,
  MAX_HUB_TO_DJ_MESSAGE_BYTES,
  NON_RETRYABLE_CLOSE_CODES,
  Reconnector,
  ERROR_CODES,
  readHubMessage,
  systemClock,
  systemRandom,
  type Clock,
  type DjInboundMessage,
  type DjOutbound,
  type PresetName,
  type RandomSource,
  type HubReadError,
  type StreamRoute,
  type TimerHandle,
} from '@audioviz/shared-types';
import { djAudioFrame, type LinkFrame } from './frames';
import { TypedEmitter, type LinkEvents } from './link-events';
import { VizClient, type LinkServices } from './viz-client';

/** Kinds of unusable hub message reported at most once each per relay, so a chatty hub cannot flood the log. */
const MAX_REPORTED_KINDS = 64;

/** A heartbeat counts as failed when this many bytes already wait in the socket (the link is stalled). */
const MAX_BUFFERED_BYTES = 256 * 1024;
/** A connection attempt that neither opens nor fails within this time is abandoned, ms. */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** The connectivity spec's names. Intervals in ms. */
export interface DJRelayConfig {
  /** Hub address, e.g. `ws://hub.example:9000`. */
  vjServerUrl: string;
  djId: string;
  djName: string;
  djKey: string;
  /** First reconnect delay, ms (default 5000); later ones grow × 1.5 up to 30 s. */
  reconnectInterval: number;
  /** `dj_heartbeat` period, ms (default 2000). */
  heartbeatInterval: number;
  /** Tries of the very first connection (default 3); after a loss, unlimited. */
  maxConnectAttempts: number;
  /** Send frames straight to the plugin at the address the hub gives. */
  directMode: boolean;
  /** Plugin address for direct mode: filled from `auth_success`, or set to override it. */
  minecraftHost?: string;
  minecraftPort?: number;
  /** Zone for direct-mode frames (from `auth_success` when not set). */
  zone?: string;
  /** Entity count the hub assigned (informational). */
  entityCount?: number;
  /** Abandon a connection attempt after this long, ms (default 10 000). */
  connectTimeout?: number;
}

export const DEFAULT_DJ_RELAY_CONFIG = {
  reconnectInterval: DJ_RELAY_POLICY.backoff.initialMs,
  heartbeatInterval: DJ_RELAY_POLICY.heartbeat.intervalMs,
  maxConnectAttempts: DJ_RELAY_POLICY.maxConnectAttempts,
  directMode: false,
} as const;

/** DJRelay's events: the link events plus what the hub tells the DJ. */
export interface DJRelayEvents extends LinkEvents {
  /** The hub made this DJ live or queued it. */
  status: [isActive: boolean];
  /** The hub asked for an audio preset, and the attack/release (per 60 Hz frame) to smooth levels with. */
  preset: [preset: PresetName, smoothing: { attack: number; release: number }];
  /** Direct mode: the plugin link came up or went down. */
  minecraft: [connected: boolean];
  /** Detail for troubleshooting only, e.g. a hub message type this agent does not use (once per type). */
  debug: [message: string];
}

export class DJRelay extends TypedEmitter<DJRelayEvents> {
  readonly config: DJRelayConfig;
  /** Round trip of the last heartbeat, ms, or null before the first `heartbeat_ack`. */
  latencyMs: number | null = null;
  /** Whether the hub has made this DJ the live one. */
  isActive = false;
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly reconnector: Reconnector;
  private readonly heartbeat: HeartbeatMonitor;
  private socket: WebSocket | null = null;
  private connectTimer: TimerHandle | null = null;
  private isConnected = false;
  private stopped = true;
  private everConnected = false;
  private initialTries = 0;
  private seq = 0;
  private viz: VizClient | null = null;
  /** Frames flow only once clock sync is answered (or was never asked for); see DJ_CLOCK_SYNC_WAIT_MS. */
  private streaming = false;
  private clockSyncTimer: TimerHandle | null = null;
  /** 4005 refusals since the last successful auth (see DJ_STALE_SESSION_RETRIES). */
  private staleSessionRefusals = 0;
  /** Kinds of unusable hub messages already reported (see `ignored`). */
  private readonly reportedKinds = new Set<string>();

  constructor(
    config: Partial<DJRelayConfig> & Pick<DJRelayConfig, 'vjServerUrl' | 'djId' | 'djKey'>,
    services: LinkServices = {},
  ) {
    super();
    this.config = { djName: config.djId, ...DEFAULT_DJ_RELAY_CONFIG, ...config };
    this.clock = services.clock ?? systemClock;
    this.random = services.random ?? systemRandom;
    const backoff = { ...DJ_RELAY_POLICY.backoff, initialMs: this.config.reconnectInterval };
    this.reconnector = new Reconnector(backoff, this.clock, this.random, () => this.open(), {
      onScheduled: (delayMs, attempt) => this.emit('reconnecting', { attempt, delayMs }),
    });
    const heartbeat = { ...DJ_RELAY_POLICY.heartbeat, intervalMs: this.config.heartbeatInterval };
    this.heartbeat = new HeartbeatMonitor(heartbeat, this.clock, {
      send: () => this.sendHeartbeat(),
      // docs/protocol.md: 3 consecutive heartbeat send failures → disconnect (then the reconnect policy applies).
      onDead: () => this.socket?.terminate(),
    });
  }

  /** True while authenticated with the hub. */
  get connected(): boolean {
    return this.isConnected;
  }

  /** Direct mode: whether the plugin link is up. */
  get minecraftConnected(): boolean {
    return this.viz?.connected ?? false;
  }

  /** Starts connecting (no-op when already running). */
  connect(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  /**
   * Sends one frame: to the hub, or in direct mode to the plugin. Returns false when it was dropped.
   * @param tsS the frame's time, unix seconds (default: the clock's now)
   */
  sendFrame(fields: LinkFrame, tsS = this.clock.now() / 1000): boolean {
    if (!this.isConnected || !this.streaming) return false;
    if (this.config.directMode) return this.viz?.sendFrame(fields, tsS) ?? false;
    return this.sendRaw(djAudioFrame(fields, this.seq++, tsS));
  }

  /** Says goodbye (`going_offline`) and closes for good. */
  close(): void {
    this.stopped = true;
    this.reconnector.cancel();
    const wasConnected = this.isConnected;
    this.isConnected = false;
    if (wasConnected) this.sendRaw({ type: 'going_offline' });
    this.viz?.close();
    this.viz = null;
    this.stopStreaming();
    this.clearConnectTimer();
    const socket = this.socket;
    if (socket === null) return;
    if (socket.readyState === WebSocket.OPEN) socket.close(CLOSE_CODES.NORMAL, 'Going offline');
    else socket.terminate();
  }

  private sendRaw(message: DjInboundMessage): boolean {
    const socket = this.socket;
    if (socket === null || socket.readyState !== WebSocket.OPEN || socket.bufferedAmount > MAX_BUFFERED_BYTES)
      return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  private sendHeartbeat(): boolean {
    const message: DjInboundMessage = { type: 'dj_heartbeat', ts: this.clock.now() / 1000 };
    if (this.config.directMode) message.mc_connected = this.minecraftConnected;
    if (this.latencyMs !== null) message.latency_ms = this.latencyMs;
    return this.sendRaw(message);
  }

  private open(): void {
    if (this.stopped) return;
    if (!this.everConnected) this.initialTries++;
    const socket = new WebSocket(this.config.vjServerUrl, { maxPayload: MAX_HUB_TO_DJ_MESSAGE_BYTES });
    this.socket = socket;
    const timeout = this.config.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.connectTimer = this.clock.setTimeout(() => {
      this.connectTimer = null;
      this.emit('warning', `No answer from ${this.config.vjServerUrl} within ${timeout} ms`);
      socket.terminate();
    }, timeout);
    socket.on('open', () => {
      const auth: DjInboundMessage = {
        type: 'dj_auth',
        dj_id: this.config.djId,
        dj_key: this.config.djKey,
        dj_name: this.config.djName,
      };
      if (this.config.directMode) auth.direct_mode = true;
      this.sendRaw(auth);
    });
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('error', (error) => this.emit('warning', `${this.config.vjServerUrl}: ${error.message}`));
    socket.on('close', (code, reason) => this.closed(socket, code, reason.toString()));
  }

  private receive(text: string): void {
    const result = readHubMessage(text);
    if (!result.ok) return this.ignored(result.error);
    const message = result.value;
    switch (message.type) {
      case 'auth_success':
        return this.authenticated(message);
      case 'auth_error':
        return this.refused(message.error);
      case 'auth_denied':
        return this.refused(message.reason ?? 'The operator declined the request');
      case 'heartbeat_ack':
        this.heartbeat.pongReceived();
        this.latencyMs = Math.max(0, this.clock.now() - message.echo_ts * 1000);
        return;
      case 'clock_sync_request': {
        const now = this.clock.now() / 1000;
        this.sendRaw({
          type: 'clock_sync_response',
          dj_recv_time: now,
          dj_send_time: now,
          server_time: message.server_time,
        });
        return this.startStreaming();
      }
      case 'status_update':
        this.isActive = message.is_active;
        return this.emit('status', message.is_active);
      case 'stream_route':
        return this.routed(message);
      case 'preset_sync':
        return this.emit('preset', message.preset.name, {
          attack: message.preset.attack,
          release: message.preset.release,
        });
      case 'server_shutdown':
        this.emit('warning', 'The hub is shutting down; reconnecting when it is back');
        return;
      case 'error':
        return this.emit('warning', `Hub: ${message.message}`);
      case 'auth_pending':
      case 'dj_roster':
      case 'pong':
        return;
      default: {
        const unhandled: never = message;
        return unhandled;
      }
    }
  }

  private authenticated(message: DjOutbound['auth_success']): void {
    this.clearConnectTimer();
    this.isConnected = true;
    this.everConnected = true;
    this.isActive = message.is_active;
    this.reconnector.succeeded();
    this.staleSessionRefusals = 0;
    // The first heartbeat goes out one interval from now, after clock sync (DJ_CLOCK_SYNC_WAIT_MS is shorter).
    this.heartbeat.start();
    this.clockSyncTimer = this.clock.setTimeout(() => this.startStreaming(), DJ_CLOCK_SYNC_WAIT_MS);
    const c = this.config;
    c.minecraftHost ??= message.minecraft_host;
    c.minecraftPort ??= message.minecraft_port;
    c.zone ??= message.zone;
    c.entityCount ??= message.entity_count;
    if (c.directMode) this.startDirect();
    this.emit('connected');
  }

  /** Clock sync is done (or was never asked for): frames may flow. */
  private startStreaming(): void {
    if (this.streaming || !this.isConnected) return;
    if (this.clockSyncTimer !== null) this.clock.clearTimeout(this.clockSyncTimer);
    this.clockSyncTimer = null;
    this.streaming = true;
  }

  private stopStreaming(): void {
    if (this.clockSyncTimer !== null) this.clock.clearTimeout(this.clockSyncTimer);
    this.clockSyncTimer = null;
    this.streaming = false;
    this.heartbeat.stop();
  }

  /** MCAV's routing policy: who is live, and (direct mode) where Minecraft is when `auth_success` did not say. */
  private routed(route: StreamRoute): void {
    const c = this.config;
    c.minecraftHost ??= route.minecraft_host;
    c.minecraftPort ??= route.minecraft_port;
    c.zone ??= route.zone;
    if (c.directMode) this.startDirect();
    if (route.is_active === this.isActive) return;
    this.isActive = route.is_active;
    this.emit('status', route.is_active);
  }

  /**
   * A hub message the agent cannot use is skipped, never fatal. Unknown types are another hub's vocabulary
   * (MCAV's `dj_info`, `pattern_sync`, ...): one debug line per type. A known type that fails its check is a
   * warning, once per type, since a hub that sends one bad `dj_roster` sends it on every change.
   */
  private ignored(error: HubReadError): void {
    const unknown = error.code === ERROR_CODES.UNKNOWN_TYPE;
    const kind = `${unknown ? 'unknown' : 'invalid'}:${error.type ?? error.code}`;
    if (this.reportedKinds.has(kind) || this.reportedKinds.size >= MAX_REPORTED_KINDS) return;
    this.reportedKinds.add(kind);
    if (unknown)
      return this.emit(
        'debug',
        `Ignored hub messages of type "${error.type}", which this agent does not use`,
      );
    this.emit(
      'warning',
      `Ignored a message from the hub (further ones like it are not reported): ${error.message}`,
    );
  }

  private startDirect(): void {
    if (this.viz !== null) return;
    const { minecraftHost, minecraftPort, zone } = this.config;
    if (minecraftHost === undefined) {
      this.emit('warning', 'Direct mode: the hub gave no Minecraft address; frames cannot be sent');
      return;
    }
    const viz = new VizClient(
      {
        host: minecraftHost,
        port: minecraftPort ?? 8765,
        zone,
        autoReconnect: true,
        maxReconnectAttempts: Infinity,
      },
      { clock: this.clock, random: this.random },
    );
    viz.on('connected', () => this.emit('minecraft', true));
    viz.on('disconnected', () => this.emit('minecraft', false));
    viz.on('warning', (text) => this.emit('warning', `Direct link: ${text}`));
    this.viz = viz;
    viz.connect();
  }

  private refused(reason: string): void {
    this.stopped = true;
    this.clearConnectTimer();
    this.emit('auth_failed', { reason });
    this.socket?.close(CLOSE_CODES.NORMAL, 'Auth failed');
  }

  private closed(socket: WebSocket, code: number, reason: string): void {
    if (socket !== this.socket) return;
    this.socket = null;
    this.clearConnectTimer();
    this.stopStreaming();
    const wasConnected = this.isConnected;
    this.isConnected = false;
    if (wasConnected) this.emit('disconnected', { code, reason });
    if (this.stopped) return;
    if (
      code === CLOSE_CODES.ALREADY_CONNECTED &&
      this.everConnected &&
      this.staleSessionRefusals++ < DJ_STALE_SESSION_RETRIES
    ) {
      this.emit('warning', `The hub still holds this DJ's previous connection (${code}); retrying`);
      this.reconnector.schedule();
      return;
    }
    if (NON_RETRYABLE_CLOSE_CODES.includes(code)) {
      this.stopped = true;
      this.viz?.close();
      this.viz = null;
      if (code === CLOSE_CODES.AUTH_FAILED || code === CLOSE_CODES.AUTH_DENIED)
        return this.emit('auth_failed', { reason: reason || 'Authentication failed', code });
      return this.emit('warning', `The hub closed the link for good (${code} ${reason}); not reconnecting`);
    }
    if (!this.everConnected && this.initialTries >= this.config.maxConnectAttempts) {
      this.stopped = true;
      return this.emit('reconnect_failed', { attempts: this.initialTries });
    }
    this.reconnector.schedule();
  }

  private clearConnectTimer(): void {
    if (this.connectTimer !== null) this.clock.clearTimeout(this.connectTimer);
    this.connectTimer = null;
  }
}
