// npm run bench: runs every benchmark the workspaces register and prints one JSON line per figure
// {"name", "value", "unit"[, "budget", "better"]}, then a readable table. `--only PREFIX` runs a subset.
//
// A benchmark is a file named `<prefix>.bench.ts` or `<prefix>.bench.mjs` in a workspace's `bench/` folder
// (or `e2e/bench/`, `paper-plugin/bench/`). It prints its figures as JSON lines on stdout; anything else it
// prints is passed through to stderr as progress. AUDIOVIZ_BENCH_ONLY carries the prefix filter.
// These are measurements, not tests: budgets are shown, never asserted.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const BENCH_DIRS = ['shared-types', 'scripts', 'audio-agent', 'vj-hub', 'paper-plugin', 'e2e'].map((d) =>
  path.join(d, 'bench'),
);

const argv = process.argv.slice(2);
if (argv.includes('--help')) {
  console.log(
    'Usage: npm run bench [-- --only PREFIX]\n\nRuns every registered benchmark (see tools/bench.mjs).',
  );
  process.exit(0);
}
const onlyIndex = argv.indexOf('--only');
const only = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '') : '';

function benchFiles() {
  const files = [];
  for (const dir of BENCH_DIRS) {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) continue;
    for (const name of fs.readdirSync(abs).sort()) {
      const match = /^(.+)\.bench\.(ts|mjs)$/.exec(name);
      if (!match) continue;
      const prefix = match[1];
      // Run a file when its figures could match: "engine" runs for --only engine or --only engine.tick.
      if (only && !only.startsWith(prefix) && !prefix.startsWith(only)) continue;
      files.push(path.join(abs, name));
    }
  }
  return files;
}

function runBench(file) {
  return new Promise((resolve) => {
    const args = file.endsWith('.ts') ? ['-r', 'ts-node/register', file] : [file];
    const child = spawn(process.execPath, ['--expose-gc', ...args], {
      cwd: root,
      env: { ...process.env, AUDIOVIZ_BENCH_ONLY: only, TS_NODE_TRANSPILE_ONLY: 'true' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const figures = [];
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        let figure = null;
        try {
          figure = JSON.parse(line);
        } catch {
          /* not a figure */
        }
        if (figure && typeof figure.name === 'string' && typeof figure.value === 'number') {
          if (!only || figure.name.startsWith(only)) {
            figures.push(figure);
            console.log(JSON.stringify(figure));
          }
        } else if (line) console.error(line);
      }
    });
    child.on('exit', (code) => resolve({ figures, code }));
  });
}

function verdict(f) {
  if (typeof f.budget !== 'number') return '';
  const ok = f.better === 'higher' ? f.value >= f.budget : f.value <= f.budget;
  return `${ok ? 'within' : 'OVER'} budget (${f.better === 'higher' ? '≥' : '≤'} ${f.budget})`;
}

const all = [];
let failedRuns = 0;
for (const file of benchFiles()) {
  console.error(`\n▶ ${path.relative(root, file)}`);
  const { figures, code } = await runBench(file);
  all.push(...figures);
  if (code !== 0) {
    failedRuns++;
    console.error(`  ${path.relative(root, file)} exited with status ${code}`);
  }
}

const rows = all.map((f) => [f.name, String(Math.round(f.value * 1000) / 1000), f.unit ?? '', verdict(f)]);
const widths = [0, 1, 2].map((i) => Math.max(6, ...rows.map((r) => r[i].length)));
console.log('\nBenchmarks (noisy machine: compare runs on the same machine only)');
for (const r of rows)
  console.log(`  ${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])} ${r[2].padEnd(widths[2])}  ${r[3]}`);
if (rows.length === 0) console.log(`  no benchmark matched${only ? ` --only ${only}` : ''}`);
process.exit(failedRuns > 0 ? 1 : 0);
