// npm run bench: the standalone server's server-thread cost of applying one tick's diff that moves 1024 display
// entities, median ms (figure server.apply_ms_1024, budget 1 ms). The Java side is
// dev.audioviz.standalone.ApplyBenchmark (standalone's test scope): a real Minestom server with one real
// Minecraft client (paper-plugin/standalone/src/test/js/watch-entities.cjs) watching the entities.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findJdk, javaEnv } from '../../tools/jdk.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const reactor = path.dirname(here);
const standalone = path.join(reactor, 'standalone');
const target = path.join(standalone, 'target');

function fail(message) {
  console.error(`server.bench: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    fail(`${command} ${args.join(' ')} failed:\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
  return result.stdout;
}

const jdk = findJdk(25);
if (!jdk) fail('no JDK 25 found (set AUDIOVIZ_JDK): the standalone server needs it');
const env = javaEnv(jdk);

console.error('server.bench: compiling the standalone server and its tests');
const classpathFile = path.join(target, 'bench-classpath.txt');
run(
  'mvn',
  [
    '-q',
    '-pl',
    'standalone',
    '-am',
    'test-compile',
    'dependency:build-classpath',
    `-Dmdep.outputFile=${classpathFile}`,
    '-Dmdep.includeScope=test',
  ],
  { cwd: reactor, env },
);
const classpath = [
  path.join(target, 'classes'),
  path.join(target, 'test-classes'),
  fs.readFileSync(classpathFile, 'utf8').trim(),
].join(path.delimiter);

const quiet = ['--enable-native-access=ALL-UNNAMED'];
if (jdk.version >= 23) quiet.push('--sun-misc-unsafe-memory-access=allow');
console.error('server.bench: server.apply_ms_1024');
// The benchmark spawns the protocol client with paths relative to the standalone module.
const out = run(
  path.join(jdk.home, 'bin', 'java'),
  [...quiet, '-cp', classpath, 'dev.audioviz.standalone.ApplyBenchmark'],
  { cwd: standalone, env, stdio: ['ignore', 'pipe', 'inherit'] },
);
process.stdout.write(out);
