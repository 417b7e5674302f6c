/** The two links: DJRelay (hub :9000) and VizClient (plugin :8765). */
export { DJRelay, DEFAULT_DJ_RELAY_CONFIG } from './dj-relay';
export type { DJRelayConfig, DJRelayEvents } from './dj-relay';
export { VizClient, DEFAULT_VIZ_CLIENT_CONFIG } from './viz-client';
export type { VizClientConfig, LinkServices } from './viz-client';
export type { LinkEvents } from './link-events';
export { djAudioFrame, audioState } from './frames';
export type { LinkFrame } from './frames';
