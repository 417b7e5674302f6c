/** Opens a page's link to the hub with the browser's own WebSocket, clock and random numbers. */
import { systemClock, systemRandom, type BackoffPolicy, type HeartbeatPolicy } from '@audioviz/shared-types';
import { fetchHubPageConfig, hubSocketUrl, type HubSocket } from './hub-address';
import { WebSocketService, type OutboundMessage, type SocketLike } from './websocket-service';

export interface PageLinkOptions {
  readonly handshake?: () => OutboundMessage | null;
  readonly backoff?: BackoffPolicy;
  readonly heartbeat?: HeartbeatPolicy;
}

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
    ...options,
  });
}
