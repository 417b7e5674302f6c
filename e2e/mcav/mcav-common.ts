/**
 * What the MCAV checks share: where `e2e/mcav/setup.sh` put MCAV's parts, a JDK and an up-to-date standalone
 * server for the checks that judge the show in Minecraft, and the scan of the logs for trouble.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ManagedProcess } from '../src/child-process';
import { REPO_ROOT } from '../src/paths';
import { buildServerJar, findServerJdk, serverJarStaleness } from '../src/server-build';

export const MCAV_DIR = process.env['AUDIOVIZ_MCAV_DIR'] ?? path.join(REPO_ROOT, '.artifacts', 'mcav');
/** An MCAV part connects, sends its first messages and starts streaming within this, ms. */
export const MCAV_START_TIMEOUT_MS = 60_000;
/** Lines in a log that mean something went wrong. */
const TROUBLE = /Traceback|Exception|INVALID_|refused|error/i;

/** A JDK for the standalone server, which is built first when its jar is older than its sources. */
export async function serverJdk(
  label: string,
  logDir: string,
): Promise<NonNullable<ReturnType<typeof findServerJdk>>> {
  const jdk = findServerJdk();
  if (jdk === null)
    throw new Error('no JDK 25 found (AUDIOVIZ_JDK, JAVA_HOME, /usr/lib/jvm): the server needs it');
  const stale = serverJarStaleness();
  if (stale !== null) {
    console.log(`${label}: building the standalone server (${stale})`);
    const error = await buildServerJar(jdk, logDir);
    if (error !== null) throw new Error(error);
  }
  return jdk;
}

/** The lines of the processes' logs that name trouble, each prefixed with its process (`ignore`: lines that don't count). */
export function troubleIn(processes: readonly ManagedProcess[], ignore?: RegExp): string[] {
  return processes.flatMap((p) =>
    fs
      .readFileSync(p.logFile, 'utf8')
      .split('\n')
      .filter((line) => TROUBLE.test(line) && !(ignore?.test(line) ?? false))
      .map((line) => `${p.name}: ${line}`),
  );
}
