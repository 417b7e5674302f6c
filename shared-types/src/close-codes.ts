/**
 * WebSocket close codes of docs/protocol.md, named for their cause. One table for every port.
 */
export const CLOSE_CODES = {
  /** 1000: orderly shutdown. */
  NORMAL: 1000,
  /** 1009: a message exceeded the port's size limit. */
  MESSAGE_TOO_BIG: 1009,
  /** 1013: the server is at its client limit (:8765). */
  TRY_AGAIN_LATER: 1013,
  /** :9000 and :8765: no auth message within the handshake timeout. */
  HANDSHAKE_TIMEOUT: 4001,
  /** :9000: bad JSON before auth. :8765: first message was not `auth` or the token was wrong. */
  INVALID_MESSAGE: 4002,
  /** :9000: the first message was not `dj_auth`/`code_auth`, or the DJ limit is reached. */
  AUTH_REQUIRED: 4003,
  /** :9000 and :8766: credentials rejected. */
  AUTH_FAILED: 4004,
  /** :9000: a DJ with this id is already connected. */
  ALREADY_CONNECTED: 4005,
  /** :9000: an operator denied a connect-code request. */
  AUTH_DENIED: 4006,
  /** :9000: the operator kicked this DJ. */
  KICKED: 4010,
  /** :9000: more than the allowed auth attempts per IP per minute. */
  AUTH_RATE_LIMITED: 4029,
  /** :8766: two server pings went unanswered. :9000 and :8765: the peer went silent past its liveness timeout. */
  PING_TIMEOUT: 4100,
} as const;

export type CloseCodeName = keyof typeof CLOSE_CODES;
export type CloseCode = (typeof CLOSE_CODES)[CloseCodeName];

/** Close codes after which a client must not reconnect on its own (docs/protocol.md: auth failure is never retried). */
export const NON_RETRYABLE_CLOSE_CODES: readonly number[] = [
  CLOSE_CODES.AUTH_FAILED,
  CLOSE_CODES.AUTH_DENIED,
  CLOSE_CODES.ALREADY_CONNECTED,
  CLOSE_CODES.KICKED,
];
