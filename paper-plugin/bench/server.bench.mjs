// npm run bench: the standalone server's server-thread cost of applying one tick's diff that moves 1024 display
// entities, median ms (figure server.apply_ms_1024, budget 1 ms). The Java side is
// dev.audioviz.standalone.ApplyBenchmark (standalone's test scope): a real Minestom server with one real
// Minecraft client (paper-plugin/standalone/src/test/js/watch-entities.cjs) watching the entities.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findJdk, javaEnv } from '../../tools/jdk.mjs';
import { benchSteps, quietJvmFlags, testClasspath } from './java-bench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const reactor = path.dirname(here);
const standalone = path.join(reactor, 'standalone');

const { fail, run } = benchSteps('server.bench');

const jdk = findJdk(25);
if (!jdk) fail('no JDK 25 found (set AUDIOVIZ_JDK): the standalone server needs it');
const env = javaEnv(jdk);

console.error('server.bench: compiling the standalone server and its tests');
const classpath = testClasspath({ run, reactor, module: 'standalone', env, alsoMake: true });

const quiet = quietJvmFlags(jdk);
console.error('server.bench: server.apply_ms_1024');
// The benchmark spawns the protocol client with paths relative to the standalone module.
const out = run(
  path.join(jdk.home, 'bin', 'java'),
  [...quiet, '-cp', classpath, 'dev.audioviz.standalone.ApplyBenchmark'],
  { cwd: standalone, env, stdio: ['ignore', 'pipe', 'inherit'] },
);
process.stdout.write(out);
