// Bundles the engine for its hosts (run by `npm run build`; `--watch` rebuilds patterns on save):
//   bundle/engine.js             one IIFE for GraalJS that sets globalThis.AudioVizEngine, no Node/DOM globals
//   bundle/patterns/<id>.js      one CommonJS module per built-in pattern (module.exports.default = pattern),
//                                the format `loadPatternSource` and the plugin's scripts/patterns/ folder take
import { context, build } from 'esbuild';
import { readdirSync, watch as watchFolder } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const USAGE = `usage: node bundle.mjs [--watch] [--patterns DIR] [--out DIR]
  --watch          keep running; rebuild a pattern's bundle as soon as its source is saved
  --patterns DIR   pattern sources (default: src/patterns)
  --out DIR        output folder (default: bundle)`;

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
if (argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const flag = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  if (argv[i + 1] === undefined) {
    console.error(`${name} needs a folder\n${USAGE}`);
    process.exit(2);
  }
  return path.resolve(argv[i + 1]);
};
const watch = argv.includes('--watch');
const patternsDir = flag('--patterns', path.join(here, 'src', 'patterns'));
const out = flag('--out', path.join(here, 'bundle'));

// shared-types is bundled from its ES-module source and TypeBox from its ES-module build, so unused schema
// helpers are tree-shaken: the bundle is ~40 % smaller, which is what GraalJS parses on every engine load.
const common = {
  bundle: true,
  platform: 'neutral',
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
  alias: { '@audioviz/shared-types': path.join(here, '..', 'shared-types', 'src', 'index.ts') },
  mainFields: ['module', 'main'],
  conditions: ['import'],
};

/** Pattern ids: every pattern file `<id>.ts` in the patterns folder (helpers have other names). */
function patternIds() {
  return readdirSync(patternsDir)
    .map(patternIdOf)
    .filter((id) => id !== null);
}

/** The pattern id of a file name, or null for helpers and non-pattern modules (index, pattern, registry, *-math). */
function patternIdOf(file) {
  const match = /^([a-z][a-z0-9_]*)\.ts$/.exec(file);
  return match !== null && !['index', 'pattern', 'registry'].includes(match[1]) ? match[1] : null;
}

function patternOptions(id) {
  return {
    ...common,
    entryPoints: [path.join(patternsDir, `${id}.ts`)],
    format: 'cjs',
    outfile: path.join(out, 'patterns', `${id}.js`),
  };
}

const engineOptions = {
  ...common,
  entryPoints: [path.join(here, 'src', 'bundle-entry.ts')],
  format: 'iife',
  outfile: path.join(out, 'engine.js'),
};

if (!watch) {
  const ids = patternIds();
  await Promise.all([build(engineOptions), ...ids.map((id) => build(patternOptions(id)))]);
  console.log(`scripts: bundle/engine.js and ${ids.length} pattern bundles written`);
} else {
  await watchPatterns();
}

/**
 * Watches the patterns folder with the platform's file events (esbuild's own watch mode polls and may take
 * up to 2 s to notice a save) and rebuilds incrementally: a pattern file rebuilds its bundle, a helper
 * file every bundle.
 */
async function watchPatterns() {
  const contexts = new Map();
  const pending = new Map();
  const rebuild = async (id) => {
    let ctx = contexts.get(id);
    if (ctx === undefined) contexts.set(id, (ctx = await context(patternOptions(id))));
    const started = performance.now();
    try {
      await ctx.rebuild();
      console.log(
        `rebuilt ${path.relative(process.cwd(), patternOptions(id).outfile)} in ${Math.round(performance.now() - started)} ms`,
      );
    } catch {
      // esbuild has printed the error with its location; the previous bundle stays in place
    }
  };
  // An editor's save is several file events: rebuild once they settle.
  const schedule = (id) => {
    clearTimeout(pending.get(id));
    pending.set(
      id,
      setTimeout(() => void rebuild(id), 20),
    );
  };
  await Promise.all(patternIds().map(rebuild));
  watchFolder(patternsDir, (_event, file) => {
    if (file === null || !file.endsWith('.ts')) return;
    const id = patternIdOf(file);
    if (id !== null) schedule(id);
    else for (const each of patternIds()) schedule(each);
  });
  console.log(
    `watching ${patternsDir} (${contexts.size} patterns); a save rebuilds its bundle (Ctrl-C to stop)`,
  );
}
