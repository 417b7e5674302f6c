/**
 * The shape of an `/audioviz` command (LuckPerms style): each subcommand describes itself — name, usage,
 * permission, argument counts, completions — and the tree does parsing, permission checks and help once.
 */
import type { CommandSender } from '../host';
import type { Control } from '../control';
import type { EngineStatus } from '../engine-api';
import { ERROR_CODES } from '@audioviz/shared-types';
import { OpError } from '../op-error';

/** Permission nodes; `audioviz.admin` grants every node. */
export const PERMISSIONS = {
  ADMIN: 'audioviz.admin',
  ZONE: 'audioviz.zone',
  CONTROL: 'audioviz.control',
} as const;
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS] | null;

export interface CommandContext {
  readonly sender: CommandSender;
  readonly control: Control;
  readonly status: () => EngineStatus;
  readonly version: string;
}

export interface Command {
  readonly name: string;
  /** Arguments after the name, e.g. "<name> [template]". */
  readonly usage: string;
  readonly description: string;
  /** Node needed to run it (null: anyone). */
  readonly permission: Permission;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Suggestions for argument `index` (0-based, after the name). */
  complete?(ctx: CommandContext, index: number, args: readonly string[]): readonly string[];
  /** Runs it; returns lines for the sender; throws OpError when refused. */
  run(ctx: CommandContext, args: readonly string[]): string[];
}

/** A group of subcommands under one word (`zone`, `pool`, …). */
export interface CommandGroup {
  readonly name: string;
  readonly description: string;
  readonly children: readonly Command[];
}

export function mayUse(sender: CommandSender, permission: Permission): boolean {
  return (
    permission === null ||
    sender.permissions.includes(PERMISSIONS.ADMIN) ||
    sender.permissions.includes(permission)
  );
}

/** The zones' names, for tab completion. */
export const zoneNames = (ctx: CommandContext): string[] =>
  [...ctx.control.stage.zones.all()].map((e) => e.zone.name);

/**
 * Argument `index` of a command's list, or a usage error naming it. The tree checks `minArgs` before `run`,
 * so this only refuses a direct call with too few arguments, rather than passing `undefined` on.
 */
export function requireArg(args: readonly string[], index: number, what: string): string {
  const value = args[index];
  if (value === undefined) throw new OpError(ERROR_CODES.INVALID_ARGUMENT, `${what} is missing`);
  return value;
}

/** Parses a number argument or throws a usage error naming it. */
export function numberArg(value: string, what: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new OpError(
      ERROR_CODES.INVALID_ARGUMENT,
      `${what} must be a number from ${min} to ${max}, got "${value}"`,
    );
  }
  return n;
}
