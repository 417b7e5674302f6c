// npm run build: compiles every workspace (tsc -b), runs each workspace's own bundling step, then builds
// the Java reactor with a JDK ≥ 21. Flags: --no-java (TypeScript only), --java-tests (let Maven run tests).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { findJdk, javaEnv, NO_JDK_MESSAGE } from './jdk.mjs';
import { run, step } from './run.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = new Set(process.argv.slice(2));

export async function buildTypeScript() {
  step('Compiling TypeScript (tsc -b)');
  if ((await run('npx', ['tsc', '-b'], { cwd: root })) !== 0) return false;
  step('Bundling (each workspace\'s "build" script)');
  if ((await run('npm', ['run', 'build', '--workspaces', '--if-present', '--silent'], { cwd: root })) !== 0)
    return false;
  return linkCommands();
}

/**
 * `npm ci` links a workspace's `bin` only if its target exists, and the targets are in `dist/`, built after
 * the install: re-linking once they exist puts `audioviz-hub` and `audioviz-agent` on `npx`'s path.
 */
async function linkCommands() {
  const withBin = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
    .workspaces.map((dir) => JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')))
    .filter((pkg) => pkg.bin)
    .map((pkg) => pkg.name);
  step(`Linking the command-line tools (${withBin.join(', ')})`);
  return (await run('npm', ['rebuild', '--ignore-scripts', '--silent', ...withBin], { cwd: root })) === 0;
}

export async function buildJava({ tests = false } = {}) {
  const jdk = findJdk(21);
  if (!jdk) {
    console.error(NO_JDK_MESSAGE);
    return false;
  }
  step(`Building the Java reactor with JDK ${jdk.version} (${jdk.home})`);
  const mvnArgs = ['-q', '-B', 'package', ...(tests ? [] : ['-DskipTests'])];
  return (await run('mvn', mvnArgs, { cwd: path.join(root, 'paper-plugin'), env: javaEnv(jdk) })) === 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let ok = await buildTypeScript();
  if (ok && !args.has('--no-java')) ok = await buildJava({ tests: args.has('--java-tests') });
  console.log(ok ? '\nBuild finished.' : '\nBuild failed: see the first error above.');
  process.exit(ok ? 0 : 1);
}
