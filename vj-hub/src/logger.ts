/**
 * Structured logs: one JSON object per line (`time`, `level`, `component`, `msg`, extra fields), filtered by
 * level. Every module gets a child logger named for its job.
 */
import type { Clock } from '@audioviz/shared-types';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
/** `silent` turns logging off (tests). */
export type LogThreshold = LogLevel | 'silent';
export const LOG_LEVELS: readonly LogThreshold[] = ['debug', 'info', 'warn', 'error', 'silent'];

const RANK: Record<LogThreshold, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that tags every line with `component`. */
  child(component: string): Logger;
}

export interface LoggerOptions {
  readonly level?: LogThreshold;
  readonly clock?: Pick<Clock, 'now'>;
  /** Where lines go; default stderr. */
  readonly write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions = {}, component = 'hub'): Logger {
  const threshold = RANK[options.level ?? 'info'];
  const clock = options.clock;
  const now = (): number => (clock === undefined ? Date.now() : clock.now());
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const emit = (level: LogLevel, msg: string, fields?: LogFields): void => {
    if (RANK[level] < threshold) return;
    let line: string;
    try {
      line = JSON.stringify({ time: new Date(now()).toISOString(), level, component, msg, ...fields });
    } catch {
      line = JSON.stringify({ time: new Date(now()).toISOString(), level, component, msg });
    }
    write(line);
  };
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (name) => createLogger(options, name),
  };
}

/** A logger that drops everything. */
export const silentLogger: Logger = createLogger({ level: 'silent' });
