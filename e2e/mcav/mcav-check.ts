/**
 * MCAV's own VJ server between our agent and our server: the agent plays a click track into MCAV's VJ server
 * (:9000, through a FrameTap that notes the beats), MCAV's Lua patterns turn it into `batch_update` frames on our
 * standalone server's :8765, and a real Minecraft client watches the display entities. Passes when the entities
 * move on the beat (the end-to-end suite's beat check) and neither MCAV nor our server logged a refusal or a trace.
 *
 * Not part of `npm test`: it needs a checkout of MCAV (github.com/ryanthemcpherson/minecraft-audio-viz) and a
 * Python venv with its VJ server's dependencies; `bash e2e/mcav/setup.sh <checkout>` makes one. Run with
 * `npx ts-node e2e/mcav/mcav-check.ts` after `npm run build` (AUDIOVIZ_MCAV_DIR: the prepared folder).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManagedProcess } from '../src/child-process';
import { FrameTap } from '../src/frame-tap';
import { MinecraftViewer } from '../src/minecraft-viewer';
import { freePort, LOOPBACK } from '../src/network';
import { ARTIFACTS, REPO_ROOT } from '../src/paths';
import { expectMotionOnTheBeat } from '../src/show-checks';
import { firstFrame, ShowStack } from '../src/show-stack';
import { MCAV_DIR, MCAV_START_TIMEOUT_MS, serverJdk, troubleIn } from './mcav-common';

async function main(): Promise<void> {
  const python = path.join(MCAV_DIR, 'venv', 'bin', 'python');
  if (!fs.existsSync(python)) {
    throw new Error(`no MCAV venv at ${MCAV_DIR}: run \`bash e2e/mcav/setup.sh <MCAV checkout>\` first`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audioviz-mcav-'));
  const logDir = path.join(dir, 'logs');
  console.log(`mcav-check: logs in ${logDir}`);
  const jdk = await serverJdk('mcav-check', logDir);
  const stack = await ShowStack.prepare(dir, jdk);
  const parts: { stop(): Promise<unknown> }[] = [];
  try {
    const server = await stack.startServer();
    console.log(
      `mcav-check: our server is up (Minecraft ${server.minecraftVersion}, :8765 on ${server.socketPort})`,
    );
    const djPort = await freePort();
    const vj = ManagedProcess.start({
      name: 'mcav-vj',
      command: python,
      args: [
        '-c',
        'from vj_server.cli import vj_server; vj_server()',
        '--port',
        String(djPort),
        '--minecraft-host',
        LOOPBACK,
        '--minecraft-port',
        String(server.socketPort),
        '--broadcast-port',
        String(await freePort()),
        '--no-auth',
        '--no-metrics',
        '--no-spectrograph',
      ],
      cwd: MCAV_DIR,
      env: { ...process.env, PYTHONPATH: MCAV_DIR, PYTHONUNBUFFERED: '1' },
      logDir,
    });
    parts.push(vj);
    await server.process.waitForLine(
      /client c\d+ connected/,
      MCAV_START_TIMEOUT_MS,
      "MCAV's VJ server connecting",
    );
    console.log("mcav-check: MCAV's VJ server is linked to our server");
    const tap = await FrameTap.start(`ws://${LOOPBACK}:${djPort}`);
    parts.push({ stop: () => tap.close() });
    const agent = ManagedProcess.start({
      name: 'agent',
      command: process.execPath,
      args: [
        ARTIFACTS.agentCli,
        'run',
        '--source',
        'synth:click:128',
        '--hub',
        tap.url,
        '--dj-id',
        'mcav_check',
        // MCAV's VJ server runs with --no-auth: any key is let in.
        '--dj-key',
        'not-checked',
        '--dj-name',
        'MCAV check',
        '--quiet',
      ],
      cwd: REPO_ROOT,
      logDir,
    });
    parts.push(agent);
    await firstFrame(tap, agent, MCAV_START_TIMEOUT_MS);
    console.log("mcav-check: the agent streams to MCAV's VJ server");
    const viewer = await MinecraftViewer.join({ port: server.port, username: 'mcav_check', logDir });
    parts.push(viewer.client);
    await viewer.waitForDisplays(1, MCAV_START_TIMEOUT_MS, 'display entities at the client');
    console.log(`mcav-check: the client sees ${viewer.displays.size} display entities; judging 16 beats`);
    const beat = await expectMotionOnTheBeat(viewer, tap, 16, 3);
    console.log(
      `mcav-check: on the beat, r = ${beat.r.toFixed(2)} at ${beat.lagMs} ms ` +
        `(half a beat later ${beat.offBeatR.toFixed(2)}), ${viewer.displays.size} entities`,
    );
    const trouble = troubleIn([server.process, vj]);
    if (trouble.length > 0) throw new Error(`the logs name trouble:\n${trouble.slice(0, 20).join('\n')}`);
    console.log('mcav-check: passed');
  } finally {
    for (const part of parts.reverse()) await part.stop();
    await stack.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`mcav-check: FAILED: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
