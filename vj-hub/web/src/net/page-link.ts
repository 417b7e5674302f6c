/** Opens a page's link to the hub with the browser's own WebSocket, clock and random numbers. */
import {
  BROWSER_OUTBOUND,
  createPortValidator,
  DJ_OUTBOUND,
  systemClock,
  systemRandom,
  type BackoffPolicy,
  type HeartbeatPolicy,
} from '@audioviz/shared-types';
import { fetchHubPageConfig, hubSocketUrl, type HubSocket } from './hub-address';
import { WebSocketService, type OutboundMessage, type SocketLike } from './websocket-service';

export interface PageLinkOptions {
  readonly handshake?: () => OutboundMessage | null;
  readonly backoff?: BackoffPolicy;
  readonly heartbeat?: HeartbeatPolicy;
}

/**
 * What the hub may send on each socket (shared-types): every message is checked before a view sees it.
 * The size limit is moot here (the text is parsed already); `state` frames of big zones are large.
 */
const VALIDATORS = {
  browser: createPortValidator(BROWSER_OUTBOUND, Number.MAX_SAFE_INTEGER),
  dj: createPortValidator(DJ_OUTBOUND, Number.MAX_SAFE_INTEGER),
};

/** A `WebSocketService` to one of the hub's sockets (ports from `/api/config`), not yet connected. */
export async function createPageLink(
  socket: HubSocket,
  options: PageLinkOptions = {},
): Promise<WebSocketService> {
  const config = await fetchHubPageConfig();
  return new WebSocketService({
    url: hubSocketUrl(window.location, socket, config),
    createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
    clock: systemClock,
    random: systemRandom,
    validate: (message) => {
      const result = VALIDATORS[socket].validate(message);
      return result.ok ? null : result.error.message;
    },
    ...options,
  });
}
