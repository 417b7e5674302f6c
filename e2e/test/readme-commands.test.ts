// Every command line a document shows a reader must work: `sh runnable` blocks run as written, from a scratch
// folder inside the repository (so `npx` finds the workspace commands, as it does from the root); in every other
// block, each call of audioviz-hub or audioviz-agent uses only subcommands and flags its --help lists, and each
// `npm run X` names a script that exists.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/paths';
import {
  cliCalls,
  documentFiles,
  OUR_CLIS,
  shellBlocks,
  words,
  type ShellBlock,
} from '../src/readme-commands';

const blocks: ShellBlock[] = documentFiles().flatMap((file) => shellBlocks(file));

function helpOf(cli: string): string {
  return execFileSync(process.execPath, [path.join(REPO_ROOT, OUR_CLIS[cli] ?? ''), '--help'], {
    encoding: 'utf8',
  });
}

function npmScripts(dir: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, dir, 'package.json'), 'utf8')).scripts ?? {};
}

describe('command lines in the documents', function () {
  this.timeout(60_000);

  it('finds the documents and their runnable blocks', () => {
    assert.ok(blocks.length > 10, `only ${blocks.length} sh blocks found`);
    assert.ok(
      blocks.some((b) => b.runnable),
      'no block is marked `sh runnable`',
    );
  });

  for (const block of blocks.filter((b) => b.runnable)) {
    it(`${block.file}:${block.line} runs as written`, () => {
      const scratch = path.join(
        REPO_ROOT,
        '.artifacts',
        `readme-${path.basename(block.file, '.md')}-${block.line}`,
      );
      fs.rmSync(scratch, { recursive: true, force: true });
      fs.mkdirSync(scratch, { recursive: true });
      const script = ['set -euo pipefail', ...block.commands].join('\n');
      const run = spawnSync('bash', ['-c', script], { cwd: scratch, encoding: 'utf8', timeout: 50_000 });
      assert.equal(run.status, 0, `exit ${run.status}\n${run.stdout}\n${run.stderr}`);
      fs.rmSync(scratch, { recursive: true, force: true });
    });
  }

  it('uses only the subcommands and flags our CLIs document', () => {
    const help = new Map(Object.keys(OUR_CLIS).map((cli) => [cli, helpOf(cli)]));
    const problems: string[] = [];
    for (const block of blocks)
      for (const command of block.commands)
        for (const { cli, args } of cliCalls(command)) {
          const text = help.get(cli) ?? '';
          const sub = args[0];
          if (sub !== undefined && !sub.startsWith('-') && !text.includes(`${cli} ${sub}`))
            problems.push(`${block.file}:${block.line}: ${cli} has no subcommand "${sub}"`);
          for (const flag of args.filter((a) => a.startsWith('--')).map((a) => a.split('=')[0] ?? a))
            if (!new RegExp(`${flag}\\b`).test(text))
              problems.push(`${block.file}:${block.line}: ${cli} --help lists no ${flag}`);
        }
    assert.deepEqual(problems, []);
  });

  it('names only npm scripts that exist', () => {
    const problems: string[] = [];
    for (const block of blocks)
      for (const command of block.commands)
        for (const segment of command.split(/&&|\||;/)) {
          const w = words(segment.trim());
          if (w[0] !== 'npm' || w[1] !== 'run') continue;
          const workspace = w.indexOf('-w');
          const dir = workspace === -1 ? '.' : workspaceDir(w[workspace + 1] ?? '');
          const script = w[2] === '-w' ? w[4] : w[2];
          if (script !== undefined && !(script in npmScripts(dir)))
            problems.push(`${block.file}:${block.line}: no npm script "${script}" in ${dir}/package.json`);
        }
    assert.deepEqual(problems, []);
  });
});

/** The folder of the workspace an `npm -w NAME` refers to. */
function workspaceDir(name: string): string {
  const root = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const dir = (root.workspaces as string[]).find(
    (d) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, d, 'package.json'), 'utf8')).name === name,
  );
  return dir ?? name;
}
