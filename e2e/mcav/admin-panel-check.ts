/**
 * MCAV's own admin panel (static HTML and JS) against our hub: the hub runs linked to the standalone Minecraft
 * server, with our agent playing a click track, and a Minecraft protocol client watches the show. The panel is
 * served as MCAV ships it and opened in headless Chromium with `?port=` set to the hub's :8766. Passes when the
 * panel says it is connected, lists the DJ, shows the tempo, the pattern and moving meters, a pattern button and
 * its blackout button switch the hub's pattern and blackout, its zone settings' block type reaches the show and
 * the player sees the zone's blocks turn to it, its 3D preview draws the zone's entities and they move, and the
 * page threw nothing.
 *
 * Not part of `npm test`: it needs MCAV's admin_panel folder (`bash e2e/mcav/setup.sh <MCAV checkout>` copies it)
 * and a JDK 25 for the server. Run with `npx ts-node e2e/mcav/admin-panel-check.ts` after `npm run build`.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../tools/chromium.cjs';
import { LOOPBACK } from '../src/network';
import { MinecraftViewer } from '../src/minecraft-viewer';
import { SeqSocket } from '../src/seq-socket';
import { ShowStack } from '../src/show-stack';
import { MCAV_DIR, MCAV_START_TIMEOUT_MS, serverJdk } from './mcav-common';

const PANEL_DIR = path.join(MCAV_DIR, 'admin_panel');
/** The panel connects, fills in and follows the music within this, ms. */
const PANEL_TIMEOUT_MS = 30_000;
/** The block the panel's zone settings pick: not the default, so the player sees it change. */
const PICKED_BLOCK = 'glowstone';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Every zone's entities of a hub `state` message, in one list. */
function entitiesOf(state: Record<string, unknown>): { material?: string }[] {
  return Object.values(state['entities'] as Record<string, { material?: string }[]>).flat();
}

/** Serves `dir` on a free loopback port, as a plain static web server would. */
async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const file = path.join(dir, path.normalize(decodeURIComponent((request.url ?? '/').split('?')[0]!)));
    const target = file.endsWith(path.sep) ? path.join(file, 'index.html') : file;
    if (!target.startsWith(dir) || !fs.existsSync(target) || fs.statSync(target).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream' });
    fs.createReadStream(target).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${LOOPBACK}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(PANEL_DIR, 'index.html'))) {
    throw new Error(
      `no MCAV admin panel at ${PANEL_DIR}: run \`bash e2e/mcav/setup.sh <MCAV checkout>\` first`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audioviz-mcav-panel-'));
  console.log(`admin-panel-check: logs in ${path.join(dir, 'logs')}`);
  const jdk = await serverJdk('admin-panel-check', path.join(dir, 'logs'));
  const stack = await ShowStack.prepare(dir, jdk);
  const site = await serveStatic(PANEL_DIR);
  const browser = await launchChromium();
  let viewer: MinecraftViewer | null = null;
  try {
    await stack.start();
    const hub = stack.hub!;
    viewer = await MinecraftViewer.join({
      port: stack.server!.port,
      username: 'panel_check',
      logDir: stack.logDir,
    });
    // Our own panel's view of the show: how many entities each zone has, and later what the panel changed.
    const { socket } = await SeqSocket.connect(`ws://${LOOPBACK}:${hub.browserPort}`);
    const firstState = await socket.next((m) => m.type === 'state', MCAV_START_TIMEOUT_MS);
    const entityCount = entitiesOf(firstState).length;
    const watching = viewer;
    await watching.waitFor(
      () => (watching.blocks.size >= entityCount ? true : undefined),
      MCAV_START_TIMEOUT_MS,
      `the player seeing the show's ${entityCount} blocks`,
    );
    const blocksBefore = new Set(watching.blocks.values());
    if (blocksBefore.has(PICKED_BLOCK))
      throw new Error(`the show already shows ${PICKED_BLOCK}: pick another block for the check`);
    console.log(
      `admin-panel-check: server, hub and agent are up; the player sees ${watching.blocks.size} blocks ` +
        `(${[...blocksBefore].join(', ')})`,
    );
    const page = await browser.newPage();
    const thrown: string[] = [];
    page.on('pageerror', (err) => thrown.push(err.message));
    // What the hub refused the panel, named when a step fails (an `error` reply turns its status to "Error").
    const refusals: string[] = [];
    page.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        const text = String(payload);
        if (text.startsWith('{"type":"error"')) refusals.push(text.slice(0, 300));
      }),
    );
    // The panel's own log, named when a step fails.
    const consoleLines: string[] = [];
    // Errors it logs, but for the web fonts it cannot fetch offline.
    const panelErrors: string[] = [];
    page.on('console', (message) => {
      const line = `${message.type()}: ${message.text()}`.slice(0, 300);
      consoleLines.push(line);
      if (consoleLines.length > 200) consoleLines.shift();
      if (message.type() === 'error' && !line.includes('ERR_NAME_NOT_RESOLVED') && panelErrors.length < 20)
        panelErrors.push(line);
    });
    await page.goto(`${site.url}/index.html?port=${hub.browserPort}`);
    /** Polls `read` until `test` holds, else fails naming what it last read and what the panel saw. */
    const waitFor = async <T>(
      read: () => Promise<T>,
      test: (value: T) => boolean,
      what: string,
    ): Promise<T> => {
      const deadline = Date.now() + PANEL_TIMEOUT_MS;
      for (;;) {
        const value = await read();
        if (test(value)) return value;
        if (Date.now() > deadline) {
          throw new Error(
            `${what}: read ${JSON.stringify(value)}; the hub's refusals:\n${refusals.join('\n')}\n` +
              `the panel's last log lines:\n${consoleLines.slice(-15).join('\n')}`,
          );
        }
        await page.waitForTimeout(250);
      }
    };
    const waitText = (selector: string, test: (text: string) => boolean, what: string): Promise<string> =>
      waitFor(async () => ((await page.locator(selector).first().textContent()) ?? '').trim(), test, what);
    const status = await waitText(
      '#connection-status',
      (t) => /^connected$/i.test(t),
      'the panel connecting',
    );
    const dj = await waitText('#dj-queue', (t) => t.includes('End-to-end DJ'), 'the DJ in the queue');
    const bpm = await waitText('#bpm-estimate', (t) => Math.abs(parseFloat(t) - 128) <= 3, 'the tempo');
    const pattern = await waitText('#current-pattern', (t) => t !== '' && t !== '--', 'the pattern');
    const meters = new Set<string>();
    await waitText(
      '#meter-val-0',
      (t) => {
        meters.add(t);
        return meters.size >= 3;
      },
      'the bass meter moving',
    );
    console.log(
      `admin-panel-check: "${status}", DJ listed (${dj.slice(0, 40)}…), ${bpm} BPM, pattern "${pattern}", ` +
        `bass meter ${[...meters].join(' ')}`,
    );
    // A pattern button of its grid (drawn from our pattern list) switches the show's pattern.
    const next = pattern === 'circle' ? 'bars' : 'circle';
    await page.locator(`.pattern-btn[data-pattern="${next}"]`).first().click();
    await socket.next((m) => m.type === 'pattern_changed' && m['pattern'] === next, PANEL_TIMEOUT_MS);
    await waitText('#current-pattern', (t) => t === next, 'the new pattern in the panel');
    console.log(`admin-panel-check: its pattern button switched the show to "${next}"`);
    await page.locator('#btn-blackout').click();
    await socket.next((m) => m.type === 'vj_state' && m['blackout'] === true, PANEL_TIMEOUT_MS);
    console.log("admin-panel-check: the panel's blackout button blacked out the hub");
    await page.locator('#btn-blackout').click();
    await socket.next((m) => m.type === 'vj_state' && m['blackout'] === false, PANEL_TIMEOUT_MS);
    // Its zone settings send its whole zone config (with fields we do not have); the block type must show.
    await page.locator('#tab-zone').click();
    await page.locator('#zone-block-type').selectOption(PICKED_BLOCK.toUpperCase());
    const inPickedBlock = (state: Record<string, unknown>): number =>
      entitiesOf(state).filter((e) => e.material === `minecraft:${PICKED_BLOCK}`).length;
    const changed = await socket.next((m) => m.type === 'state' && inPickedBlock(m) > 0, PANEL_TIMEOUT_MS);
    const pickedInState = inPickedBlock(changed);
    const picked = await watching.waitFor(
      () => {
        const count = [...watching.blocks.values()].filter((b) => b === PICKED_BLOCK).length;
        return count >= pickedInState ? count : undefined;
      },
      PANEL_TIMEOUT_MS,
      `the player seeing the zone's ${pickedInState} entities as ${PICKED_BLOCK}`,
    );
    console.log(
      `admin-panel-check: its zone settings' block type reached the show, and the player sees ${picked} ` +
        `${PICKED_BLOCK} blocks`,
    );
    // Its 3D preview draws the first zone's entities from `state.entities`, as blocks that move with the music.
    type Panel = {
      adminApp: {
        _previewFailed?: boolean;
        _previewBlocks?: { visible: boolean; position: { y: number } }[];
      };
    };
    const previewBlocks = () =>
      page.evaluate(() => {
        const app = (globalThis as unknown as Panel).adminApp;
        const shown = (app._previewBlocks ?? []).filter((b) => b.visible);
        return {
          failed: app._previewFailed === true,
          shown: shown.length,
          y: shown.map((b) => b.position.y.toFixed(2)).join(),
        };
      });
    const heights = new Set<string>();
    const drawn = await waitFor(
      previewBlocks,
      (p) => {
        if (p.shown > 0) heights.add(p.y);
        return p.failed || (p.shown > 0 && heights.size >= 3);
      },
      'its 3D preview drawing the zone and moving',
    );
    if (drawn.failed) throw new Error('its 3D preview failed (the panel disabled it)');
    console.log(`admin-panel-check: its 3D preview draws ${drawn.shown} blocks, moving with the music`);
    socket.close();
    if (thrown.length > 0) throw new Error(`the panel threw:\n${thrown.slice(0, 10).join('\n')}`);
    if (refusals.length > 0) throw new Error(`the hub refused the panel:\n${refusals.join('\n')}`);
    if (panelErrors.length > 0) throw new Error(`the panel logged errors:\n${panelErrors.join('\n')}`);
    console.log('admin-panel-check: passed');
  } finally {
    await viewer?.leave();
    await browser.close();
    await site.close();
    await stack.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`admin-panel-check: FAILED: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
