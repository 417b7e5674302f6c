/**
 * Assembles a running hub: the store, the show loop with its preview engine, the :9000, :8766 and :8080
 * servers, the Minecraft links and the health log. `startHub` is what the CLI, the demo and the end-to-end
 * suite call.
 */
import path from 'node:path';
import {
  HUB_HEALTH_LOG_INTERVAL_MS,
  PLUGIN_PORT,
  systemClock,
  systemRandom,
  type Clock,
  type Health,
  type RandomSource,
  type TimerHandle,
} from '@audioviz/shared-types';
import type { CreateEngine } from '@audioviz/scripts';
import { keysAuthenticator, openAuthenticator } from './auth/dj-authenticator';
import { loadDjKeys } from './auth/dj-keys';
import { isSecretHash } from './auth/secret-hash';
import { BrowserServer } from './browser/browser-server';
import { ConfigError, DEFAULT_CONFIG, type HubConfig } from './config';
import { DjServer } from './dj/dj-server';
import { HttpServer } from './http/http-server';
import { createLogger, type Logger } from './logger';
import { MinecraftLinks } from './minecraft/minecraft-links';
import { createPreviewEngine } from './show/preview-engine';
import { ShowLoop } from './show/show-loop';
import { HubStore } from './store/hub-store';

export interface HubDependencies {
  readonly clock?: Clock;
  readonly random?: RandomSource;
  readonly logger?: Logger;
  /** Engine factory for the preview; default: the one in `@audioviz/scripts`; null: no preview engine. */
  readonly createEngine?: CreateEngine | null;
}

export interface RunningHub {
  /** The ports actually bound (useful with port 0). */
  readonly ports: { readonly dj: number; readonly browser: number; readonly http: number };
  readonly store: HubStore;
  readonly minecraft: MinecraftLinks;
  /** Health figures as `GET /health` reports them. */
  health(): Health & { uptime_s: number };
  /** Stops everything: DJs get `server_shutdown`, sockets close, ports are freed. */
  close(): Promise<void>;
}

/** Host and port of the first Minecraft server, for DJs in direct mode. */
function directTarget(config: HubConfig): { host: string; port: number } | null {
  const first = config.minecraft[0];
  if (first === undefined) return null;
  try {
    const url = new URL(first.url);
    return { host: url.hostname, port: url.port === '' ? PLUGIN_PORT : Number(url.port) };
  } catch {
    return null;
  }
}

/**
 * Starts a hub. Missing settings take DEFAULT_CONFIG's values (standard ports: pass 0 for ephemeral ones).
 * Rejects with a ConfigError (keys file, password hash) or a listen error (port in use).
 */
export async function startHub(
  settings: Partial<HubConfig> = {},
  deps: HubDependencies = {},
): Promise<RunningHub> {
  const config: HubConfig = { ...DEFAULT_CONFIG, ...settings };
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? systemRandom;
  const logger = deps.logger ?? createLogger({ level: config.logLevel, clock });
  const startedAt = clock.now();

  if (config.adminPasswordHash !== null && !isSecretHash(config.adminPasswordHash)) {
    throw new ConfigError(
      'the admin password hash is not a scrypt hash; create one with "audioviz-hub hash-password"',
    );
  }
  const keys = config.noAuth || config.djKeysFile === null ? null : loadDjKeys(config.djKeysFile);
  if (config.noAuth) logger.warn('--no-auth: any DJ key is accepted and the admin panel has no password');
  else if (keys === null)
    logger.warn('no DJ keys file: DJs can join only with connect codes from the admin panel');

  const store = new HubStore({
    clock,
    random,
    maxDjs: config.maxDjs,
    scenesFile: config.dataDir === null ? null : path.join(config.dataDir, 'scenes.json'),
    // A bug in one part must not take the show down: log it and keep serving.
    onListenerError: (error) =>
      logger.error('internal error while handling a hub event', {
        error: String((error as Error)?.stack ?? error),
      }),
  });
  for (const problem of store.sceneFileProblems) logger.warn(problem);
  const engine = createPreviewEngine({
    clock,
    logger: logger.child('preview'),
    dataDir: config.dataDir,
    onZones: (zones) => {
      if (store.zones.length === 0 || config.minecraft.length === 0) store.setZones(zones);
    },
    onPatterns: (patterns) => store.setPatterns(patterns),
    ...(deps.createEngine !== undefined ? { createEngine: deps.createEngine } : {}),
  });
  const show = new ShowLoop(store, engine, clock);
  const minecraft = new MinecraftLinks({
    targets: config.minecraft,
    store,
    clock,
    random,
    logger: logger.child('minecraft'),
    // The preview mirrors the game's zones, so it shows what the server shows.
    onZones: (zones) => engine.mirrorZones(zones),
  });
  if (config.minecraft.length === 0) engine.ensureDefaultZone();
  const dj = new DjServer({
    host: config.host,
    port: config.djPort,
    store,
    authenticator: config.noAuth ? openAuthenticator : keysAuthenticator(keys),
    clock,
    random,
    logger: logger.child('dj'),
    directTarget: directTarget(config),
  });
  const browser = new BrowserServer({
    host: config.host,
    port: config.browserPort,
    store,
    passwordHash: config.noAuth ? null : config.adminPasswordHash,
    maxBrowsers: config.maxBrowsers,
    clock,
    logger: logger.child('browser'),
  });
  const health = (): Health & { uptime_s: number } => ({
    ...store.healthSnapshot(browser.liveCount),
    uptime_s: Math.max(0, (clock.now() - startedAt) / 1000),
  });
  const http = new HttpServer({
    host: config.host,
    port: config.httpPort,
    publicDir: config.publicDir,
    health,
    metrics: () => ({
      health: store.healthSnapshot(browser.liveCount),
      uptimeS: health().uptime_s,
      framesDropped: store.health.framesDropped,
      rejected: store.health.rejected,
      minecraftLinks: minecraft.links.map((l) => ({ url: l.url, connected: l.connected })),
    }),
    pageConfig: () => ({
      browser_port: browser.port,
      dj_port: dj.port,
      auth_required: !config.noAuth && config.adminPasswordHash !== null,
    }),
    logger: logger.child('http'),
  });

  const started: { close(): Promise<void> | void }[] = [];
  try {
    await dj.start();
    started.push(dj);
    await browser.start();
    started.push(browser);
    await http.start();
    started.push(http);
  } catch (err) {
    await Promise.all(started.map((s) => s.close()));
    engine.dispose();
    throw err;
  }
  show.start();
  minecraft.start();

  let healthTimer: TimerHandle | null = null;
  const logHealth = (): void => {
    healthTimer = clock.setTimeout(logHealth, HUB_HEALTH_LOG_INTERVAL_MS);
    logger.info('health', { ...health() });
  };
  healthTimer = clock.setTimeout(logHealth, HUB_HEALTH_LOG_INTERVAL_MS);
  logger.info('hub started', {
    dj_port: dj.port,
    browser_port: browser.port,
    http_port: http.port,
    minecraft: config.minecraft.map((m) => m.url),
  });

  let closing: Promise<void> | null = null;
  return {
    ports: { dj: dj.port, browser: browser.port, http: http.port },
    store,
    minecraft,
    health,
    close() {
      closing ??= (async () => {
        if (healthTimer !== null) clock.clearTimeout(healthTimer);
        show.stop();
        minecraft.stop();
        await Promise.all([dj.close(), browser.close(), http.close()]);
        engine.dispose();
        logger.info('hub stopped');
      })();
      return closing;
    },
  };
}
