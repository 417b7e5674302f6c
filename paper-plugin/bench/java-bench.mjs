// What the Java benchmarks share: running a step (exit with its output when it fails), compiling one reactor
// module with its tests and reading its test classpath, and the JVM flags that keep GraalJS/Minestom quiet.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

/** A failure printer and a step runner whose messages start with `label` (e.g. "graal.bench"). */
export function benchSteps(label) {
  const fail = (message) => {
    console.error(`${label}: ${message}`);
    process.exit(1);
  };
  const run = (command, args, options = {}) => {
    const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
    if (result.status !== 0) {
      fail(`${command} ${args.join(' ')} failed:\n${result.stdout ?? ''}${result.stderr ?? ''}`);
    }
    return result.stdout;
  };
  return { fail, run };
}

/**
 * Compiles `module` of the reactor with its tests (and the modules it needs, with `alsoMake`) and returns its
 * test-scope classpath: its classes, its test classes and every dependency.
 */
export function testClasspath({ run, reactor, module, env, alsoMake = false }) {
  const target = path.join(reactor, module, 'target');
  const classpathFile = path.join(target, 'bench-classpath.txt');
  run(
    'mvn',
    [
      '-q',
      '-pl',
      module,
      ...(alsoMake ? ['-am'] : []),
      'test-compile',
      'dependency:build-classpath',
      `-Dmdep.outputFile=${classpathFile}`,
      '-Dmdep.includeScope=test',
    ],
    { cwd: reactor, env },
  );
  return [
    path.join(target, 'classes'),
    path.join(target, 'test-classes'),
    fs.readFileSync(classpathFile, 'utf8').trim(),
  ].join(path.delimiter);
}

/** Truffle and Minestom use native access and sun.misc.Unsafe: allow them rather than print warnings every run. */
export function quietJvmFlags(jdk) {
  const flags = ['--enable-native-access=ALL-UNNAMED'];
  if (jdk.version >= 23) flags.push('--sun-misc-unsafe-memory-access=allow');
  return flags;
}
