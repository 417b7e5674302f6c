/**
 * Named limits and connection-policy numbers from docs/protocol.md ("Keeping a link alive" and each port's section).
 * These numbers are requirements; every component reads them from here.
 */

/** Protocol version carried in `v`. */
export const PROTOCOL_VERSION = '1.0.0';

// ---- ports ----
export const PLUGIN_PORT = 8765;
export const BROWSER_PORT = 8766;
export const DJ_PORT = 9000;
export const HTTP_PORT = 8080;

// ---- :8765 plugin ----
/** Max inbound message size on :8765, checked before parsing. */
export const MAX_PLUGIN_MESSAGE_BYTES = 256 * 1024;
/** Inbound queue capacity (configurable); oldest dropped when full. */
export const PLUGIN_QUEUE_CAPACITY = 1000;
/** Fraction of the queue at which a (rate-limited) warning is logged. */
export const PLUGIN_QUEUE_WARN_FRACTION = 0.8;
/** First message must be `auth` within this time when a secret is set. */
export const PLUGIN_AUTH_TIMEOUT_MS = 5_000;
/** Clients silent for longer than this are dropped. */
export const PLUGIN_IDLE_TIMEOUT_MS = 30_000;
/** At most this many simultaneous :8765 clients. */
export const PLUGIN_MAX_CLIENTS = 16;
/** Entities per zone: default cap and hard max. */
export const DEFAULT_ENTITIES_PER_ZONE = 256;
export const MAX_ENTITIES_PER_ZONE = 1024;
/** A zone's edge in blocks, on every axis. */
export const MIN_ZONE_SIZE = 1;
export const MAX_ZONE_SIZE = 64;
/** A zone's yaw, degrees either way (any angle is accepted from MCAV and wrapped into this). */
export const MAX_ROTATION_DEG = 360;
/** Display brightness, as Minecraft's block light: 0–15. */
export const MAX_BRIGHTNESS = 15;
/** An entity's uniform scale: 0 (hidden) to this. */
export const MAX_ENTITY_SCALE = 4;
/** The five bands (bass … highs) are numbered 0 to this. */
export const MAX_BAND_INDEX = 4;
/** The fastest tempo any message may carry, BPM. */
export const MAX_BPM = 400;
/** Client-side interpolation of entity moves, ticks. */
export const MAX_INTERPOLATION_TICKS = 100;
/** The longest an effect may run, ms. */
export const MAX_EFFECT_MS = 60_000;
/** Longest crossfade between two patterns, seconds (`set_pattern`, `set_transition_duration`, scenes). */
export const MAX_TRANSITION_S = 3;
/** The operator's gain on one band, on top of the preset's (`set_band_sensitivity`, scenes): 0 silences it. */
export const MAX_BAND_SENSITIVITY = 2;
/** Max size of a pattern source pushed with `load_script`. */
export const MAX_SCRIPT_SOURCE_BYTES = 200 * 1024;

// ---- :9000 DJ ⇄ hub ----
/** First message must arrive within this time (else close 4001). */
export const DJ_AUTH_TIMEOUT_MS = 10_000;
/** Auth attempts allowed per IP per window (else close 4029). */
export const DJ_AUTH_ATTEMPTS_PER_WINDOW = 5;
export const DJ_AUTH_WINDOW_MS = 60_000;
/** One-time connect codes live this long by default. */
export const CONNECT_CODE_TTL_MS = 30 * 60_000;
/** Frames past this rate per DJ are dropped by the hub. */
export const DJ_MAX_FRAMES_PER_SECOND = 120;
/** Nominal DJ frame rate. */
export const DJ_FRAME_RATE = 60;
/** Default maximum number of connected DJs. */
export const DEFAULT_MAX_DJS = 10;
/**
 * Largest message an agent accepts from a hub. Ours stay small, but MCAV's VJ server sends a `stream_route` of
 * about 250 KB right after auth; the bound still keeps a hostile hub from making the agent buffer without end.
 */
export const MAX_HUB_TO_DJ_MESSAGE_BYTES = 1024 * 1024;
/**
 * After `auth_success` an agent holds its frames until it has answered `clock_sync_request` (MCAV's VJ server
 * reads the very next message as the answer), or until this long has passed with no request, ms.
 */
export const DJ_CLOCK_SYNC_WAIT_MS = 1_000;
/**
 * A reconnect refused with 4005 "Already connected" usually means the hub has not yet noticed the agent's old,
 * dead socket: the agent retries this many times on its backoff before it believes the id is really taken.
 */
export const DJ_STALE_SESSION_RETRIES = 3;

// ---- :8766 browser ⇄ hub ----
export const BROWSER_AUTH_TIMEOUT_MS = 5_000;
export const BROWSER_COMMANDS_PER_SECOND = 10;
/**
 * MCAV's admin panel asks nine questions about its own features the moment it connects, beside its commands:
 * they are counted apart (`MCAV_BROWSER_QUERIES`), so a panel that connects is not refused, and still bounded.
 */
export const BROWSER_MCAV_QUERIES_PER_SECOND = 20;
export const BROWSER_STATE_RATE_HZ = 20;
export const DEFAULT_MAX_BROWSERS = 64;
/** Messages a browser queues while disconnected; oldest evicted. */
export const BROWSER_OFFLINE_QUEUE_LIMIT = 500;

// ---- hub health ----
export const HUB_HEALTH_CHECK_INTERVAL_MS = 5_000;
export const HUB_HEALTH_LOG_INTERVAL_MS = 60_000;
/** `audio_state` is forwarded to each Minecraft server at up to this rate per zone. */
export const HUB_MINECRAFT_FORWARD_HZ = 20;

/** Parameters of one reconnecting link: backoff and attempts. */
export interface BackoffPolicy {
  /** First delay, ms. */
  readonly initialMs: number;
  /** Each later delay is the previous one times this. */
  readonly multiplier: number;
  /** Delays never exceed this, ms (before jitter). */
  readonly maxMs: number;
  /** Relative jitter, e.g. 0.1 for ±10 %. */
  readonly jitter: number;
  /** Attempts before giving up; `Infinity` for unlimited. */
  readonly maxAttempts: number;
}

/** Parameters of one link's liveness check. */
export interface HeartbeatPolicy {
  /** Send a ping (or heartbeat) this often, ms. */
  readonly intervalMs: number;
  /** Declare the link dead when no pong arrived for this long, ms (0: not checked). */
  readonly pongTimeoutMs: number;
  /** Declare the link dead after this many consecutive unanswered pings (0: not checked). */
  readonly maxMissedPongs: number;
  /** Declare the link dead after this many consecutive failed sends (0: not checked). */
  readonly maxSendFailures: number;
}

/** docs/protocol.md "Keeping a link alive", row "agent → hub (:9000)". */
export const DJ_RELAY_POLICY = {
  backoff: { initialMs: 5_000, multiplier: 1.5, maxMs: 30_000, jitter: 0.1, maxAttempts: Infinity },
  /** `max_connect_attempts`: tries of the very first connection; after a loss, unlimited. */
  maxConnectAttempts: 3,
  heartbeat: { intervalMs: 2_000, pongTimeoutMs: 0, maxMissedPongs: 0, maxSendFailures: 3 },
} as const satisfies { backoff: BackoffPolicy; maxConnectAttempts: number; heartbeat: HeartbeatPolicy };

/** docs/protocol.md "Keeping a link alive", row "hub → Minecraft (:8765)". */
export const HUB_MINECRAFT_POLICY = {
  backoff: { initialMs: 5_000, multiplier: 1.5, maxMs: 60_000, jitter: 0.1, maxAttempts: Infinity },
  healthCheckIntervalMs: HUB_HEALTH_CHECK_INTERVAL_MS,
  heartbeat: { intervalMs: 10_000, pongTimeoutMs: 30_000, maxMissedPongs: 0, maxSendFailures: 0 },
} as const satisfies { backoff: BackoffPolicy; healthCheckIntervalMs: number; heartbeat: HeartbeatPolicy };

/** docs/protocol.md "Keeping a link alive", row "agent → Minecraft, direct (:8765)". */
export const VIZ_CLIENT_POLICY = {
  backoff: { initialMs: 1_000, multiplier: 1.5, maxMs: 30_000, jitter: 0.1, maxAttempts: 10 },
  autoReconnect: false,
  connectTimeoutMs: 10_000,
  heartbeat: { intervalMs: 10_000, pongTimeoutMs: 30_000, maxMissedPongs: 0, maxSendFailures: 0 },
} as const satisfies {
  backoff: BackoffPolicy;
  autoReconnect: boolean;
  connectTimeoutMs: number;
  heartbeat: HeartbeatPolicy;
};

/** docs/protocol.md "Keeping a link alive", row "browser → hub (:8766)": the browser's side. */
export const BROWSER_CLIENT_POLICY = {
  backoff: { initialMs: 2_000, multiplier: 1.5, maxMs: 30_000, jitter: 0.1, maxAttempts: 10 },
  heartbeat: { intervalMs: 5_000, pongTimeoutMs: 20_000, maxMissedPongs: 0, maxSendFailures: 0 },
  offlineQueueLimit: BROWSER_OFFLINE_QUEUE_LIMIT,
} as const satisfies { backoff: BackoffPolicy; heartbeat: HeartbeatPolicy; offlineQueueLimit: number };

/** docs/protocol.md "Keeping a link alive", row "browser → hub (:8766)": the hub's side. */
export const BROWSER_SERVER_HEARTBEAT = {
  intervalMs: 15_000,
  pongTimeoutMs: 0,
  maxMissedPongs: 2,
  maxSendFailures: 0,
} as const satisfies HeartbeatPolicy;

/** LAN and WAN tuning presets for the agent (`--network lan|wan`). */
export const NETWORK_PRESETS = {
  lan: { reconnectIntervalMs: 5_000, heartbeatIntervalMs: 2_000, connectTimeoutMs: 10_000 },
  wan: { reconnectIntervalMs: 10_000, heartbeatIntervalMs: 5_000, connectTimeoutMs: 20_000 },
} as const;
