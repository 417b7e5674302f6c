/**
 * The :9000 DJ server (docs/protocol.md ":9000 — DJ ⇄ hub"): handshake with timeout, `dj_auth` against hashed
 * keys, `code_auth` through the approval queue, per-IP auth limits, duplicate ids, the DJ limit, then frames
 * (rate-limited, handed to the store), heartbeats, clock sync and roster updates.
 */
import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import {
  CLOSE_CODES,
  ERROR_CODES,
  type ErrorCode,
  DJ_AUTH_ATTEMPTS_PER_WINDOW,
  DJ_AUTH_TIMEOUT_MS,
  DJ_AUTH_WINDOW_MS,
  DJ_MAX_FRAMES_PER_SECOND,
  DJ_RELAY_POLICY,
  HeartbeatMonitor,
  MAX_HUB_MESSAGE_BYTES,
  mcavPresetSettings,
  readDjMessage,
  type Clock,
  type CompatResult,
  type DjInbound,
  type DjInboundMessage,
  type DjOutbound,
  type DjOutboundMessage,
  type RandomSource,
  type TimerHandle,
} from '@audioviz/shared-types';
import type { DjAuthenticator } from '../auth/dj-authenticator';
import type { Logger } from '../logger';
import { closeWebSocketServer, openWebSocketServer, remoteAddress, sendBounded } from '../net/ws-server';
import { FrameRefusals } from './frame-refusals';
import { SlidingWindowLimiter } from '../rate-limit';
import type { HubStore } from '../store/hub-store';

export interface DjServerOptions {
  readonly host: string;
  readonly port: number;
  readonly store: HubStore;
  readonly authenticator: DjAuthenticator;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly logger: Logger;
  /** Where a `direct_mode` DJ sends frames itself (the first Minecraft server); null when none is configured. */
  readonly directTarget?: { readonly host: string; readonly port: number } | null;
}

/**
 * The hub's check that a DJ socket is still there: a WebSocket-level ping at the agent's own heartbeat interval
 * (2 s), and the socket is given up after as many unanswered as the agent tolerates failed heartbeats (3).
 * Any frame from the DJ also counts as an answer. Without it a silently dropped connection would stay live
 * forever and block the fallback to the next DJ.
 */
export const DJ_SOCKET_LIVENESS = {
  intervalMs: DJ_RELAY_POLICY.heartbeat.intervalMs,
  pongTimeoutMs: 0,
  maxMissedPongs: DJ_RELAY_POLICY.heartbeat.maxSendFailures,
  maxSendFailures: 0,
} as const;

type Phase = 'handshake' | 'verifying' | 'pending' | 'live' | 'closed';

interface DjConnection {
  readonly ws: WebSocket;
  readonly ip: string;
  phase: Phase;
  djId: string | null;
  isActive: boolean;
  authTimer: TimerHandle | null;
  clockSyncSentAt: number;
  liveness: HeartbeatMonitor | null;
  readonly frameRefusals: FrameRefusals;
  /** MCAV message types already answered `UNSUPPORTED` on this socket (answered once each, not per message). */
  readonly unsupportedSeen: Set<string>;
}

type DjReadResult = CompatResult<DjInboundMessage>;

export class DjServer {
  private server: WebSocketServer | null = null;
  private readonly connections = new Set<DjConnection>();
  private readonly authLimiter: SlidingWindowLimiter;
  private readonly frameLimiter: SlidingWindowLimiter;
  private readonly unsubscribe: (() => void)[] = [];
  private boundPort = 0;

  constructor(private readonly options: DjServerOptions) {
    this.authLimiter = new SlidingWindowLimiter(
      DJ_AUTH_ATTEMPTS_PER_WINDOW,
      DJ_AUTH_WINDOW_MS,
      options.clock,
    );
    this.frameLimiter = new SlidingWindowLimiter(DJ_MAX_FRAMES_PER_SECOND, 1000, options.clock);
  }

  get port(): number {
    return this.boundPort;
  }

  async start(): Promise<number> {
    const { wss, port } = await openWebSocketServer(
      this.options.host,
      this.options.port,
      MAX_HUB_MESSAGE_BYTES,
    );
    this.server = wss;
    this.boundPort = port;
    wss.on('connection', (ws, request) => this.accept(ws, request));
    const { events } = this.options.store;
    this.unsubscribe.push(
      events.roster.on((roster) => {
        const text = JSON.stringify({ type: 'dj_roster', ...roster });
        for (const c of this.live()) {
          sendBounded(c.ws, text);
          const isActive = roster.active_dj_id === c.djId;
          if (isActive !== c.isActive) {
            c.isActive = isActive;
            this.send(c, { type: 'status_update', is_active: isActive });
          }
        }
      }),
      events.presetChanged.on(() => {
        const text = JSON.stringify(this.presetSync());
        for (const c of this.live()) sendBounded(c.ws, text);
      }),
      events.kick.on(({ dj_id }) => {
        for (const c of this.connections)
          if (c.djId === dj_id) this.closeConnection(c, CLOSE_CODES.KICKED, 'Kicked by the operator');
      }),
      events.pendingDecided.on(({ dj_id, dj_name, approved }) => this.decide(dj_id, dj_name, approved)),
    );
    this.options.logger.info('DJ server listening', { port });
    return port;
  }

  async close(): Promise<void> {
    for (const off of this.unsubscribe.splice(0)) off();
    for (const c of this.live()) this.send(c, { type: 'server_shutdown' });
    if (this.server !== null)
      await closeWebSocketServer(this.server, CLOSE_CODES.NORMAL, 'Hub shutting down');
    this.server = null;
  }

  private *live(): Iterable<DjConnection> {
    for (const c of this.connections) if (c.phase === 'live') yield c;
  }

  private accept(ws: WebSocket, request: IncomingMessage): void {
    const c: DjConnection = {
      ws,
      ip: remoteAddress(request),
      phase: 'handshake',
      djId: null,
      isActive: false,
      authTimer: null,
      clockSyncSentAt: 0,
      liveness: null,
      frameRefusals: new FrameRefusals(this.options.clock),
      unsupportedSeen: new Set(),
    };
    this.connections.add(c);
    // docs/protocol.md :9000: the first message must arrive within 10 s, else close 4001.
    c.authTimer = this.options.clock.setTimeout(() => {
      c.authTimer = null;
      if (c.phase === 'handshake')
        this.closeConnection(c, CLOSE_CODES.HANDSHAKE_TIMEOUT, 'No auth message within 10 s');
    }, DJ_AUTH_TIMEOUT_MS);
    ws.on('message', (data, isBinary) => {
      c.liveness?.pongReceived();
      try {
        this.onMessage(c, isBinary ? null : data.toString());
      } catch (err) {
        this.internalError(c, err);
      }
    });
    ws.on('pong', () => c.liveness?.pongReceived());
    ws.on('error', () => undefined);
    ws.on('close', () => this.onClose(c));
  }

  private onMessage(c: DjConnection, text: string | null): void {
    if (c.phase === 'closed') return;
    const result = text === null ? null : readDjMessage(text);
    if (c.phase === 'handshake') return this.handshake(c, result);
    if (c.phase !== 'live') return; // verifying or waiting for approval: nothing else is accepted yet
    if (result === null)
      return this.reject(c, ERROR_CODES.BINARY_FRAME, 'Binary frames are not accepted; send JSON text');
    if (!result.ok) return this.refuse(c, result.error);
    this.handleLive(c, result.value);
  }

  /** A message after auth that was not accepted: frames are counted and reported in summary, the rest answered. */
  private refuse(c: DjConnection, error: Extract<DjReadResult, { ok: false }>['error']): void {
    const { store, clock } = this.options;
    store.health.rejected.dj++;
    if (error.code === ERROR_CODES.UNSUPPORTED) {
      if (c.unsupportedSeen.has(error.type!)) return;
      c.unsupportedSeen.add(error.type!);
      return this.reject(c, error.code, error.message);
    }
    if (error.type !== 'dj_audio_frame') return this.reject(c, error.code, error.message);
    store.djs.frameRefused(c.djId!, clock.now());
    const count = c.frameRefusals.refused();
    if (count === 0) return;
    this.reject(
      c,
      ERROR_CODES.FRAMES_REFUSED,
      `${count} dj_audio_frame${count === 1 ? '' : 's'} refused, the show ignores them: ${error.message}. ` +
        'A frame needs seq, ts, bands (5 numbers), peak, beat, beat_i and bpm',
    );
  }

  private handshake(c: DjConnection, result: DjReadResult | null): void {
    this.clearAuthTimer(c);
    const type = result === null ? null : result.ok ? result.value.type : result.error.type;
    const isAuth = type === 'dj_auth' || type === 'code_auth';
    // docs/protocol.md :9000: unreadable first message → 4002; readable but not an auth message → 4003.
    // An auth message with a bad field is unreadable as auth, so it gets 4002 and the field's name.
    if (result === null || (!isAuth && isUnreadable(result))) {
      const why = result === null ? 'binary frame' : result.ok ? '' : result.error.message;
      return this.closeConnection(
        c,
        CLOSE_CODES.INVALID_MESSAGE,
        truncate(`Invalid message (${why}); send dj_auth or code_auth`),
      );
    }
    if (!isAuth) return this.closeConnection(c, CLOSE_CODES.AUTH_REQUIRED, 'Send dj_auth or code_auth first');
    if (!result.ok) {
      return this.closeConnection(
        c,
        CLOSE_CODES.INVALID_MESSAGE,
        truncate(`Invalid message (${result.error.message}); send dj_auth or code_auth`),
      );
    }
    const message = result.value as DjInbound['dj_auth'] | DjInbound['code_auth'];
    // docs/protocol.md :9000: at most 5 auth attempts per IP per 60 s (close 4029).
    if (!this.authLimiter.tryAcquire(c.ip)) {
      return this.closeConnection(c, CLOSE_CODES.AUTH_RATE_LIMITED, 'Too many auth attempts; wait a minute');
    }
    c.phase = 'verifying';
    if (message.type === 'dj_auth')
      this.djAuth(c, message).catch((err: unknown) => this.internalError(c, err));
    else this.codeAuth(c, message);
  }

  private async djAuth(c: DjConnection, message: DjInbound['dj_auth']): Promise<void> {
    const { store } = this.options;
    if (store.djs.has(message.dj_id))
      return this.closeConnection(c, CLOSE_CODES.ALREADY_CONNECTED, 'Already connected');
    if (store.djs.count >= store.maxDjs)
      return this.closeConnection(c, CLOSE_CODES.AUTH_REQUIRED, `DJ limit of ${store.maxDjs} reached`);
    const verdict = await this.options.authenticator.verify(message.dj_id, message.dj_key, message.dj_name);
    if (c.phase !== 'verifying') return; // the socket closed while the key was checked
    if (!verdict.ok) {
      this.send(c, { type: 'auth_error', error: verdict.error });
      return this.closeConnection(c, CLOSE_CODES.AUTH_FAILED, 'Authentication failed');
    }
    if (store.djs.has(message.dj_id))
      return this.closeConnection(c, CLOSE_CODES.ALREADY_CONNECTED, 'Already connected');
    this.goLive(c, message.dj_id, verdict.name, message.direct_mode === true);
  }

  private codeAuth(c: DjConnection, message: DjInbound['code_auth']): void {
    const { store } = this.options;
    if (!store.codes.consume(message.code)) {
      this.send(c, {
        type: 'auth_error',
        error: 'Connect code unknown, already used or expired; ask the operator for a new one',
      });
      return this.closeConnection(c, CLOSE_CODES.AUTH_FAILED, 'Authentication failed');
    }
    c.djId = this.guestId(message.dj_name);
    c.phase = 'pending';
    this.send(c, { type: 'auth_pending', dj_id: c.djId, message: 'Waiting for the operator to approve you' });
    store.djs.addPending(c.djId, message.dj_name);
  }

  private decide(djId: string, djName: string, approved: boolean): void {
    const c = [...this.connections].find((x) => x.phase === 'pending' && x.djId === djId);
    if (c === undefined) return;
    const { store } = this.options;
    if (!approved) {
      this.send(c, { type: 'auth_denied', reason: 'The operator declined the request' });
      return this.closeConnection(c, CLOSE_CODES.AUTH_DENIED, 'Denied by the operator');
    }
    if (store.djs.count >= store.maxDjs)
      return this.closeConnection(c, CLOSE_CODES.AUTH_REQUIRED, `DJ limit of ${store.maxDjs} reached`);
    this.goLive(c, djId, djName);
  }

  private goLive(c: DjConnection, djId: string, djName: string, directMode = false): void {
    const { store, clock } = this.options;
    c.djId = djId;
    c.isActive = store.djs.active === null;
    this.send(c, {
      type: 'auth_success',
      dj_id: djId,
      dj_name: djName,
      is_active: c.isActive,
      ...(directMode ? this.directFields() : {}),
    });
    // Clock sync comes right after auth_success, before the roster or anything else: MCAV's DJ client reads
    // exactly one message after auth_success and answers it only if it is the clock_sync_request.
    c.clockSyncSentAt = clock.now();
    this.send(c, { type: 'clock_sync_request', server_time: c.clockSyncSentAt / 1000 });
    c.phase = 'live';
    c.liveness = new HeartbeatMonitor(DJ_SOCKET_LIVENESS, clock, {
      send: () => {
        c.ws.ping();
        return true;
      },
      onDead: () => this.closeConnection(c, CLOSE_CODES.PING_TIMEOUT, 'No answer to pings: connection lost'),
    });
    c.liveness.start();
    // A DJ who joins after the operator chose a preset smooths with it from the first frame.
    if (store.presetChosen) this.send(c, this.presetSync());
    store.djs.add(djId, djName);
    this.options.logger.info('DJ connected', { dj_id: djId, ip: c.ip });
  }

  private handleLive(c: DjConnection, message: DjInbound[keyof DjInbound]): void {
    const { store, clock } = this.options;
    const djId = c.djId!;
    switch (message.type) {
      case 'dj_audio_frame':
        // docs/protocol.md :9000: frames past 120/s per DJ are dropped.
        if (this.frameLimiter.tryAcquire(djId)) store.djs.frame(djId, message, clock.now());
        else {
          store.health.framesDropped++;
          const record = store.djs.get(djId);
          if (record !== undefined) record.framesDropped++;
        }
        return;
      case 'dj_heartbeat': {
        const record = store.djs.get(djId);
        if (record !== undefined && message.latency_ms !== undefined) record.latencyMs = message.latency_ms;
        return this.send(c, {
          type: 'heartbeat_ack',
          server_time: clock.now() / 1000,
          echo_ts: message.ts,
          ...seq(message),
        });
      }
      case 'clock_sync_response': {
        const record = store.djs.get(djId);
        if (record !== undefined && c.clockSyncSentAt > 0)
          record.latencyMs = Math.max(0, (clock.now() - c.clockSyncSentAt) / 2);
        return;
      }
      case 'going_offline':
        return this.closeConnection(c, CLOSE_CODES.NORMAL, 'Goodbye');
      case 'ping':
        return this.send(c, {
          type: 'pong',
          // MCAV's clients time the round trip from it: the ping's own, else the hub's clock.
          timestamp: message.timestamp ?? clock.now(),
          ...seq(message),
        });
      case 'dj_auth':
      case 'code_auth':
        return this.reject(
          c,
          ERROR_CODES.ALREADY_AUTHENTICATED,
          'Already authenticated; reconnect to change identity',
        );
      default: {
        const unhandled: never = message;
        return unhandled;
      }
    }
  }

  /** docs/protocol.md :9000 `auth_success`: the Minecraft fields a `direct_mode` agent needs to reach the plugin itself. */
  private directFields(): Partial<DjOutbound['auth_success']> {
    const target = this.options.directTarget;
    if (target === undefined || target === null) return {};
    const zone = this.options.store.zones[0];
    return {
      minecraft_host: target.host,
      minecraft_port: target.port,
      ...(zone !== undefined ? { zone: zone.name } : {}),
      ...(zone !== undefined && zone.entity_count >= 1 ? { entity_count: zone.entity_count } : {}),
    };
  }

  /** A DJ id for a guest who came in with a connect code: the name made safe, unique among connected DJs. */
  private guestId(name: string): string {
    const base = `guest-${name.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'dj'}`;
    let id = base;
    while (this.options.store.djs.has(id)) id = `${base}-${Math.floor(this.options.random() * 10_000)}`;
    return id;
  }

  /** A bug, not bad input: logged, and the DJ gets an error reply instead of the hub going down. */
  private internalError(c: DjConnection, err: unknown): void {
    this.options.logger.error('internal error while handling a DJ message', {
      dj_id: c.djId,
      error: String((err as Error)?.stack ?? err),
    });
    this.reject(c, ERROR_CODES.INTERNAL_ERROR, 'The hub could not handle that message; it was logged');
  }

  private reject(c: DjConnection, code: ErrorCode, message: string): void {
    this.send(c, { type: 'error', code, message });
  }

  /** The operator's preset for the DJs' analyzers, with the attack/release the operator set in its place. */
  private presetSync(): DjOutbound['preset_sync'] {
    const { preset, audioSettings } = this.options.store;
    const { attack, release } = audioSettings;
    return {
      type: 'preset_sync',
      preset: {
        ...mcavPresetSettings(preset),
        ...(attack !== undefined ? { attack } : {}),
        ...(release !== undefined ? { release } : {}),
      },
    };
  }

  private send(c: DjConnection, message: DjOutboundMessage): void {
    sendBounded(c.ws, JSON.stringify(message));
  }

  private closeConnection(c: DjConnection, code: number, reason: string): void {
    if (c.phase === 'closed') return;
    this.clearAuthTimer(c);
    this.finish(c);
    c.ws.close(code, reason);
  }

  private clearAuthTimer(c: DjConnection): void {
    if (c.authTimer !== null) this.options.clock.clearTimeout(c.authTimer);
    c.authTimer = null;
  }

  private onClose(c: DjConnection): void {
    this.clearAuthTimer(c);
    this.finish(c);
    this.connections.delete(c);
  }

  /** Leaves the roster (or the approval queue) once, whichever way the socket ends. */
  private finish(c: DjConnection): void {
    const wasIn = c.phase === 'live' || c.phase === 'pending';
    c.phase = 'closed';
    c.liveness?.stop();
    if (wasIn && c.djId !== null) {
      this.frameLimiter.forget(c.djId);
      this.options.store.djs.remove(c.djId);
      this.options.logger.info('DJ disconnected', { dj_id: c.djId });
    }
  }
}

/** Not JSON at all (or too big to read): the :9000 handshake answers these with 4002. */
function isUnreadable(result: DjReadResult): boolean {
  return (
    !result.ok &&
    (result.error.code === ERROR_CODES.INVALID_JSON || result.error.code === ERROR_CODES.MESSAGE_TOO_BIG)
  );
}

function seq(message: { _seq?: number }): { _seq?: number } {
  return message._seq === undefined ? {} : { _seq: message._seq };
}

/** Close reasons must fit in a 123-byte control frame: printable ASCII, at most 120 characters. */
function truncate(reason: string): string {
  const ascii = reason.replace(/[^\x20-\x7e]/g, '?');
  return ascii.length > 120 ? `${ascii.slice(0, 117)}...` : ascii;
}
