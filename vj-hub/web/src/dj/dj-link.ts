/**
 * The remote DJ page's session on :9000, speaking what the CLI agent speaks (docs/protocol.md ":9000 — DJ ⇄ hub"):
 * `dj_auth` or `code_auth` first on every (re)connect, `dj_heartbeat` every 2 s (answered by `heartbeat_ack`,
 * which gives the latency), `clock_sync_response` to the hub's requests, and the DJ's role from
 * `auth_success` / `auth_pending` / `status_update` / `dj_roster`. Frames are never queued while offline.
 */
import {
  DJ_RELAY_POLICY,
  presetSyncSettings,
  type Clock,
  type DjAudioFrame,
  type McavPresetSettings,
  type TimerHandle,
} from '@audioviz/shared-types';
import type { InboundMessage, OutboundMessage, WebSocketService } from '../net/websocket-service';

export type DjCredentials =
  | { readonly kind: 'key'; readonly dj_id: string; readonly dj_key: string; readonly dj_name: string }
  | { readonly kind: 'code'; readonly code: string; readonly dj_name: string };

/** Where the DJ stands: waiting for the link or the operator, in the queue, live, or turned away. */
export type DjRole = 'connecting' | 'pending' | 'queued' | 'live' | 'refused';

export interface DjLinkState {
  readonly role: DjRole;
  /** The id the hub knows this DJ by (after `auth_success`). */
  readonly djId: string | null;
  /** 0 = live or next; from `dj_roster`. */
  readonly queuePosition: number | null;
  /** Why the hub turned the DJ away. */
  readonly refusal: string | null;
  /** Last heartbeat round trip, ms. */
  readonly latencyMs: number | null;
  readonly framesSent: number;
  readonly framesDropped: number;
  /** The audio preset the hub asks for and the attack/release to smooth with (`preset_sync`), null until it does. */
  readonly preset: McavPresetSettings | null;
}

/** The `auth` message for a set of credentials. */
export function authMessage(credentials: DjCredentials): OutboundMessage {
  return credentials.kind === 'key'
    ? { type: 'dj_auth', dj_id: credentials.dj_id, dj_key: credentials.dj_key, dj_name: credentials.dj_name }
    : { type: 'code_auth', code: credentials.code, dj_name: credentials.dj_name };
}

export class DjLink {
  private current: DjLinkState = {
    role: 'connecting',
    djId: null,
    queuePosition: null,
    refusal: null,
    latencyMs: null,
    framesSent: 0,
    framesDropped: 0,
    preset: null,
  };
  private heartbeatTimer: TimerHandle | null = null;
  private readonly listeners = new Set<(state: DjLinkState) => void>();

  /** `service` must have been created with `handshake: () => authMessage(credentials)`. */
  constructor(
    private readonly service: WebSocketService,
    private readonly clock: Clock,
  ) {
    service.on('message', (message) => this.received(message));
    service.on('status', (status) => {
      if (status === 'live') this.startHeartbeat();
      else {
        this.stopHeartbeat();
        if (this.current.role !== 'refused') this.update({ role: 'connecting' });
      }
    });
    service.on('refused', (code, reason) =>
      this.update({ role: 'refused', refusal: this.current.refusal ?? `${reason || 'refused'} (${code})` }),
    );
  }

  get state(): DjLinkState {
    return this.current;
  }

  /** Calls `listener` now and on every change. */
  subscribe(listener: (state: DjLinkState) => void): void {
    this.listeners.add(listener);
    listener(this.current);
  }

  /** Sends one analysed frame if the link is up and the hub accepted the DJ; returns true when sent. */
  sendFrame(frame: DjAudioFrame): boolean {
    const accepted = this.current.role === 'live' || this.current.role === 'queued';
    const sent = accepted && this.service.send(frame, { queue: false });
    this.update(
      sent ? { framesSent: this.current.framesSent + 1 } : { framesDropped: this.current.framesDropped + 1 },
    );
    return sent;
  }

  /** Says goodbye (`going_offline`) and closes the link. */
  leave(): void {
    this.service.send({ type: 'going_offline' }, { queue: false });
    this.stopHeartbeat();
    this.service.close();
  }

  private received(message: InboundMessage): void {
    switch (message.type) {
      case 'auth_success':
        this.update({
          role: message['is_active'] === true ? 'live' : 'queued',
          djId: typeof message['dj_id'] === 'string' ? message['dj_id'] : this.current.djId,
          refusal: null,
        });
        return;
      case 'auth_pending':
        this.update({ role: 'pending' });
        return;
      case 'auth_error':
      case 'auth_denied': {
        const why = message['error'] ?? message['reason'];
        this.update({
          role: 'refused',
          refusal: typeof why === 'string' ? why : 'The hub refused the login.',
        });
        return;
      }
      case 'status_update':
        this.update({ role: message['is_active'] === true ? 'live' : 'queued' });
        return;
      case 'dj_roster':
        return this.rosterReceived(message);
      case 'heartbeat_ack': {
        const echo = message['echo_ts'];
        if (typeof echo === 'number') this.update({ latencyMs: Math.max(0, this.clock.now() - echo * 1000) });
        return;
      }
      case 'clock_sync_request': {
        const now = this.clock.now() / 1000;
        this.service.send(
          {
            type: 'clock_sync_response',
            dj_recv_time: now,
            dj_send_time: now,
            server_time: message['server_time'],
          },
          { queue: false },
        );
        return;
      }
      case 'preset_sync': {
        const preset = presetSyncSettings(message['preset']);
        if (preset !== null) this.update({ preset });
        return;
      }
      case 'server_shutdown':
        this.update({ role: 'connecting' });
        return;
      default:
        return;
    }
  }

  private rosterReceived(message: InboundMessage): void {
    const djs = message['djs'];
    if (!Array.isArray(djs) || this.current.djId === null) return;
    const me = djs.find((d: { dj_id?: unknown }) => d?.dj_id === this.current.djId) as
      { is_active?: unknown; queue_position?: unknown } | undefined;
    if (me === undefined) return;
    this.update({
      role: me.is_active === true ? 'live' : 'queued',
      queuePosition: typeof me.queue_position === 'number' ? me.queue_position : null,
    });
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    const beat = (): void => {
      this.heartbeatTimer = this.clock.setTimeout(beat, DJ_RELAY_POLICY.heartbeat.intervalMs);
      if (this.current.role === 'live' || this.current.role === 'queued') {
        const latency = this.current.latencyMs;
        this.service.send(
          {
            type: 'dj_heartbeat',
            ts: this.clock.now() / 1000,
            ...(latency === null ? {} : { latency_ms: latency }),
          },
          { queue: false },
        );
      }
    };
    this.heartbeatTimer = this.clock.setTimeout(beat, DJ_RELAY_POLICY.heartbeat.intervalMs);
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer !== null) this.clock.clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  private update(change: Partial<DjLinkState>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener(this.current);
  }
}
