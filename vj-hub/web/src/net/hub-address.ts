/**
 * Where the hub's sockets are. The pages are served by the hub on :8080, which tells them its socket ports
 * at `GET /api/config`; without it they use the standard ports :8766 (browsers) and :9000 (DJs) on the
 * page's host. `?browser_port=` / `?dj_port=` / `?hub=` in the page address override both.
 */
import { BROWSER_PORT, DJ_PORT } from '@audioviz/shared-types';

/** The parts of `window.location` this needs. */
export interface PageLocation {
  readonly protocol: string;
  readonly hostname: string;
  readonly search: string;
}

/** Which hub socket: `browser` is :8766 (panel, preview), `dj` is :9000. */
export type HubSocket = 'browser' | 'dj';

/** `GET /api/config` of the hub (fields may be missing on an older hub). */
export interface HubPageConfig {
  readonly browser_port?: unknown;
  readonly dj_port?: unknown;
  readonly auth_required?: unknown;
}

const DEFAULT_PORTS: Record<HubSocket, number> = { browser: BROWSER_PORT, dj: DJ_PORT };
const PORT_FIELDS = { browser: 'browser_port', dj: 'dj_port' } as const;

/** The ws:// (or wss:// on an https page) address of one hub socket. */
export function hubSocketUrl(location: PageLocation, socket: HubSocket, config: HubPageConfig = {}): string {
  const params = new URLSearchParams(location.search);
  const port =
    parsePort(params.get(PORT_FIELDS[socket])) ??
    parsePort(config[PORT_FIELDS[socket]]) ??
    DEFAULT_PORTS[socket];
  const host = params.get('hub') ?? location.hostname;
  const safeHost = /^[A-Za-z0-9.:[\]-]{1,255}$/.test(host) ? host : '127.0.0.1';
  const bracketed = safeHost.includes(':') && !safeHost.startsWith('[') ? `[${safeHost}]` : safeHost;
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${bracketed}:${port}`;
}

let pageConfig: Promise<HubPageConfig> | null = null;

/** Reads `/api/config` once per page; an unreachable or odd answer gives `{}` (standard ports). */
export function fetchHubPageConfig(): Promise<HubPageConfig> {
  pageConfig ??= readHubPageConfig();
  return pageConfig;
}

async function readHubPageConfig(): Promise<HubPageConfig> {
  try {
    const response = await fetch('/api/config', { cache: 'no-store' });
    if (!response.ok) return {};
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as HubPageConfig) : {};
  } catch {
    return {};
  }
}

function parsePort(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^[0-9]{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}
