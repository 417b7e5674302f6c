// Finds a JDK for the Java build: the newest installed one of at least the wanted version.
// Order: $AUDIOVIZ_JDK, $JAVA_HOME, then the usual install folders. The standalone server needs 25.
import fs from 'node:fs';
import path from 'node:path';

const SEARCH_DIRS = [
  '/usr/lib/jvm',
  '/opt/java',
  '/opt',
  '/Library/Java/JavaVirtualMachines',
  'C:\\Program Files\\Java',
  'C:\\Program Files\\Eclipse Adoptium',
];

/** Reads the feature version of a JDK from its `release` file; null if it is not a JDK. */
export function jdkVersion(home) {
  try {
    if (!fs.existsSync(path.join(home, 'bin', process.platform === 'win32' ? 'javac.exe' : 'javac')))
      return null;
    const release = fs.readFileSync(path.join(home, 'release'), 'utf8');
    const match = /JAVA_VERSION="(\d+)/.exec(release);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function candidates() {
  const found = [];
  for (const env of ['AUDIOVIZ_JDK', 'JAVA_HOME']) if (process.env[env]) found.push(process.env[env]);
  for (const dir of SEARCH_DIRS) {
    let entries = [];
    try {
      entries = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const home = path.join(dir, entry);
      found.push(home, path.join(home, 'Contents', 'Home'));
    }
  }
  return found;
}

/**
 * The best JDK with a feature version ≥ `minVersion`: $AUDIOVIZ_JDK wins if it qualifies, otherwise the newest.
 * @returns {{home: string, version: number} | null}
 */
export function findJdk(minVersion = 21) {
  const forced = process.env.AUDIOVIZ_JDK;
  if (forced) {
    const version = jdkVersion(forced);
    if (version !== null && version >= minVersion) return { home: forced, version };
  }
  let best = null;
  for (const home of candidates()) {
    const version = jdkVersion(home);
    if (version !== null && version >= minVersion && (best === null || version > best.version))
      best = { home, version };
  }
  return best;
}

/** Environment for running Maven with the found JDK. */
export function javaEnv(jdk) {
  return {
    ...process.env,
    JAVA_HOME: jdk.home,
    PATH: `${path.join(jdk.home, 'bin')}${path.delimiter}${process.env.PATH}`,
  };
}

export const NO_JDK_MESSAGE =
  'No JDK 21 or newer was found (looked at $AUDIOVIZ_JDK, $JAVA_HOME and /usr/lib/jvm). ' +
  'Install a JDK 25 (e.g. Temurin 25) and set AUDIOVIZ_JDK to its folder, then run the command again.';
