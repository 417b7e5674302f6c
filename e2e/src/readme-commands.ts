/**
 * The command lines the repository's documents show a reader: every fenced `sh` block of every README, of
 * CONTRIBUTING.md and of docs/. A block whose info string is `sh runnable` is meant to run as written (from the
 * repository root); the others show long-running or machine-specific commands, whose flags can still be checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';
import { repoFiles } from './repo-files';

export interface ShellBlock {
  /** Repository-relative path of the document. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly runnable: boolean;
  /** The commands, continuation lines joined, comments and blank lines removed. */
  readonly commands: readonly string[];
}

/** README.md files anywhere in the repository, CONTRIBUTING.md, and docs/*.md. */
export function documentFiles(root = REPO_ROOT): string[] {
  return [
    ...repoFiles('', (name) => name === 'README.md', root),
    'CONTRIBUTING.md',
    ...repoFiles('docs', (name) => name.endsWith('.md'), root),
  ].sort();
}

/** A shell comment: a `#` at the start of the line or after whitespace, outside quotes. */
function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return line.slice(0, i);
  }
  return line;
}

export function shellBlocks(file: string, root = REPO_ROOT): ShellBlock[] {
  const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
  const blocks: ShellBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(sh|bash|shell)(?:\s+(.*))?$/.exec(lines[i] ?? '');
    if (!fence) continue;
    const start = i;
    const commands: string[] = [];
    let pending = '';
    for (i++; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++) {
      const text = lines[i] ?? '';
      if (text.trimEnd().endsWith('\\')) {
        pending += text.trimEnd().slice(0, -1) + ' ';
        continue;
      }
      const command = stripComment(pending + text).trim();
      pending = '';
      if (command !== '') commands.push(command);
    }
    blocks.push({
      file,
      line: start + 1,
      runnable: (fence[2] ?? '').split(/\s+/).includes('runnable'),
      commands,
    });
  }
  return blocks;
}

/** Splits a command line into words, honouring single and double quotes (enough for documentation). */
export function words(command: string): string[] {
  const out: string[] = [];
  const pattern = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = pattern.exec(command); m !== null; m = pattern.exec(command))
    out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

/** Our command-line programs and the script that implements each. */
export const OUR_CLIS: Readonly<Record<string, string>> = {
  'audioviz-hub': 'vj-hub/dist/cli.js',
  'audioviz-agent': 'audio-agent/dist/cli/main.js',
};

export interface CliCall {
  readonly cli: string;
  readonly args: readonly string[];
}

/** Every call of one of our CLIs in a command line (also after `npx`, in pipelines and in `$(...)`). */
export function cliCalls(command: string): CliCall[] {
  const calls: CliCall[] = [];
  for (const segment of command.split(/\||&&|;|\$\(|\)/)) {
    const w = words(segment.trim());
    const start = w[0] === 'npx' ? 1 : 0;
    const cli = w[start];
    if (cli !== undefined && cli in OUR_CLIS) calls.push({ cli, args: w.slice(start + 1) });
  }
  return calls;
}
