import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { WebSocketServer } from 'ws';
import type { RunningHub } from '../../src/index';
import { buildWebUi, collectErrors, launchChromium, startTestHub } from './browser-harness';

/** What a broken or hostile server might send to a page: every frame must be survived. */
const HOSTILE_FRAMES: Array<string | Buffer> = [
  'not json',
  '[]',
  'null',
  '{"type":42}',
  JSON.stringify({
    type: 'vj_state',
    patterns: 'x',
    zones: [{ name: 'z' }],
    djs: null,
    presets: {},
    health: 7,
  }),
  JSON.stringify({ type: 'zones', zones: [{ name: 'z', size: { x: 'big' } }, null] }),
  JSON.stringify({
    type: 'state',
    entities: {
      z: [
        { id: 'block_1', x: 'NaN', y: null, z: 1e308, scale: -5, band: 99, brightness: 'max', material: {} },
        { id: 'block_99999', x: 0.5, y: 0.5, z: 0.5 },
        { id: '__proto__', x: 0.5, y: 0.5, z: 0.5 },
        null,
        7,
      ],
      other: 'not a list',
    },
    bands: 'loud',
    is_beat: 'yes',
    bpm: -1,
    beat_intensity: Infinity,
  }),
  JSON.stringify({ type: 'state', entities: [] }),
  JSON.stringify({ type: 'dj_roster', djs: [null, { dj_id: 5 }], active_dj_id: {} }),
  JSON.stringify({ type: 'dj_pending', dj: 'x' }),
  JSON.stringify({ type: 'connect_code_generated', code: '<img src=x onerror=alert(1)>', expires_at: 1 }),
  JSON.stringify({ type: 'effect_triggered', effect: '<b>x</b>' }),
  JSON.stringify({ type: 'pattern_changed', pattern: null, zones: 'all' }),
  JSON.stringify({ type: 'error', message: '<script>alert(1)</script>' }),
  Buffer.from([0xff, 0x00, 0x13]),
  'x'.repeat(200_000),
];

const ZONE = {
  name: 'z',
  world: 'w',
  origin: { x: 0, y: 0, z: 0 },
  size: { x: 8, y: 8, z: 8 },
  rotation: 0,
  entity_count: 4,
  pattern: 'bars',
};
/** Then well-formed ones, which must still get through. */
const VALID_FRAMES = [
  {
    type: 'vj_state',
    patterns: [{ id: 'bars', name: 'Bars', category: 'spectrum', recommended_entities: 4 }],
    current_patterns: { z: 'bars' },
    zones: [ZONE],
    djs: [],
    active_dj_id: null,
    pending_djs: [],
    presets: ['auto'],
    preset: 'auto',
    health: {
      dj_connects: 0,
      dj_disconnects: 0,
      browser_connects: 1,
      browser_disconnects: 0,
      mc_reconnect_count: 0,
      current_djs: 0,
      current_browsers: 1,
      mc_connected: false,
    },
    minecraft_connected: false,
  },
  {
    type: 'state',
    entities: {
      z: [0, 1, 2, 3].map((i) => ({ id: `block_${i}`, x: i / 3, y: 0.5, z: 0.5, scale: 1, band: i })),
    },
    bands: [0.5, 0.5, 0.5, 0.5, 0.5],
    amplitude: 0.5,
    is_beat: true,
    beat_intensity: 1,
    bpm: 120,
    beat_phase: 0,
    pattern: 'bars',
    active_dj: null,
    latency_ms: 3,
    fps: 60,
  },
].map((m) => JSON.stringify(m));

describe('pages in Chromium against a hostile socket server', function () {
  this.timeout(60_000);
  let hub: RunningHub;
  let browser: Browser;
  let server: WebSocketServer;

  before(async () => {
    buildWebUi();
    hub = await startTestHub();
    browser = await launchChromium();
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    server.on('connection', (socket) => {
      for (const frame of [...HOSTILE_FRAMES, ...VALID_FRAMES]) socket.send(frame);
    });
  });

  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await browser?.close();
    await hub?.close();
  });

  for (const path of ['/', '/preview']) {
    it(`keeps ${path} running and live through malformed and hostile frames`, async () => {
      const page = await browser.newPage();
      const errors = collectErrors(page, { expectMalformed: true });
      const port = (server.address() as AddressInfo).port;
      await page.goto(`http://127.0.0.1:${hub.ports.http}${path}?browser_port=${port}`);
      await page.getByTestId('link-status').filter({ hasText: 'Live' }).waitFor();
      await page.waitForTimeout(500);
      assert.equal(await page.getByTestId('link-status').textContent(), 'Live');
      assert.equal(await page.evaluate(() => document.querySelectorAll('img, script:not([src])').length), 0);
      // The well-formed messages after the hostile ones still reach the views.
      await page.getByTestId('preview-entities').filter({ hasText: /^4$/ }).waitFor();
      if (path === '/') await page.locator('[data-pattern="bars"]').waitFor();
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
