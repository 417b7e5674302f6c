/**
 * The whole show as real processes on loopback: the standalone Minecraft server (java -jar), the hub linked to
 * its :8765 (`audioviz-hub`), and an agent (`audioviz-agent run`) playing a synthetic track into the hub through
 * a FrameTap. Ports are picked once, so a part that is killed comes back on the same address, as it would in a
 * real restart; the server keeps its data folder across restarts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ManagedProcess } from './child-process';
import { FrameTap } from './frame-tap';
import { freePort, getJson, LOOPBACK, waitUntil } from './network';
import { ARTIFACTS, REPO_ROOT } from './paths';
import { javaBinary, type findServerJdk } from './server-build';

/** The DJ the agent logs in as. */
export const DJ_ID = 'e2e_dj';
/** Its key, in the hub's keys file. */
export const DJ_KEY = 'e2e-key-not-secret';

/** The standalone server's first start (GraalJS warm-up, world) on a slow 2-core machine, ms. */
const SERVER_START_TIMEOUT_MS = 120_000;
const HUB_START_TIMEOUT_MS = 30_000;
const AGENT_START_TIMEOUT_MS = 30_000;

export interface ServerPart {
  readonly process: ManagedProcess;
  /** Minecraft port. */
  readonly port: number;
  /** The AudioViz :8765 socket. */
  readonly socketPort: number;
  readonly dataDir: string;
  /** "26.1.2", from the server's ready line. */
  readonly minecraftVersion: string;
}

export interface HubPart {
  readonly process: ManagedProcess;
  readonly djPort: number;
  readonly browserPort: number;
  readonly httpPort: number;
}

/** `GET /health` of the hub (docs/protocol.md "Keeping a link alive"). */
export interface HubHealth {
  dj_connects: number;
  dj_disconnects: number;
  mc_reconnect_count: number;
  current_djs: number;
  mc_connected: boolean;
  [field: string]: unknown;
}

interface Ports {
  mc: number;
  socket: number;
  dj: number;
  browser: number;
  http: number;
}

export class ShowStack {
  server: ServerPart | null = null;
  hub: HubPart | null = null;
  agent: ManagedProcess | null = null;
  tap: FrameTap | null = null;
  readonly logDir: string;
  private readonly keysFile: string;
  /** After stop(), nothing starts again (a timed-out test may still be running its steps). */
  private stopped = false;

  private constructor(
    readonly dir: string,
    private readonly java: string | null,
    private readonly ports: Ports,
  ) {
    this.logDir = path.join(dir, 'logs');
    this.keysFile = path.join(dir, 'dj-keys.json');
  }

  /**
   * Prepares a stack in `dir` (created; logs under dir/logs). `jdk` null: no Minecraft server, the hub runs
   * without a Minecraft link.
   */
  static async prepare(dir: string, jdk: ReturnType<typeof findServerJdk>): Promise<ShowStack> {
    for (const [name, file] of [
      ['hub', ARTIFACTS.hubCli],
      ['agent', ARTIFACTS.agentCli],
    ] as const) {
      if (!fs.existsSync(file))
        throw new Error(
          `the ${name} is not built (${path.relative(REPO_ROOT, file)}); run \`npm run build\``,
        );
    }
    fs.mkdirSync(dir, { recursive: true });
    const ports = {
      mc: await freePort(),
      socket: await freePort(),
      dj: await freePort(),
      browser: await freePort(),
      http: await freePort(),
    };
    return new ShowStack(dir, jdk === null ? null : javaBinary(jdk), ports);
  }

  /** Starts every part, server first (so the hub's first link attempt finds it), and waits for the music. */
  async start(source = 'synth:click:128', serverProperties: Record<string, string> = {}): Promise<void> {
    if (this.java !== null) await this.startServer(serverProperties);
    await this.startHub();
    await this.startAgent(source);
  }

  /**
   * Starts (or restarts, same ports and data) the standalone server; resolves when it says it is ready.
   * @param properties settings written to its config file first (audioviz-server.properties keys)
   */
  async startServer(properties: Record<string, string> = {}): Promise<ServerPart> {
    this.assertRunning();
    if (this.java === null) throw new Error('no JDK 25: the standalone server cannot run');
    const dataDir = path.join(this.dir, 'server-data');
    // The engine as built now, in the data folder where it overrides the jar's copy: engine changes are tested
    // without rebuilding the jar.
    if (fs.existsSync(ARTIFACTS.engineBundle)) {
      fs.mkdirSync(path.join(dataDir, 'scripts'), { recursive: true });
      fs.copyFileSync(ARTIFACTS.engineBundle, path.join(dataDir, 'scripts', 'engine.js'));
    }
    if (Object.keys(properties).length > 0) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(
        path.join(dataDir, 'audioviz-server.properties'),
        Object.entries(properties)
          .map(([key, value]) => `${key}=${value}\n`)
          .join(''),
      );
    }
    const child = ManagedProcess.start({
      name: 'server',
      command: this.java,
      args: [
        '-jar',
        ARTIFACTS.serverJar,
        '--port',
        String(this.ports.mc),
        '--host',
        LOOPBACK,
        '--socket-port',
        String(this.ports.socket),
        '--data',
        dataDir,
      ],
      cwd: this.dir,
      logDir: this.logDir,
    });
    const ready = await child.waitForLine(
      /server ready\. Join localhost:\d+ with Minecraft (\S+)/,
      SERVER_START_TIMEOUT_MS,
      'the ready line',
    );
    this.server = {
      process: child,
      port: this.ports.mc,
      socketPort: this.ports.socket,
      dataDir,
      minecraftVersion: ready[1]!,
    };
    return this.server;
  }

  /** Starts (or restarts, same ports) the hub, linked to the server when there is one. */
  async startHub(): Promise<HubPart> {
    this.assertRunning();
    if (!fs.existsSync(this.keysFile)) await this.hashDjKey();
    const args = [
      ARTIFACTS.hubCli,
      '--host',
      LOOPBACK,
      '--dj-port',
      String(this.ports.dj),
      '--browser-port',
      String(this.ports.browser),
      '--http-port',
      String(this.ports.http),
      '--dj-keys',
      this.keysFile,
    ];
    if (this.java !== null) args.push('--minecraft', `ws://${LOOPBACK}:${this.ports.socket}`);
    const child = ManagedProcess.start({
      name: 'hub',
      command: process.execPath,
      args,
      cwd: REPO_ROOT,
      logDir: this.logDir,
    });
    this.hub = {
      process: child,
      djPort: this.ports.dj,
      browserPort: this.ports.browser,
      httpPort: this.ports.http,
    };
    await waitUntil(
      async () => {
        if (child.exit !== null) throw child.failure('exited while starting');
        return await this.health().catch(() => undefined);
      },
      HUB_START_TIMEOUT_MS,
      'the hub answering GET /health',
    );
    return this.hub;
  }

  /** Starts the agent playing `source` into the hub through the frame tap; resolves with its first frame. */
  async startAgent(source: string): Promise<ManagedProcess> {
    this.assertRunning();
    this.tap ??= await FrameTap.start(`ws://${LOOPBACK}:${this.ports.dj}`);
    const since = Date.now();
    this.agent = ManagedProcess.start({
      name: 'agent',
      command: process.execPath,
      args: [
        ARTIFACTS.agentCli,
        'run',
        '--source',
        source,
        '--hub',
        this.tap.url,
        '--dj-id',
        DJ_ID,
        '--dj-key',
        DJ_KEY,
        '--dj-name',
        'End-to-end DJ',
        '--quiet',
      ],
      cwd: REPO_ROOT,
      logDir: this.logDir,
    });
    await firstFrame(this.tap, this.agent, AGENT_START_TIMEOUT_MS, since);
    return this.agent;
  }

  /** The hub's `GET /health`. */
  health(): Promise<HubHealth> {
    if (this.hub === null) return Promise.reject(new Error('the hub is not running'));
    return getJson<HubHealth>(this.hub.httpPort, '/health');
  }

  /** Stops every part, agent first, and the tap. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const part of [this.agent, this.hub?.process, this.server?.process]) await part?.stop();
    await this.tap?.close();
    this.tap = null;
  }

  private assertRunning(): void {
    if (this.stopped) throw new Error('the show stack was stopped; nothing starts again');
  }

  /** Writes the hub's DJ keys file with `audioviz-hub hash-key`, as an operator would. */
  private async hashDjKey(): Promise<void> {
    const hashKey = ManagedProcess.start({
      name: 'hash-key',
      command: process.execPath,
      args: [ARTIFACTS.hubCli, 'hash-key', DJ_ID, DJ_KEY, '--name', 'End-to-end DJ', '--file', this.keysFile],
      cwd: REPO_ROOT,
      logDir: this.logDir,
    });
    const exit = await hashKey.exited;
    if (exit.code !== 0) throw hashKey.failure(`exit ${exit.code}`);
  }
}

/** Resolves with the agent's first frame through the tap; rejects, with its log, if it exits first. */
export async function firstFrame(
  tap: FrameTap,
  agent: ManagedProcess,
  timeoutMs: number,
  since = Date.now(),
): Promise<void> {
  await Promise.race([
    tap.nextFrame(timeoutMs, since),
    agent.exited.then((exit) => {
      throw agent.failure(`exited (code ${exit.code}) before sending a frame`);
    }),
  ]);
}
