// npm run bench: the engine tick in GraalJS with 1024 entities, median ms, on the stock JDK (interpreter only)
// and with the Graal JIT from Maven Central on JVMCI. Figures: graal.tick_ms_1024_interp (budget 2 ms) and
// graal.tick_ms_1024_jit (budget 0.5 ms) with the default pattern (bars), and the same two for galaxy
// (_galaxy: every entity moves and turns every tick), and graal.batch_ms_1024_interp/_jit: a tick that also
// carries a renderer's batch_update of all 1024 entities (parse, check, apply; no budget of its own yet). The
// Java side is dev.audioviz.core.engine.TickBenchmark (core's test scope); the scene (a zone with 1024 entities) is set by graal-scenario.json, replayed through
// core/src/test/node/golden-frames.mjs. Flags: --bundle PATH, --scenario PATH (e.g. the test fixture).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findJdk, javaEnv } from '../../tools/jdk.mjs';
import { benchSteps, quietJvmFlags, testClasspath } from './java-bench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const reactor = path.dirname(here);
const root = path.dirname(reactor);
const core = path.join(reactor, 'core');
const target = path.join(core, 'target');

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? path.resolve(process.argv[i + 1]) : fallback;
}

const { fail, run } = benchSteps('graal.bench');

const bundle = flag('--bundle', path.join(root, 'scripts', 'bundle', 'engine.js'));
const scenario = flag('--scenario', path.join(here, 'graal-scenario.json'));
if (!fs.existsSync(bundle)) fail(`${bundle} is missing: run \`npm run build -- --no-java\` first`);

const jdk = findJdk(21);
if (!jdk) fail('no JDK 21+ found (set AUDIOVIZ_JDK)');
const env = javaEnv(jdk);
const java = path.join(jdk.home, 'bin', 'java');
const graalVersion = /<graalvm.version>([^<]+)</.exec(
  fs.readFileSync(path.join(reactor, 'pom.xml'), 'utf8'),
)[1];

console.error('graal.bench: compiling the core and its tests');
const classpath = testClasspath({ run, reactor, module: 'core', env });

// The engine options must be the ones TickBenchmark passes (1024 entities allowed, patterns never throttled).
const options = '{"queueCapacity":1000,"maxEntitiesPerZone":1024,"patternBudgetMs":1000.0,"seed":1}';

/**
 * Sets the scene (golden-frames.mjs writes the transcript TickBenchmark replays). With a pattern, the scenario's
 * zone is switched to it after its pool is made (the scenario itself shows the default pattern, bars).
 */
function transcriptFor(pattern) {
  let scenarioFile = scenario;
  if (pattern !== null) {
    const scene = JSON.parse(fs.readFileSync(scenario, 'utf8'));
    const poolStep = scene.steps.findIndex((s) => s.command?.args[0] === 'pool');
    const { sender, args } = scene.steps[poolStep].command;
    scene.steps.splice(poolStep + 1, 0, { command: { sender, args: ['pattern', 'set', pattern, args[2]] } });
    scenarioFile = path.join(target, `bench-scenario-${pattern}.json`);
    fs.writeFileSync(scenarioFile, JSON.stringify(scene));
  }
  const transcript = path.join(target, `bench-transcript-${pattern ?? 'default'}.tsv`);
  run(process.execPath, [
    path.join(core, 'src', 'test', 'node', 'golden-frames.mjs'),
    bundle,
    scenarioFile,
    transcript,
    options,
  ]);
  return transcript;
}

// The optimizing compiler for Truffle on a stock JDK: these jars on the upgrade module path, JVMCI enabled.
const jitDir = path.join(target, 'graal-jit');
const jitJars = [
  'org.graalvm.compiler:compiler',
  'org.graalvm.truffle:truffle-compiler',
  'org.graalvm.sdk:collections',
  'org.graalvm.sdk:word',
];
fs.mkdirSync(jitDir, { recursive: true });
for (const coordinates of jitJars) {
  run(
    'mvn',
    ['-q', 'dependency:copy', `-Dartifact=${coordinates}:${graalVersion}`, `-DoutputDirectory=${jitDir}`],
    { cwd: reactor, env },
  );
}

const jit = ['-XX:+UnlockExperimentalVMOptions', '-XX:+EnableJVMCI', `--upgrade-module-path=${jitDir}`];
// galaxy: every entity moves and turns every tick, the heaviest of the built-in patterns.
const runs = [
  { name: 'graal.tick_ms_1024_interp', budget: 2, jvm: [], pattern: null },
  { name: 'graal.tick_ms_1024_jit', budget: 0.5, jvm: jit, pattern: null },
  { name: 'graal.tick_ms_1024_interp_galaxy', budget: 2, jvm: [], pattern: 'galaxy' },
  { name: 'graal.tick_ms_1024_jit_galaxy', budget: 0.5, jvm: jit, pattern: 'galaxy' },
  // A renderer's batch_update of all 1024 entities each tick (parse, validate, apply), no budget of its own yet.
  { name: 'graal.batch_ms_1024_interp', budget: null, jvm: [], pattern: null, batch: true },
  { name: 'graal.batch_ms_1024_jit', budget: null, jvm: jit, pattern: null, batch: true },
];
const quiet = quietJvmFlags(jdk);
const only = process.env.AUDIOVIZ_BENCH_ONLY ?? '';
const transcripts = new Map();
for (const { name, budget, jvm, pattern, batch = false } of runs) {
  if (only && !name.startsWith(only)) continue;
  console.error(`graal.bench: ${name}`);
  if (!transcripts.has(pattern)) transcripts.set(pattern, transcriptFor(pattern));
  const transcript = transcripts.get(pattern);
  const out = run(
    java,
    [
      ...jvm,
      ...quiet,
      '-cp',
      classpath,
      'dev.audioviz.core.engine.TickBenchmark',
      name,
      bundle,
      transcript,
      String(budget),
      ...(batch ? ['batch'] : []),
    ],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.stdout.write(out);
}
