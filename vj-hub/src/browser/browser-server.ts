/**
 * The :8766 browser server (docs/protocol.md ":8766 — browser ⇄ hub"): optional `vj_auth` within 5 s, `vj_state`
 * on connect, every store event pushed to every browser, `state` at ~20 Hz, commands at most 10/s per socket,
 * a server `ping` every 15 s and removal after two unanswered (close 4100), at most 64 browsers.
 */
import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import {
  ERROR_CODES,
  BROWSER_AUTH_TIMEOUT_MS,
  BROWSER_COMMANDS_PER_SECOND,
  BROWSER_MCAV_QUERIES_PER_SECOND,
  BROWSER_SERVER_HEARTBEAT,
  browserRosterMessage,
  CLOSE_CODES,
  DEFAULT_MAX_BROWSERS,
  DJ_AUTH_ATTEMPTS_PER_WINDOW,
  DJ_AUTH_WINDOW_MS,
  djJoinedMessage,
  HeartbeatMonitor,
  MAX_HUB_MESSAGE_BYTES,
  MCAV_BROWSER_QUERIES,
  mcavPreviewState,
  readBrowserMessage,
  type BrowserInbound,
  type BrowserOutboundMessage,
  type Clock,
  type TimerHandle,
} from '@audioviz/shared-types';
import { verifySecret } from '../auth/secret-hash';
import type { Logger } from '../logger';
import { closeWebSocketServer, openWebSocketServer, remoteAddress, sendBounded } from '../net/ws-server';
import { SlidingWindowLimiter } from '../rate-limit';
import type { PreviewState } from '../store/hub-events';
import type { HubStore } from '../store/hub-store';
import { buildVjState, runBrowserCommand, type BrowserCommand } from './browser-commands';

export interface BrowserServerOptions {
  readonly host: string;
  readonly port: number;
  readonly store: HubStore;
  /** scrypt hash of the admin password; null: no password (`--no-auth` or none configured). */
  readonly passwordHash: string | null;
  readonly maxBrowsers?: number;
  readonly clock: Clock;
  readonly logger: Logger;
}

interface BrowserConnection {
  readonly id: number;
  readonly ws: WebSocket;
  readonly ip: string;
  phase: 'auth' | 'verifying' | 'live' | 'closed';
  authTimer: TimerHandle | null;
  readonly heartbeat: HeartbeatMonitor;
  /** It asked one of MCAV's panel questions: it is MCAV's admin panel, and gets `state` in MCAV's shape. */
  speaksMcav: boolean;
}

const PING_TEXT = JSON.stringify({ type: 'ping' });

/** How long after a settings change its `vj_state` goes to every panel, ms (changes meanwhile ride along). */
export const SETTINGS_PUSH_DELAY_MS = 250;

export class BrowserServer {
  private server: WebSocketServer | null = null;
  private readonly connections = new Set<BrowserConnection>();
  private readonly commandLimiter: SlidingWindowLimiter;
  private readonly mcavQueryLimiter: SlidingWindowLimiter;
  private readonly authLimiter: SlidingWindowLimiter;
  private readonly unsubscribe: (() => void)[] = [];
  /** The pending `vj_state` push after a settings change (null: none pending). */
  private settingsPush: TimerHandle | null = null;
  private nextId = 1;
  private boundPort = 0;

  constructor(private readonly options: BrowserServerOptions) {
    this.commandLimiter = new SlidingWindowLimiter(BROWSER_COMMANDS_PER_SECOND, 1000, options.clock);
    this.mcavQueryLimiter = new SlidingWindowLimiter(BROWSER_MCAV_QUERIES_PER_SECOND, 1000, options.clock);
    // Password guesses are limited like DJ auth attempts.
    this.authLimiter = new SlidingWindowLimiter(
      DJ_AUTH_ATTEMPTS_PER_WINDOW,
      DJ_AUTH_WINDOW_MS,
      options.clock,
    );
  }

  get port(): number {
    return this.boundPort;
  }

  /** Browsers past the handshake. */
  get liveCount(): number {
    let n = 0;
    for (const c of this.connections) if (c.phase === 'live') n++;
    return n;
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
    this.subscribe();
    this.options.logger.info('browser server listening', { port });
    return port;
  }

  async close(): Promise<void> {
    for (const off of this.unsubscribe.splice(0)) off();
    if (this.settingsPush !== null) this.options.clock.clearTimeout(this.settingsPush);
    this.settingsPush = null;
    for (const c of this.connections) c.heartbeat.stop();
    if (this.server !== null)
      await closeWebSocketServer(this.server, CLOSE_CODES.NORMAL, 'Hub shutting down');
    this.server = null;
  }

  private subscribe(): void {
    const { events } = this.options.store;
    const push = (message: BrowserOutboundMessage) => this.broadcast(JSON.stringify(message));
    this.unsubscribe.push(
      events.preview.on((preview) => this.broadcastPreview(preview)),
      events.roster.on((r) => push(browserRosterMessage(r))),
      events.djJoined.on((e) => push(djJoinedMessage(e.dj_id, e.dj_name))),
      events.djLeft.on((e) => push({ type: 'dj_left', ...e })),
      events.djPending.on((dj) => push({ type: 'dj_pending', dj })),
      events.minecraftStatus.on((e) => push({ type: 'minecraft_status', ...e })),
      events.patternChanged.on((e) => push({ type: 'pattern_changed', ...e })),
      events.presetChanged.on((e) => push({ type: 'preset_changed', ...e })),
      events.effectTriggered.on((e) => push({ type: 'effect_triggered', ...e })),
      events.scenes.on((e) => push({ type: 'scenes_list', ...e })),
      events.zones.on((e) => push({ type: 'zones', ...e })),
      // Preset, blackout, freeze, sensitivity, transition: every panel shows the show as it now is, whoever
      // changed it (another panel, or a server in game).
      events.settings.on(() => this.pushSettingsSoon()),
      events.notice.on((e) => push({ type: 'error', ...e })),
    );
  }

  /**
   * Sends every panel the whole `vj_state` once settings stop changing for a moment: a dragged slider changes
   * them ten times a second per panel, and the full state to every panel on each change would multiply that.
   */
  private pushSettingsSoon(): void {
    if (this.settingsPush !== null) return;
    this.settingsPush = this.options.clock.setTimeout(() => {
      this.settingsPush = null;
      this.broadcast(JSON.stringify(buildVjState(this.options.store, this.health())));
    }, SETTINGS_PUSH_DELAY_MS);
  }

  /** Our panels get the shared text; MCAV's panels, if any are connected, MCAV's shape of the same state. */
  private broadcastPreview(preview: PreviewState): void {
    const ours = Buffer.from(preview.text);
    let mcav: Buffer | null = null;
    for (const c of this.connections) {
      if (c.phase !== 'live') continue;
      if (!c.speaksMcav) {
        sendBounded(c.ws, ours);
        continue;
      }
      mcav ??= Buffer.from(
        JSON.stringify(mcavPreviewState(preview.message, this.options.store.zones[0]?.name)),
      );
      sendBounded(c.ws, mcav);
    }
  }

  private broadcast(text: string): void {
    const bytes = Buffer.from(text); // encoded once for every browser
    for (const c of this.connections) if (c.phase === 'live') sendBounded(c.ws, bytes);
  }

  private accept(ws: WebSocket, request: IncomingMessage): void {
    const { store, clock } = this.options;
    const max = this.options.maxBrowsers ?? DEFAULT_MAX_BROWSERS;
    if (this.connections.size >= max) {
      ws.close(CLOSE_CODES.TRY_AGAIN_LATER, `At most ${max} browsers; try again later`);
      return;
    }
    const c: BrowserConnection = {
      id: this.nextId++,
      ws,
      ip: remoteAddress(request),
      phase: 'auth',
      authTimer: null,
      speaksMcav: false,
      heartbeat: new HeartbeatMonitor(BROWSER_SERVER_HEARTBEAT, clock, {
        send: () => sendBounded(ws, PING_TEXT),
        onDead: () => this.closeConnection(c, CLOSE_CODES.PING_TIMEOUT, 'Two pings unanswered'),
      }),
    };
    this.connections.add(c);
    store.health.browserConnected();
    ws.on('message', (data, isBinary) => {
      try {
        this.onMessage(c, isBinary ? null : data.toString());
      } catch (err) {
        this.internalError(c, err);
      }
    });
    ws.on('error', () => undefined);
    ws.on('close', () => this.onClose(c));
    c.heartbeat.start();
    if (this.options.passwordHash === null) return this.goLive(c);
    // docs/protocol.md :8766: with a password, `vj_auth` must come within 5 s, else auth_error and 4004.
    c.authTimer = clock.setTimeout(() => {
      c.authTimer = null;
      if (c.phase === 'auth') this.failAuth(c, 'No vj_auth within 5 s');
    }, BROWSER_AUTH_TIMEOUT_MS);
  }

  private onMessage(c: BrowserConnection, text: string | null): void {
    if (c.phase === 'closed' || c.phase === 'verifying') return;
    const result = text === null ? null : readBrowserMessage(text);
    if (result !== null && result.ok && (result.value.type === 'pong' || result.value.type === 'ping')) {
      c.heartbeat.pongReceived();
      if (result.value.type === 'ping')
        this.send(c, { type: 'pong', ...timestamp(result.value), ...seq(result.value) });
      return;
    }
    if (c.phase === 'auth') {
      if (result !== null && result.ok && result.value.type === 'vj_auth') {
        this.vjAuth(c, result.value).catch((err: unknown) => this.internalError(c, err));
        return;
      }
      return this.failAuth(c, 'Send vj_auth with the admin password first');
    }
    if (result === null)
      return this.send(c, {
        type: 'error',
        code: ERROR_CODES.BINARY_FRAME,
        message: 'Send JSON text frames',
      });
    // docs/protocol.md :8766: at most 10 commands per second per socket, else `error` "Rate limited"; MCAV's
    // panel's questions on connect have their own allowance.
    const mcavQuery = result.ok && MCAV_BROWSER_QUERIES.has(result.value.type);
    if (mcavQuery) c.speaksMcav = true;
    const limiter = mcavQuery ? this.mcavQueryLimiter : this.commandLimiter;
    if (!limiter.tryAcquire(String(c.id))) {
      return this.send(c, {
        type: 'error',
        code: ERROR_CODES.RATE_LIMITED,
        message: 'Rate limited',
        ...seqOf(text ?? ''),
      });
    }
    if (!result.ok) {
      this.options.store.health.rejected.browser++;
      return this.send(c, {
        type: 'error',
        code: result.error.code,
        message: result.error.message,
        ...seqOf(text ?? ''),
      });
    }
    const message = result.value;
    if (message.type === 'vj_auth')
      return this.send(c, {
        type: 'error',
        code: ERROR_CODES.ALREADY_AUTHENTICATED,
        message: 'Already authenticated',
        ...seq(message),
      });
    const reply = runBrowserCommand(this.options.store, message as BrowserCommand, () => this.health());
    this.send(c, { ...reply, ...seq(message) });
  }

  private async vjAuth(c: BrowserConnection, message: BrowserInbound['vj_auth']): Promise<void> {
    if (!this.authLimiter.tryAcquire(c.ip))
      return this.closeConnection(c, CLOSE_CODES.AUTH_RATE_LIMITED, 'Too many auth attempts; wait a minute');
    this.clearAuthTimer(c);
    c.phase = 'verifying';
    const ok = await verifySecret(message.password, this.options.passwordHash!);
    if (c.phase !== 'verifying') return;
    if (!ok) return this.failAuth(c, 'Wrong admin password');
    this.send(c, { type: 'auth_success', ...seq(message) });
    this.goLive(c);
  }

  /** A bug, not bad input: logged, and the browser gets an error reply instead of the hub going down. */
  private internalError(c: BrowserConnection, err: unknown): void {
    this.options.logger.error('internal error while handling a browser message', {
      error: String((err as Error)?.stack ?? err),
    });
    this.send(c, {
      type: 'error',
      code: ERROR_CODES.INTERNAL_ERROR,
      message: 'The hub could not handle that message; it was logged',
    });
  }

  private goLive(c: BrowserConnection): void {
    this.clearAuthTimer(c);
    c.phase = 'live';
    this.send(c, buildVjState(this.options.store, this.health()));
  }

  private failAuth(c: BrowserConnection, error: string): void {
    this.send(c, { type: 'auth_error', error });
    this.closeConnection(c, CLOSE_CODES.AUTH_FAILED, 'Authentication failed');
  }

  private health() {
    return this.options.store.healthSnapshot(this.liveCount);
  }

  private send(c: BrowserConnection, message: BrowserOutboundMessage): void {
    sendBounded(c.ws, JSON.stringify(message));
  }

  private closeConnection(c: BrowserConnection, code: number, reason: string): void {
    if (c.phase === 'closed') return;
    c.phase = 'closed';
    this.clearAuthTimer(c);
    c.heartbeat.stop();
    c.ws.close(code, reason);
  }

  private clearAuthTimer(c: BrowserConnection): void {
    if (c.authTimer !== null) this.options.clock.clearTimeout(c.authTimer);
    c.authTimer = null;
  }

  private onClose(c: BrowserConnection): void {
    c.phase = 'closed';
    this.clearAuthTimer(c);
    c.heartbeat.stop();
    this.commandLimiter.forget(String(c.id));
    this.mcavQueryLimiter.forget(String(c.id));
    if (this.connections.delete(c)) this.options.store.health.browserDisconnected();
  }
}

function seq(message: { _seq?: number }): { _seq?: number } {
  return message._seq === undefined ? {} : { _seq: message._seq };
}

function timestamp(message: { timestamp?: number }): { timestamp?: number } {
  return message.timestamp === undefined ? {} : { timestamp: message.timestamp };
}

/** Recovers `_seq` from a message that failed validation, so the error still correlates. */
function seqOf(text: string): { _seq?: number } {
  const match = /"_seq"\s*:\s*(-?\d{1,15})/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return match === null ? {} : { _seq: Number(match[1]) };
}
