/**
 * Every CLI setting in one table: flag, environment variable, config-file key, type, default and help.
 * Precedence: flag > environment > config file (`--config FILE`, JSON) > `--network` preset > default.
 */
import { readFileSync } from 'node:fs';
import { NETWORK_PRESETS, PRESET_NAMES } from '@audioviz/shared-types';

export type OptionType = 'string' | 'number' | 'boolean';

interface OptionDefinition {
  readonly flag: string;
  readonly type: OptionType;
  readonly env?: string;
  readonly help: string;
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
}

export const OPTIONS = [
  {
    flag: 'source',
    type: 'string',
    env: 'AUDIOVIZ_SOURCE',
    help: 'synth:click:BPM | synth:drums:BPM | synth:latin:BPM | synth:sweep | stdin | device[:ID] | FILE',
  },
  {
    flag: 'format',
    type: 'string',
    env: 'AUDIOVIZ_FORMAT',
    help: 'raw stdin sample format (default s16le)',
    choices: ['s16le', 'f32le'],
  },
  {
    flag: 'rate',
    type: 'number',
    env: 'AUDIOVIZ_RATE',
    help: 'raw stdin sample rate, Hz (default 48000)',
    min: 8000,
    max: 192000,
  },
  {
    flag: 'channels',
    type: 'number',
    env: 'AUDIOVIZ_CHANNELS',
    help: 'raw stdin channels (default 2)',
    min: 1,
    max: 8,
  },
  { flag: 'hub', type: 'string', env: 'AUDIOVIZ_HUB', help: 'hub DJ address, e.g. ws://host:9000' },
  { flag: 'dj-id', type: 'string', env: 'AUDIOVIZ_DJ_ID', help: 'DJ id given by the hub operator' },
  {
    flag: 'dj-key',
    type: 'string',
    env: 'AUDIOVIZ_DJ_KEY',
    help: 'DJ key (prefer the environment variable to the flag)',
  },
  {
    flag: 'dj-name',
    type: 'string',
    env: 'AUDIOVIZ_DJ_NAME',
    help: 'name shown to the audience (default: the id)',
  },
  {
    flag: 'direct',
    type: 'boolean',
    env: 'AUDIOVIZ_DIRECT',
    help: 'send frames straight to the plugin address the hub gives',
  },
  {
    flag: 'minecraft',
    type: 'string',
    env: 'AUDIOVIZ_MINECRAFT',
    help: 'plugin address for a direct link, e.g. ws://host:8765',
  },
  { flag: 'token', type: 'string', env: 'AUDIOVIZ_TOKEN', help: 'plugin secret, when it requires one' },
  { flag: 'zone', type: 'string', env: 'AUDIOVIZ_ZONE', help: 'zone for direct frames (default: all zones)' },
  {
    flag: 'max-connect-attempts',
    type: 'number',
    env: 'AUDIOVIZ_MAX_CONNECT_ATTEMPTS',
    help: 'hub: tries of the first connection (default 3)',
    min: 1,
    max: 1000,
  },
  {
    flag: 'connect-timeout',
    type: 'number',
    env: 'AUDIOVIZ_CONNECT_TIMEOUT',
    help: 'give up one connection attempt after ms (default 10000; wan 20000)',
    min: 100,
    max: 600000,
  },
  {
    flag: 'auto-reconnect',
    type: 'boolean',
    env: 'AUDIOVIZ_AUTO_RECONNECT',
    help: 'plugin link: reconnect after a loss (default off)',
  },
  {
    flag: 'max-reconnect-attempts',
    type: 'number',
    env: 'AUDIOVIZ_MAX_RECONNECT_ATTEMPTS',
    help: 'plugin link: reconnect attempts (default 10)',
    min: 0,
    max: 100000,
  },
  {
    flag: 'network',
    type: 'string',
    env: 'AUDIOVIZ_NETWORK',
    help: 'tuning preset: lan (default) or wan',
    choices: Object.keys(NETWORK_PRESETS),
  },
  {
    flag: 'preset',
    type: 'string',
    env: 'AUDIOVIZ_PRESET',
    help: `audio preset (default auto)`,
    choices: PRESET_NAMES,
  },
  {
    flag: 'lookahead',
    type: 'number',
    env: 'AUDIOVIZ_LOOKAHEAD',
    help: 'announce beats this many ms early (0–500, default 0)',
    min: 0,
    max: 500,
  },
  {
    flag: 'spectrum-bands',
    type: 'number',
    env: 'AUDIOVIZ_SPECTRUM_BANDS',
    help: 'log-spaced spectrum bands (1–256, default 32)',
    min: 1,
    max: 256,
  },
  {
    flag: 'duration',
    type: 'number',
    env: 'AUDIOVIZ_DURATION',
    help: 'stop after this many seconds (default: run until stopped)',
    min: 0.1,
    max: 1e9,
  },
  {
    flag: 'quiet',
    type: 'boolean',
    env: 'AUDIOVIZ_QUIET',
    help: 'no live meters; one line per link event (for services)',
  },
  { flag: 'jsonl', type: 'boolean', help: 'analyze: one JSON object per hop instead of a summary' },
  {
    flag: 'config',
    type: 'string',
    env: 'AUDIOVIZ_CONFIG',
    help: 'JSON file with any of these settings, keyed by flag name',
  },
  { flag: 'help', type: 'boolean', help: 'show this help' },
] as const satisfies readonly OptionDefinition[];

export type OptionName = (typeof OPTIONS)[number]['flag'];
export type Settings = Partial<Record<OptionName, string | number | boolean>>;

/** A usage problem: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {}

function definition(flag: string): OptionDefinition | undefined {
  return (OPTIONS as readonly OptionDefinition[]).find((o) => o.flag === flag);
}

function coerce(def: OptionDefinition, raw: unknown, origin: string): string | number | boolean {
  let value: string | number | boolean;
  if (def.type === 'boolean') {
    if (typeof raw === 'boolean') value = raw;
    else if (raw === 'true' || raw === '1' || raw === 'yes') value = true;
    else if (raw === 'false' || raw === '0' || raw === 'no' || raw === '') value = false;
    else throw new UsageError(`${origin}: "${String(raw)}" is not true or false`);
  } else if (def.type === 'number') {
    value = typeof raw === 'number' ? raw : Number(raw);
    if (typeof raw === 'string' && raw.trim() === '') value = NaN;
    if (!Number.isFinite(value)) throw new UsageError(`${origin}: "${String(raw)}" is not a number`);
    if ((def.min !== undefined && value < def.min) || (def.max !== undefined && value > def.max))
      throw new UsageError(`${origin}: ${value} is outside ${def.min}–${def.max}`);
  } else {
    if (typeof raw !== 'string') throw new UsageError(`${origin}: expected text`);
    value = raw;
  }
  if (def.choices !== undefined && !def.choices.includes(String(value)))
    throw new UsageError(`${origin}: "${String(value)}" is not one of ${def.choices.join(', ')}`);
  return value;
}

export interface ParsedCommandLine {
  readonly command: string | null;
  readonly positional: string[];
  readonly settings: Settings;
}

/** Parses `argv` (without node and script), the environment and the config file it names. */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = {}): ParsedCommandLine {
  const flags: Settings = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') {
      flags.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const negated = name.startsWith('no-') && definition(name.slice(3))?.type === 'boolean';
    const def = definition(negated ? name.slice(3) : name);
    if (def === undefined) throw new UsageError(`Unknown option --${name}`);
    let raw: unknown;
    if (negated) raw = false;
    else if (eq >= 0) raw = arg.slice(eq + 1);
    else if (def.type === 'boolean') raw = true;
    else {
      raw = argv[++i];
      if (raw === undefined) throw new UsageError(`--${name} needs a value`);
    }
    flags[def.flag as OptionName] = coerce(def, raw, `--${def.flag}`);
  }
  const fromEnv: Settings = {};
  for (const def of OPTIONS as readonly OptionDefinition[]) {
    if (def.env !== undefined && env[def.env] !== undefined)
      fromEnv[def.flag as OptionName] = coerce(def, env[def.env], def.env);
  }
  const configPath = (flags.config ?? fromEnv.config) as string | undefined;
  const fromFile = configPath === undefined ? {} : readConfigFile(configPath);
  return { command: positional.shift() ?? null, positional, settings: { ...fromFile, ...fromEnv, ...flags } };
}

/** Reads a JSON config file keyed by flag names. @throws UsageError */
export function readConfigFile(path: string): Settings {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`Cannot use config file ${path}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new UsageError(`Config file ${path} must hold a JSON object keyed by option names`);
  const settings: Settings = {};
  for (const [key, value] of Object.entries(parsed)) {
    const def = definition(key);
    if (def === undefined || key === 'config' || key === 'help')
      throw new UsageError(`Config file ${path}: unknown setting "${key}"`);
    settings[def.flag as OptionName] = coerce(def, value, `${path}: ${key}`);
  }
  return settings;
}

/** The help text, generated from the table. */
export function helpText(): string {
  const lines = [
    'audioviz-agent — captures audio, finds the beat and drives an AudioViz show.',
    '',
    'Usage:',
    '  audioviz-agent devices                          list capture devices',
    '  audioviz-agent analyze FILE [--jsonl]           analyse a file as fast as possible',
    '  audioviz-agent run --source SRC --hub ws://host:9000 --dj-id ID --dj-key KEY [--dj-name NAME] [--direct]',
    '  audioviz-agent run --source SRC --minecraft ws://host:8765 [--token T]',
    '',
    'Options (flag, environment variable):',
  ];
  for (const def of OPTIONS as readonly OptionDefinition[]) {
    const flag = `--${def.flag}${def.type === 'boolean' ? '' : ' X'}`;
    const env = def.env ?? '';
    const choices = def.choices !== undefined ? ` [${def.choices.join('|')}]` : '';
    lines.push(`  ${flag.padEnd(28)} ${env.padEnd(32)} ${def.help}${choices}`);
  }
  lines.push(
    '',
    'Settings are taken from flags, then environment variables, then the --config JSON file',
    '(e.g. {"hub": "ws://hub:9000", "dj-id": "alice", "network": "wan"}), then the --network preset.',
    '',
    'Exit codes: 0 ok, 1 runtime failure (e.g. the hub stayed unreachable), 2 bad input or usage,',
    '3 authentication refused.',
  );
  return lines.join('\n');
}
