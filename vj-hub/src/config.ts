/**
 * The hub's settings, layered: built-in defaults < config file (`--config FILE`, JSON) < environment
 * (`AUDIOVIZ_HUB_*`) < command-line flags. Every setting has all three spellings; see vj-hub/README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  BROWSER_PORT,
  DEFAULT_MAX_BROWSERS,
  DEFAULT_MAX_DJS,
  DJ_PORT,
  HTTP_PORT,
} from '@audioviz/shared-types';
import { LOG_LEVELS, type LogThreshold } from './logger';
import type { MinecraftTarget } from './minecraft/minecraft-links';

export interface HubConfig {
  /** Address the three servers bind to. */
  readonly host: string;
  /** :9000 DJs (0: any free port). */
  readonly djPort: number;
  /** :8766 browsers (0: any free port). */
  readonly browserPort: number;
  /** :8080 HTTP (0: any free port). */
  readonly httpPort: number;
  readonly minecraft: readonly MinecraftTarget[];
  /** DJ keys file (`hash-key` writes it); null: only connect codes let DJs in. */
  readonly djKeysFile: string | null;
  /** scrypt hash of the admin password (`hash-password` prints one); null: the panel needs no password. */
  readonly adminPasswordHash: string | null;
  /** Accept every DJ key and need no admin password (trusted networks and tests only). */
  readonly noAuth: boolean;
  readonly maxDjs: number;
  readonly maxBrowsers: number;
  /** The built web UI. */
  readonly publicDir: string;
  /** Where scenes and the preview engine's documents are saved; null keeps them in memory. */
  readonly dataDir: string | null;
  readonly logLevel: LogThreshold;
}

/** The package's own folder (vj-hub/), found from this file's place in dist/. */
const PACKAGE_DIR = path.resolve(__dirname, '..');

export const DEFAULT_CONFIG: HubConfig = {
  host: '0.0.0.0',
  djPort: DJ_PORT,
  browserPort: BROWSER_PORT,
  httpPort: HTTP_PORT,
  minecraft: [],
  djKeysFile: null,
  adminPasswordHash: null,
  noAuth: false,
  maxDjs: DEFAULT_MAX_DJS,
  maxBrowsers: DEFAULT_MAX_BROWSERS,
  publicDir: path.join(PACKAGE_DIR, 'public'),
  dataDir: null,
  logLevel: 'info',
};

/** A setting that cannot be used; the message names it and says what is expected. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Flag name → environment variable and config-file key. */
const SETTINGS = {
  host: { env: 'AUDIOVIZ_HUB_HOST', key: 'host' },
  'dj-port': { env: 'AUDIOVIZ_HUB_DJ_PORT', key: 'djPort' },
  'browser-port': { env: 'AUDIOVIZ_HUB_BROWSER_PORT', key: 'browserPort' },
  'http-port': { env: 'AUDIOVIZ_HUB_HTTP_PORT', key: 'httpPort' },
  minecraft: { env: 'AUDIOVIZ_HUB_MINECRAFT', key: 'minecraft' },
  'minecraft-tokens': { env: 'AUDIOVIZ_HUB_MINECRAFT_TOKENS', key: 'minecraftTokens' },
  'dj-keys': { env: 'AUDIOVIZ_HUB_DJ_KEYS', key: 'djKeys' },
  'admin-password-hash': { env: 'AUDIOVIZ_HUB_ADMIN_PASSWORD_HASH', key: 'adminPasswordHash' },
  'no-auth': { env: 'AUDIOVIZ_HUB_NO_AUTH', key: 'noAuth' },
  'max-djs': { env: 'AUDIOVIZ_HUB_MAX_DJS', key: 'maxDjs' },
  'max-browsers': { env: 'AUDIOVIZ_HUB_MAX_BROWSERS', key: 'maxBrowsers' },
  'public-dir': { env: 'AUDIOVIZ_HUB_PUBLIC_DIR', key: 'publicDir' },
  'data-dir': { env: 'AUDIOVIZ_HUB_DATA_DIR', key: 'dataDir' },
  'log-level': { env: 'AUDIOVIZ_HUB_LOG_LEVEL', key: 'logLevel' },
} as const;
type Flag = keyof typeof SETTINGS;

export const CONFIG_ENV = 'AUDIOVIZ_HUB_CONFIG';

export interface ParsedCommandLine {
  readonly config: HubConfig;
  readonly help: boolean;
}

/** Builds the configuration from flags, environment and the config file. Throws ConfigError. */
export function resolveConfig(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ParsedCommandLine {
  const options = Object.fromEntries(
    Object.keys(SETTINGS).map((flag) => [flag, { type: flag === 'no-auth' ? 'boolean' : 'string' }]),
  ) as Record<Flag, { type: 'string' | 'boolean' }>;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...options, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    throw new ConfigError(`${(err as Error).message}; see "audioviz-hub --help"`);
  }
  const flags = parsed.values as Record<string, string | boolean | undefined>;
  const configFile = (flags['config'] as string | undefined) ?? env[CONFIG_ENV];
  const file = configFile === undefined ? {} : readConfigFile(configFile);
  const raw = (flag: Flag): unknown => flags[flag] ?? env[SETTINGS[flag].env] ?? file[SETTINGS[flag].key];
  const source = (flag: Flag): string =>
    flags[flag] !== undefined
      ? `--${flag}`
      : env[SETTINGS[flag].env] !== undefined
        ? SETTINGS[flag].env
        : `"${SETTINGS[flag].key}" in ${configFile}`;
  const port = (flag: Flag, fallback: number): number => {
    const value = raw(flag);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 65535)
      throw new ConfigError(`${source(flag)}: expected a port 0–65535, got ${JSON.stringify(value)}`);
    return n;
  };
  const count = (flag: Flag, fallback: number): number => {
    const value = raw(flag);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 10_000)
      throw new ConfigError(`${source(flag)}: expected a whole number 1–10000, got ${JSON.stringify(value)}`);
    return n;
  };
  const text = (flag: Flag): string | null => {
    const value = raw(flag);
    if (value === undefined || value === '') return null;
    if (typeof value !== 'string')
      throw new ConfigError(`${source(flag)}: expected text, got ${JSON.stringify(value)}`);
    return value;
  };
  const logLevel = text('log-level') ?? DEFAULT_CONFIG.logLevel;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(
      `${source('log-level')}: expected one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`,
    );
  }
  const noAuth = raw('no-auth');
  const config: HubConfig = {
    host: text('host') ?? DEFAULT_CONFIG.host,
    djPort: port('dj-port', DEFAULT_CONFIG.djPort),
    browserPort: port('browser-port', DEFAULT_CONFIG.browserPort),
    httpPort: port('http-port', DEFAULT_CONFIG.httpPort),
    minecraft: minecraftTargets(raw('minecraft'), raw('minecraft-tokens')),
    djKeysFile: text('dj-keys'),
    adminPasswordHash: text('admin-password-hash'),
    noAuth: noAuth === true || noAuth === 'true' || noAuth === '1',
    maxDjs: count('max-djs', DEFAULT_CONFIG.maxDjs),
    maxBrowsers: count('max-browsers', DEFAULT_CONFIG.maxBrowsers),
    publicDir: text('public-dir') ?? DEFAULT_CONFIG.publicDir,
    dataDir: text('data-dir'),
    logLevel: logLevel as LogThreshold,
  };
  return { config, help: flags['help'] === true };
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`config file ${file} cannot be read; check the path given to --config`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new ConfigError(`config file ${file} is not a JSON object`);
  }
}

/**
 * `ws://a:8765,ws://b:8765` with optional tokens `t1,t2` in the same order, or (config file) a list of
 * URLs or of `{url, token}` objects.
 */
export function minecraftTargets(urls: unknown, tokens: unknown): MinecraftTarget[] {
  if (urls === undefined || urls === '') return [];
  const tokenList =
    typeof tokens === 'string' ? tokens.split(',') : Array.isArray(tokens) ? tokens.map(String) : [];
  const entries: unknown[] = typeof urls === 'string' ? urls.split(',') : Array.isArray(urls) ? urls : [urls];
  return entries.map((entry, i) => {
    const url = typeof entry === 'string' ? entry.trim() : (entry as { url?: unknown } | null)?.url;
    const token =
      typeof entry === 'object' && entry !== null ? (entry as { token?: unknown }).token : tokenList[i];
    if (typeof url !== 'string' || !/^wss?:\/\/[^\s/]+(\/\S*)?$/.test(url)) {
      throw new ConfigError(
        `Minecraft server ${JSON.stringify(url ?? entry)}: expected a URL like ws://host:8765`,
      );
    }
    return { url, token: typeof token === 'string' && token.trim() !== '' ? token.trim() : null };
  });
}

export const USAGE = `Usage:
  audioviz-hub [options]                 start the hub
  audioviz-hub hash-key <dj_id> <key> [--name NAME] --file FILE
                                         add or replace a DJ's key (stored as a salted scrypt hash)
  audioviz-hub hash-password [PASSWORD]  print the hash of an admin password (reads stdin without PASSWORD)

Options (environment variable in brackets; flags beat the environment, which beats --config):
  --config FILE               JSON config file with the keys named in README.md [${CONFIG_ENV}]
  --host ADDR                 address to bind (default 0.0.0.0) [AUDIOVIZ_HUB_HOST]
  --dj-port N                 DJ socket (default ${DJ_PORT}) [AUDIOVIZ_HUB_DJ_PORT]
  --browser-port N            browser socket (default ${BROWSER_PORT}) [AUDIOVIZ_HUB_BROWSER_PORT]
  --http-port N               admin panel, /health, /metrics (default ${HTTP_PORT}) [AUDIOVIZ_HUB_HTTP_PORT]
  --minecraft URLS            Minecraft servers, ws://host:8765[,ws://...] [AUDIOVIZ_HUB_MINECRAFT]
  --minecraft-tokens TOKENS   their tokens, comma-separated in the same order [AUDIOVIZ_HUB_MINECRAFT_TOKENS]
  --dj-keys FILE              DJ keys file written by hash-key [AUDIOVIZ_HUB_DJ_KEYS]
  --admin-password-hash H     admin password hash from hash-password [AUDIOVIZ_HUB_ADMIN_PASSWORD_HASH]
  --no-auth                   accept any DJ key and no admin password (trusted networks only) [AUDIOVIZ_HUB_NO_AUTH=1]
  --max-djs N                 DJs connected at once (default ${DEFAULT_MAX_DJS}) [AUDIOVIZ_HUB_MAX_DJS]
  --max-browsers N            browsers connected at once (default ${DEFAULT_MAX_BROWSERS}) [AUDIOVIZ_HUB_MAX_BROWSERS]
  --data-dir DIR              where scenes and preview zones are saved (default: memory only) [AUDIOVIZ_HUB_DATA_DIR]
  --public-dir DIR            the built web UI (default: the package's public/) [AUDIOVIZ_HUB_PUBLIC_DIR]
  --log-level LEVEL           debug, info, warn, error or silent (default info) [AUDIOVIZ_HUB_LOG_LEVEL]
  -h, --help                  show this help

Exit status: 0 after a clean shutdown (Ctrl-C), 1 when the hub cannot start, 2 for a usage error.
`;
