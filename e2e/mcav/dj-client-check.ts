/**
 * MCAV's own DJ client code against our hub and server: MCAV's DJ client protocol (its Rust `DjClient` with its
 * auth, clock sync, heartbeats, reader and writer, driven by e2e/mcav/dj-client) streams a 128 BPM click's frames
 * to our hub's :9000 through a FrameTap that notes the beats; the hub feeds our standalone server and a real
 * Minecraft client watches. Passes when the client authenticates with a DJ key and is live, reads a latency from
 * our heartbeat answers, receives a preset the panel sets, the entities move on the beat, the hub lists it and
 * lets it go when it says goodbye, and neither the client nor our parts logged trouble or an unreadable message.
 * MCAV's audio capture and its desktop window are not part of it: the frames are the client's own message type,
 * filled from a click.
 *
 * Not part of `npm test`: `bash e2e/mcav/setup.sh <MCAV checkout>` copies MCAV's protocol code and builds the
 * client (cargo). Run with `npx ts-node e2e/mcav/dj-client-check.ts` after `npm run build`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManagedProcess } from '../src/child-process';
import { FrameTap } from '../src/frame-tap';
import { MinecraftViewer } from '../src/minecraft-viewer';
import { LOOPBACK } from '../src/network';
import { SeqSocket } from '../src/seq-socket';
import { CLICK_BPM, expectMotionOnTheBeat } from '../src/show-checks';
import { DJ_ID, DJ_KEY, ShowStack } from '../src/show-stack';
import { MCAV_DIR, MCAV_START_TIMEOUT_MS, serverJdk, troubleIn } from './mcav-common';

const CLIENT_NAME = 'mcav-dj-client-check';
const DJ_NAME = 'MCAV DJ client';
/** How long the client streams, s: long enough for the beat check after everything has connected. */
const STREAM_SECONDS = 45;

/** One state line the client prints (see e2e/mcav/dj-client/src/main.rs). */
interface ClientState {
  event: string;
  authenticated?: boolean;
  is_active?: boolean;
  latency_ms?: number;
  preset?: string | null;
  error?: string;
}

function clientBinary(): string {
  for (const profile of ['release', 'debug']) {
    const file = path.join(MCAV_DIR, 'dj-client-target', profile, CLIENT_NAME);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(
    `MCAV's DJ client is not built in ${MCAV_DIR}: run \`bash e2e/mcav/setup.sh <MCAV checkout>\``,
  );
}

async function main(): Promise<void> {
  const binary = clientBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audioviz-mcav-dj-'));
  const logDir = path.join(dir, 'logs');
  console.log(`dj-client-check: logs in ${logDir}`);
  const jdk = await serverJdk('dj-client-check', logDir);
  const stack = await ShowStack.prepare(dir, jdk);
  const parts: { stop(): Promise<unknown> }[] = [];
  try {
    const server = await stack.startServer();
    const hub = await stack.startHub();
    console.log(`dj-client-check: our server (Minecraft ${server.minecraftVersion}) and hub are up`);
    const tap = await FrameTap.start(`ws://${LOOPBACK}:${hub.djPort}`);
    parts.push({ stop: () => tap.close() });
    const states: ClientState[] = [];
    const client = ManagedProcess.start({
      name: 'mcav-dj-client',
      command: binary,
      args: [
        '--port',
        new URL(tap.url).port,
        '--dj-id',
        DJ_ID,
        '--dj-key',
        DJ_KEY,
        '--dj-name',
        DJ_NAME,
        '--seconds',
        String(STREAM_SECONDS),
        '--bpm',
        String(CLICK_BPM),
      ],
      env: { ...process.env, RUST_LOG: 'debug' },
      logDir,
    });
    parts.push(client);
    client.onLine((line) => {
      if (line.startsWith('{')) states.push(JSON.parse(line) as ClientState);
    });
    const waitState = (test: (s: ClientState) => boolean, what: string): Promise<ClientState> =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + MCAV_START_TIMEOUT_MS;
        const poll = (): void => {
          const found = states.find(test);
          const failed = states.find((s) => s.event === 'connect_failed' || s.event === 'disconnected');
          if (found !== undefined) resolve(found);
          else if (failed !== undefined)
            reject(new Error(`${what}: the client ${failed.event} ${failed.error ?? ''}`));
          else if (client.exit !== null || Date.now() > deadline)
            reject(new Error(`${what}: not seen; the client's last lines:\n${client.tail(15)}`));
          else setTimeout(poll, 100);
        };
        poll();
      });
    await waitState((s) => s.authenticated === true && s.is_active === true, 'authenticated and live');
    console.log("dj-client-check: MCAV's client authenticated with its DJ key and is the live DJ");
    const latency = await waitState((s) => (s.latency_ms ?? 0) > 0, 'a latency from heartbeat answers');
    console.log(
      `dj-client-check: it reads a latency of ${latency.latency_ms!.toFixed(1)} ms from our heartbeat answers`,
    );

    const { socket: panel } = await SeqSocket.connect(`ws://${LOOPBACK}:${hub.browserPort}`);
    parts.push({ stop: async () => panel.close() });
    const vjState = await panel.request({ type: 'get_state' });
    const djs = vjState['djs'] as { dj_id: string; dj_name: string }[];
    // The name comes from the hub's DJ keys file, whatever name the client gives.
    const listed = djs.find((d) => d.dj_id === DJ_ID);
    if (listed === undefined || vjState['active_dj_id'] !== DJ_ID)
      throw new Error(`the hub does not list the client as the live DJ: ${JSON.stringify(djs)}`);
    const preset = vjState['preset'] === 'edm' ? 'chill' : 'edm';
    await panel.request({ type: 'set_preset', preset });
    await waitState((s) => s.preset === preset, `the preset "${preset}" reaching the client`);
    console.log(
      `dj-client-check: the hub lists it as "${listed.dj_name}"; a preset set in the panel ("${preset}") reached it`,
    );

    const viewer = await MinecraftViewer.join({ port: server.port, username: 'mcav_dj', logDir });
    parts.push(viewer.client);
    await viewer.waitForDisplays(1, MCAV_START_TIMEOUT_MS, 'display entities at the client');
    const beat = await expectMotionOnTheBeat(viewer, tap, 16, 3);
    console.log(
      `dj-client-check: on the beat in Minecraft, r = ${beat.r.toFixed(2)} at ${beat.lagMs} ms ` +
        `(half a beat later ${beat.offBeatR.toFixed(2)}), ${viewer.displays.size} entities`,
    );

    const exit = await client.exited;
    if (exit.code !== 0) throw new Error(`the client exited with ${exit.code}:\n${client.tail(15)}`);
    await waitUntilGone(stack, 10_000);
    console.log('dj-client-check: its goodbye (going_offline) took it off the hub');
    // The client logs what it could not read at debug level; MCAV-only messages it ignores are listed, not failed.
    const unread = client.linesMatching(/Ignoring unhandled server message type|malformed JSON/);
    if (unread.length > 0) console.log(`dj-client-check: messages the client skipped:\n${unread.join('\n')}`);
    if (client.linesMatching(/malformed JSON/).length > 0) throw new Error('the client read malformed JSON');
    const trouble = troubleIn([server.process, hub.process, client], /Ignoring unhandled server message/);
    if (trouble.length > 0) throw new Error(`the logs name trouble:\n${trouble.slice(0, 20).join('\n')}`);
    console.log('dj-client-check: passed');
  } finally {
    for (const part of parts.reverse()) await part.stop();
    await stack.stop();
  }
}

/** Resolves when the hub has no DJ connected any more. */
async function waitUntilGone(stack: ShowStack, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await stack.health()).current_djs !== 0) {
    if (Date.now() > deadline) throw new Error('the hub still lists the DJ after its goodbye');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

main().catch((err: unknown) => {
  console.error(`dj-client-check: FAILED: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
