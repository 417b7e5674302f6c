// npm run demo: builds what is missing, then starts the standalone Minecraft server, the hub linked to it and
// an agent playing a generated track, and says where to look. Ctrl-C stops everything. Without a JDK 25 the
// hub, the agent and the browser preview still run, and the demo says what it skipped.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildJava, buildTypeScript } from './build.mjs';
import { findJdk } from './jdk.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const runDir = path.join(root, 'run', 'demo');
const logDir = path.join(runDir, 'logs');

const ARTIFACTS = {
  server: 'paper-plugin/standalone/target/audioviz-server.jar',
  hub: 'vj-hub/dist/cli.js',
  agent: 'audio-agent/dist/cli/main.js',
  engine: 'scripts/bundle/engine.js',
};
/** Folder the hub serves the admin panel and preview from, built by the hub's own build step. */
const WEB_UI = 'vj-hub/public/index.html';
const DEFAULTS = { source: 'synth:drums:128', mcPort: 25565, socketPort: 8765, httpPort: 8080 };
/** How long each part may take to come up on a slow machine, ms. */
const START_TIMEOUT_MS = { server: 180_000, hub: 30_000 };
/** How long a part may take to stop before it is killed, ms. */
const STOP_GRACE_MS = 10_000;

const USAGE = `Usage: npm run demo [-- options]

Starts the AudioViz show on this machine: the standalone Minecraft server (needs a JDK 25), the VJ hub linked
to it, and an audio agent playing into the hub. Builds whatever is missing first. Ctrl-C stops everything.

Options:
  --source SRC     what the agent plays (default ${DEFAULTS.source}): synth:click:BPM, synth:drums:BPM,
                   synth:sweep, an audio file (WAV; other formats need ffmpeg), \`device\` (the default
                   input) or \`device:ID\` (ids from \`npx audioviz-agent devices\`)
  --no-server      do not start the Minecraft server: hub, agent and the browser preview only
  --port N         Minecraft port (default ${DEFAULTS.mcPort})
  --http-port N    admin panel and 3D preview (default ${DEFAULTS.httpPort})
  --help           show this text

Logs of the server and the hub: run/demo/logs/. Exit status: 0 after Ctrl-C, 1 when a part cannot start or
stops by itself, 2 for a usage error.`;

function parseOptions(argv) {
  const options = { ...DEFAULTS, server: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usageError(`${arg} needs a value`);
      return argv[++i];
    };
    const port = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 65535) usageError(`${arg} needs a port 1–65535`);
      return n;
    };
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--source') options.source = value();
    else if (arg === '--no-server') options.server = false;
    else if (arg === '--port') options.mcPort = port();
    else if (arg === '--http-port') options.httpPort = port();
    else usageError(`unknown option ${arg}`);
  }
  return options;
}

function usageError(message) {
  console.error(`demo: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const exists = (file) => fs.existsSync(path.join(root, file));

/** Builds the TypeScript side when any of its outputs is missing, the Java side when the jar is. */
async function buildWhatIsMissing(wantServer, jdk) {
  const missing = [ARTIFACTS.hub, ARTIFACTS.agent, ARTIFACTS.engine, WEB_UI].filter((f) => !exists(f));
  if (missing.length > 0) {
    console.log(`Building (missing: ${missing.join(', ')})`);
    if (!(await buildTypeScript())) {
      console.error('demo: the TypeScript build failed; see the first error above.');
      process.exit(1);
    }
  }
  if (wantServer && jdk !== null && !exists(ARTIFACTS.server)) {
    console.log(`Building the Minecraft server (missing: ${ARTIFACTS.server})`);
    if (!(await buildJava())) {
      console.error('demo: the Java build failed; see the first error above.');
      process.exit(1);
    }
  }
  for (const [name, file] of [
    ['hub', ARTIFACTS.hub],
    ['agent', ARTIFACTS.agent],
  ]) {
    if (!exists(file)) {
      console.error(
        `demo: the ${name} was not built (${file} is missing); run \`npm run build\` and look for errors.`,
      );
      process.exit(1);
    }
  }
}

/** The running parts, in start order; stopped in reverse. */
const parts = [];
let stopping = false;

/**
 * Starts a part. `terminal`: it shares this terminal (the agent's meters); otherwise its output goes to a log.
 * A part that stops by itself stops the demo.
 */
function startPart(name, command, args, { terminal = false } = {}) {
  const logFile = path.join(logDir, `${name}.log`);
  const log = terminal ? null : fs.openSync(logFile, 'w');
  const child = spawn(command, args, {
    cwd: root,
    stdio: terminal ? 'inherit' : ['ignore', log, log],
  });
  const part = { name, child, logFile: terminal ? null : logFile, exited: false };
  child.on('exit', (code, signal) => {
    part.exited = true;
    if (log !== null) fs.closeSync(log);
    if (stopping) return;
    console.error(`\ndemo: the ${name} stopped by itself (${signal ?? `exit ${code}`}).${tailOf(part)}`);
    void stopAll(1);
  });
  child.on('error', (err) => console.error(`demo: could not start the ${name}: ${err.message}`));
  parts.push(part);
  return part;
}

function tailOf(part) {
  if (part.logFile === null) return '';
  const lines = fs.readFileSync(part.logFile, 'utf8').trimEnd().split('\n').slice(-15);
  return `\nLast lines of ${path.relative(root, part.logFile)}:\n  ${lines.join('\n  ')}`;
}

/** Stops the parts newest first (agent, hub, server): SIGTERM, then SIGKILL after the grace period. */
async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  for (const part of [...parts].reverse()) {
    if (part.exited) continue;
    const exited = new Promise((resolve) => part.child.once('exit', resolve));
    part.child.kill('SIGTERM');
    const timer = setTimeout(() => part.child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }
  if (exitCode === 0) console.log(`\nStopped: ${parts.map((p) => p.name).join(', ')} are down.`);
  process.exit(exitCode);
}

/** Resolves with the first match of `pattern` in the part's log; rejects if the part stops or time runs out. */
function waitForLog(part, pattern, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const match = pattern.exec(fs.readFileSync(part.logFile, 'utf8'));
      if (match) return resolve(match);
      if (part.exited) return reject(new Error(`the ${part.name} stopped before ${what}`));
      if (Date.now() > deadline) return reject(new Error(`${what}: not within ${timeoutMs / 1000} s`));
      setTimeout(poll, 200);
    };
    poll();
  });
}

function waitForHttp(port, part, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const req = http.get({ host: '127.0.0.1', port, path: '/health', timeout: 2_000 }, (res) => {
        res.resume();
        resolve();
      });
      req.on('error', () => {
        if (part.exited) return reject(new Error('the hub stopped while starting'));
        if (Date.now() > deadline) return reject(new Error(`the hub did not answer on :${port}`));
        setTimeout(poll, 200);
      });
    };
    poll();
  });
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const jdk = options.server ? findJdk(25) : null;
  await buildWhatIsMissing(options.server, jdk);
  fs.mkdirSync(logDir, { recursive: true });
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  const skipped = [];
  let minecraft = null;
  if (!options.server) skipped.push('the Minecraft server (--no-server)');
  else if (jdk === null)
    skipped.push(
      'the Minecraft server: no JDK 25 found (looked at $AUDIOVIZ_JDK, $JAVA_HOME and /usr/lib/jvm); ' +
        'install Temurin 25 or set AUDIOVIZ_JDK to run it',
    );
  else if (!exists(ARTIFACTS.server))
    skipped.push(`the Minecraft server: ${ARTIFACTS.server} was not built (see the Maven output above)`);
  else {
    console.log('Starting the Minecraft server (the first start takes a little while)…');
    // The engine as built now overrides the jar's copy (a bundle in the data folder wins), so a jar built before
    // the latest engine change still plays the current show.
    const serverData = path.join(runDir, 'server-data');
    if (exists(ARTIFACTS.engine)) {
      fs.mkdirSync(path.join(serverData, 'scripts'), { recursive: true });
      fs.copyFileSync(path.join(root, ARTIFACTS.engine), path.join(serverData, 'scripts', 'engine.js'));
    }
    const server = startPart('server', path.join(jdk.home, 'bin', 'java'), [
      '-jar',
      path.join(root, ARTIFACTS.server),
      '--port',
      String(options.mcPort),
      '--socket-port',
      String(DEFAULTS.socketPort),
      '--data',
      serverData,
    ]);
    const ready = await waitForLog(
      server,
      /Join localhost:\d+ with Minecraft (\S+)/,
      START_TIMEOUT_MS.server,
      'the server was ready',
    ).catch((err) => fail(err, server));
    minecraft = { version: ready[1] };
  }

  // A fresh DJ key each run, stored hashed with the hub's own `hash-key`.
  const djKey = crypto.randomBytes(18).toString('base64url');
  const keysFile = path.join(runDir, 'dj-keys.json');
  const hashed = spawnSync(
    process.execPath,
    [ARTIFACTS.hub, 'hash-key', 'demo_dj', djKey, '--name', 'Demo DJ', '--file', keysFile],
    { cwd: root, encoding: 'utf8' },
  );
  if (hashed.status !== 0) await fail(new Error(`could not write the DJ key: ${hashed.stderr}`));

  console.log('Starting the VJ hub…');
  // The admin panel has no password in the demo, so the hub listens on this machine only.
  const hubArgs = [
    ARTIFACTS.hub,
    '--host',
    '127.0.0.1',
    '--http-port',
    String(options.httpPort),
    '--dj-keys',
    keysFile,
  ];
  if (minecraft !== null) hubArgs.push('--minecraft', `ws://127.0.0.1:${DEFAULTS.socketPort}`);
  const hub = startPart('hub', process.execPath, hubArgs);
  await waitForHttp(options.httpPort, hub, START_TIMEOUT_MS.hub).catch((err) => fail(err, hub));

  for (const s of skipped) console.log(`Skipped: ${s}.`);
  const where =
    minecraft !== null
      ? `Join localhost:${options.mcPort} with Minecraft ${minecraft.version}, or open`
      : 'Open';
  console.log(`\n${where} http://localhost:${options.httpPort}\n`);
  console.log(`Playing ${options.source}. Logs: ${path.relative(root, logDir)}/. Stop with Ctrl-C.\n`);

  startPart(
    'agent',
    process.execPath,
    [
      ARTIFACTS.agent,
      'run',
      '--source',
      options.source,
      '--hub',
      'ws://127.0.0.1:9000',
      '--dj-id',
      'demo_dj',
      '--dj-key',
      djKey,
      '--dj-name',
      'Demo DJ',
    ],
    { terminal: true },
  );
}

function fail(err, part) {
  console.error(`demo: ${err.message}.${part ? tailOf(part) : ''}`);
  void stopAll(1);
  return new Promise(() => undefined); // stopAll exits
}

await main();
