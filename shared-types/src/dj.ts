/**
 * docs/protocol.md ":9000 — DJ ⇄ hub": every message of the DJ socket.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Name, Onsets, message } from './common';
import { PRESET_NAMES } from './effects';
import { MAX_ENTITIES_PER_ZONE } from './limits';

const DjName = Type.String({ minLength: 1, maxLength: 64 });
/** A finite number; the hub clamps frame values into range rather than dropping a slightly hot frame. */
const Level = Type.Number({ minimum: -1e6, maximum: 1e6 });

// ---- DJ → hub ----

export const DjAuth = message('dj_auth', {
  dj_id: Name,
  /** May be empty (MCAV's client sends "" when no key is set); a hub that checks keys refuses it. */
  dj_key: Type.String({ maxLength: 256 }),
  dj_name: DjName,
  direct_mode: Type.Optional(Type.Boolean()),
});
/** One-time connect code `WORD-XXXX`. */
export const CodeAuth = message('code_auth', {
  code: Type.String({ pattern: '^[A-Z]{3,12}-[A-Z0-9]{4}$', maxLength: 17 }),
  dj_name: DjName,
});
export const DjAudioFrame = message('dj_audio_frame', {
  seq: Type.Integer({ minimum: 0 }),
  ts: Type.Number(),
  bands: Type.Array(Level, { minItems: 5, maxItems: 5 }),
  peak: Level,
  beat: Type.Boolean(),
  beat_i: Level,
  bpm: Type.Number({ minimum: 0, maximum: 1000 }),
  tempo_conf: Level,
  beat_phase: Level,
  i_bass: Level,
  i_kick: Type.Boolean(),
  spectrum: Type.Optional(Type.Array(Level, { maxItems: 256 })),
  onsets: Type.Optional(Onsets),
});
export const DjHeartbeat = message('dj_heartbeat', {
  ts: Type.Number(),
  mc_connected: Type.Optional(Type.Boolean()),
  latency_ms: Type.Optional(Type.Number({ minimum: 0 })),
});
export const ClockSyncResponse = message('clock_sync_response', {
  dj_recv_time: Type.Number(),
  dj_send_time: Type.Number(),
  server_time: Type.Optional(Type.Number()),
});
export const GoingOffline = message('going_offline', {});
export const DjPing = message('ping', { timestamp: Type.Optional(Type.Number()) });

// ---- hub → DJ ----

export const DjAuthSuccess = message('auth_success', {
  dj_id: Name,
  dj_name: DjName,
  is_active: Type.Boolean(),
  minecraft_host: Type.Optional(Type.String({ maxLength: 255 })),
  minecraft_port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
  zone: Type.Optional(Name),
  entity_count: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ENTITIES_PER_ZONE })),
});
export const DjAuthError = message('auth_error', { error: Type.String({ maxLength: 512 }) });
export const AuthPending = message('auth_pending', {
  /** The id the DJ waits under (MCAV's clients read it). */
  dj_id: Type.Optional(Name),
  message: Type.Optional(Type.String({ maxLength: 512 })),
});
export const AuthDenied = message('auth_denied', { reason: Type.Optional(Type.String({ maxLength: 512 })) });
export const HeartbeatAck = message('heartbeat_ack', { server_time: Type.Number(), echo_ts: Type.Number() });
export const ClockSyncRequest = message('clock_sync_request', { server_time: Type.Number() });
export const StatusUpdate = message('status_update', { is_active: Type.Boolean() });
export const RosterEntry = Type.Object({
  dj_id: Name,
  dj_name: DjName,
  is_active: Type.Boolean(),
  queue_position: Type.Integer({ minimum: 0 }),
  /** (ext) Frames of this DJ the hub refused (malformed), and whether its latest frame was one of them. */
  frames_refused: Type.Optional(Type.Integer({ minimum: 0 })),
  refusing_frames: Type.Optional(Type.Boolean()),
});
export type RosterEntry = Static<typeof RosterEntry>;
export const DjRoster = message('dj_roster', {
  djs: Type.Array(RosterEntry, { maxItems: 256 }),
  active_dj_id: Type.Union([Name, Type.Null()]),
});
/** The preset by name with its values, in the shape MCAV's DJ clients read (they take `preset.name`). */
export const PresetSync = message('preset_sync', {
  preset: Type.Object({
    name: Type.Union(PRESET_NAMES.map((name) => Type.Literal(name))),
    attack: Type.Number({ minimum: 0, maximum: 1 }),
    release: Type.Number({ minimum: 0, maximum: 1 }),
    /** MCAV's onset threshold (higher: fewer beats), the inverse of our beat sensitivity. */
    beat_threshold: Type.Number({ minimum: 0 }),
    band_sensitivity: Type.Array(Type.Number(), { minItems: 5, maxItems: 5 }),
  }),
});
export const ServerShutdown = message('server_shutdown', {});
export const DjPong = message('pong', { timestamp: Type.Optional(Type.Number()) });
export const DjError = message('error', {
  message: Type.String({ maxLength: 2048 }),
  code: Type.Optional(Type.String({ maxLength: 64 })),
});

/** Everything an agent (or the remote DJ page) may send to the hub on :9000. */
export const DJ_INBOUND = {
  dj_auth: DjAuth,
  code_auth: CodeAuth,
  dj_audio_frame: DjAudioFrame,
  dj_heartbeat: DjHeartbeat,
  clock_sync_response: ClockSyncResponse,
  going_offline: GoingOffline,
  ping: DjPing,
} as const;

/** Everything the hub may send to a DJ. */
export const DJ_OUTBOUND = {
  auth_success: DjAuthSuccess,
  auth_error: DjAuthError,
  auth_pending: AuthPending,
  auth_denied: AuthDenied,
  heartbeat_ack: HeartbeatAck,
  clock_sync_request: ClockSyncRequest,
  status_update: StatusUpdate,
  dj_roster: DjRoster,
  preset_sync: PresetSync,
  server_shutdown: ServerShutdown,
  pong: DjPong,
  error: DjError,
} as const;

export type DjInbound = { [K in keyof typeof DJ_INBOUND]: Static<(typeof DJ_INBOUND)[K]> };
export type DjOutbound = { [K in keyof typeof DJ_OUTBOUND]: Static<(typeof DJ_OUTBOUND)[K]> };
export type DjInboundMessage = DjInbound[keyof DjInbound];
export type DjOutboundMessage = DjOutbound[keyof DjOutbound];
export type DjAudioFrame = DjInbound['dj_audio_frame'];
