/**
 * The `/audioviz` (alias `/av`) command tree, defined once for every platform: the host forwards the
 * arguments and prints the reply. Parsing, permission checks, usage errors, help and tab completion live
 * here; the subcommands in zone-commands.ts and show-commands.ts only describe and run themselves.
 */
import type { CommandReply, CommandSender } from '../host';
import { OpError } from '../op-error';
import { errorText } from '../show/pattern-library';
import { mayUse, type Command, type CommandContext, type CommandGroup } from './command';
import { PATTERN_GROUP, SCENE_GROUP, SHOW_COMMANDS } from './show-commands';
import { POOL_GROUP, ZONE_GROUP } from './zone-commands';

type Node = Command | CommandGroup;
const isGroup = (node: Node): node is CommandGroup => 'children' in node;

const help: Command = {
  name: 'help',
  usage: '',
  description: 'lists the commands you may use',
  permission: null,
  minArgs: 0,
  maxArgs: 1,
  run(ctx) {
    const lines = ['AudioViz commands (/audioviz or /av):'];
    for (const node of ROOT) {
      if (isGroup(node)) {
        for (const child of node.children) {
          if (mayUse(ctx.sender, child.permission))
            lines.push(
              `  /av ${node.name} ${child.name} ${child.usage} — ${child.description}`.replace(
                / {2,}—/,
                ' —',
              ),
            );
        }
      } else if (mayUse(ctx.sender, node.permission)) {
        lines.push(`  /av ${node.name} ${node.usage} — ${node.description}`.replace(/ {2,}—/, ' —'));
      }
    }
    return lines;
  },
};

const ROOT: readonly Node[] = [ZONE_GROUP, POOL_GROUP, PATTERN_GROUP, ...SHOW_COMMANDS, SCENE_GROUP, help];

/** Runs `/audioviz <args…>`; never throws. */
export function runCommand(ctx: CommandContext, args: readonly string[]): CommandReply {
  const words = args.filter((a) => a !== '');
  const first = words[0];
  if (first === undefined) return { ok: true, lines: help.run(ctx, []) };
  const node = find(ROOT, first);
  if (node === undefined) return fail(`Unknown command "${first}". Try /audioviz help.`);
  let command: Command;
  let rest: readonly string[];
  if (isGroup(node)) {
    const second = words[1];
    const child = second === undefined ? undefined : find(node.children, second);
    if (child === undefined) {
      return fail(
        `Usage: /audioviz ${node.name} <${node.children.map((c) => c.name).join('|')}> — ${node.description}`,
      );
    }
    command = child;
    rest = words.slice(2);
  } else {
    command = node;
    rest = words.slice(1);
  }
  const path = isGroup(node) ? `${node.name} ${command.name}` : command.name;
  if (!mayUse(ctx.sender, command.permission)) {
    return fail(`You need the permission ${String(command.permission)} for /audioviz ${path}.`);
  }
  if (rest.length < command.minArgs || rest.length > command.maxArgs) {
    return fail(`Usage: /audioviz ${path} ${command.usage}`.trimEnd());
  }
  try {
    return { ok: true, lines: command.run(ctx, rest) };
  } catch (err) {
    if (err instanceof OpError) return fail(`Could not run /audioviz ${path}: ${err.message}.`);
    ctx.control.stage.options.host.log('error', `/audioviz ${path} failed: ${errorText(err)}`);
    return fail(`/audioviz ${path} failed unexpectedly; the error was logged.`);
  }
}

/** Tab completions for the last of `args` (which may be an empty, just-started word). */
export function completeCommand(ctx: CommandContext, args: readonly string[]): string[] {
  try {
    const last = args.length === 0 ? '' : args[args.length - 1]!;
    const done = args.slice(0, -1);
    const sender = ctx.sender;
    const visible = (nodes: readonly Node[]): string[] =>
      nodes
        .filter((n) =>
          isGroup(n) ? n.children.some((c) => mayUse(sender, c.permission)) : mayUse(sender, n.permission),
        )
        .map((n) => n.name);
    let options: readonly string[] = [];
    const [first, second] = done;
    if (first === undefined) {
      options = visible(ROOT);
    } else {
      const node = find(ROOT, first);
      if (node !== undefined && isGroup(node)) {
        if (second === undefined) options = visible(node.children);
        else options = suggestions(ctx, find(node.children, second), done.length - 2, args.slice(2));
      } else {
        options = suggestions(ctx, node, done.length - 1, args.slice(1));
      }
    }
    const prefix = last.toLowerCase();
    return options.filter((o) => o.toLowerCase().startsWith(prefix));
  } catch {
    return [];
  }
}

function suggestions(
  ctx: CommandContext,
  command: Command | undefined,
  index: number,
  args: readonly string[],
): readonly string[] {
  if (command === undefined || !mayUse(ctx.sender, command.permission) || command.complete === undefined)
    return [];
  return index < command.maxArgs ? command.complete(ctx, index, args) : [];
}

function find<T extends Node>(nodes: readonly T[], word: string): T | undefined {
  const w = word.toLowerCase();
  return nodes.find((n) => n.name === w);
}

/** A context for one call. */
export function commandContext(sender: CommandSender, base: Omit<CommandContext, 'sender'>): CommandContext {
  return { ...base, sender };
}

function fail(line: string): CommandReply {
  return { ok: false, lines: [line] };
}
