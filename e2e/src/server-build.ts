/**
 * Finds a JDK 25 (tools/jdk.mjs) and makes sure the standalone server's jar exists and is newer than its Java
 * sources, building it with Maven when it is not. (The engine bundle is not an input: the stack puts the current
 * scripts/bundle/engine.js in the server's data folder, where it overrides the jar's copy.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManagedProcess } from './child-process';
import { ARTIFACTS, REPO_ROOT } from './paths';

/** The standalone server (Minestom) needs Java 25. */
export const SERVER_JDK_VERSION = 25;

interface Jdk {
  readonly home: string;
  readonly version: number;
}

interface JdkTools {
  findJdk(minVersion: number): Jdk | null;
  javaEnv(jdk: Jdk): NodeJS.ProcessEnv;
}

/** tools/jdk.mjs, the one place that knows where JDKs live. */
function jdkTools(): JdkTools {
  // A plain require: Node ≥ 20.19 loads this ES module synchronously (it has no top-level await).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(REPO_ROOT, 'tools/jdk.mjs')) as JdkTools;
}

/** The JDK the server runs on, or null when no JDK 25 is installed. */
export function findServerJdk(): Jdk | null {
  return jdkTools().findJdk(SERVER_JDK_VERSION);
}

export function javaBinary(jdk: Jdk): string {
  return path.join(jdk.home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
}

/** Newest modification time under `dir` (files only), 0 if it does not exist. */
function newestMtime(dir: string): number {
  let newest = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return fs.existsSync(dir) ? fs.statSync(dir).mtimeMs : 0;
  }
  for (const entry of entries) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Why the jar must be (re)built, or null when it is up to date. */
export function serverJarStaleness(): string | null {
  if (!fs.existsSync(ARTIFACTS.serverJar))
    return `${path.relative(REPO_ROOT, ARTIFACTS.serverJar)} is missing`;
  const built = fs.statSync(ARTIFACTS.serverJar).mtimeMs;
  const inputs = [
    'paper-plugin/pom.xml',
    'paper-plugin/core/pom.xml',
    'paper-plugin/core/src/main',
    'paper-plugin/standalone/pom.xml',
    'paper-plugin/standalone/src/main',
  ];
  const newer = inputs.filter((p) => newestMtime(path.join(REPO_ROOT, p)) > built);
  return newer.length === 0 ? null : `it is older than ${newer.join(', ')}`;
}

/**
 * Builds the standalone server jar (and the core it needs) with Maven, tests skipped.
 * @returns null on success, else what went wrong
 */
export async function buildServerJar(jdk: Jdk, logDir: string): Promise<string | null> {
  const mvn = ManagedProcess.start({
    name: 'maven',
    command: 'mvn',
    args: ['-q', '-B', '-pl', 'standalone', '-am', 'package', '-DskipTests'],
    cwd: path.join(REPO_ROOT, 'paper-plugin'),
    env: jdkTools().javaEnv(jdk),
    logDir,
  });
  const exit = await mvn.exited;
  if (exit.code === 0 && fs.existsSync(ARTIFACTS.serverJar)) return null;
  return `the Maven build failed (exit ${exit.code}); see ${mvn.logFile}\n${mvn.tail()}`;
}

/**
 * A suite's first step with the real server: the JDK 25 and a fresh work folder (logs under `logs/`), with the
 * jar built first when it is missing or older than its sources (a fresh clone's first suite builds it). Without a
 * JDK 25 the suite is skipped, saying why.
 * @throws when Maven fails, with its log's tail
 */
export async function prepareServerSuite(
  suite: { skip(): never },
  name: string,
): Promise<{ jdk: Jdk; workDir: string }> {
  const jdk = findServerJdk();
  if (jdk === null) {
    console.log(
      '      skipped: no JDK 25 found (AUDIOVIZ_JDK, JAVA_HOME, /usr/lib/jvm); the standalone server needs it',
    );
    suite.skip();
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `audioviz-${name}-`));
  const stale = serverJarStaleness();
  if (stale !== null) {
    console.log(`      building the standalone server (${stale})`);
    const error = await buildServerJar(jdk, path.join(workDir, 'logs'));
    if (error !== null) throw new Error(error);
  }
  return { jdk, workDir };
}

/** A suite's last step: its work folder is removed after a clean run, else kept and named for its logs. */
export function finishServerSuite(workDir: string, clean: boolean): void {
  if (workDir === '') return;
  if (clean) fs.rmSync(workDir, { recursive: true, force: true });
  else console.log(`      logs of the failed run: ${path.join(workDir, 'logs')}`);
}
