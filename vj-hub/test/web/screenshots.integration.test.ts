// The README's pictures of the admin panel and the 3D preview, taken from a real hub with a DJ playing.
// `npm run screenshots` refreshes docs/images/; a normal test run writes them to .artifacts/web/ and checks that
// the committed ones exist, are small, and that the preview it sees is lit.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunningHub } from '../../src/index';
import {
  artifact,
  buildWebUi,
  comparePngs,
  eventually,
  launchChromium,
  startTestHub,
  TestDj,
  TEST_ZONE,
} from './browser-harness';

const IMAGES = path.resolve(__dirname, '..', '..', '..', 'docs', 'images');
const UPDATE = process.env['AUDIOVIZ_UPDATE_SCREENSHOTS'] === '1';
/** A README picture should load at a glance. */
const MAX_PNG_BYTES = 400 * 1024;

function target(name: string): string {
  if (!UPDATE) return artifact(`readme-${name}`);
  fs.mkdirSync(IMAGES, { recursive: true });
  return path.join(IMAGES, name);
}

describe('README screenshots of the panel and the preview', function () {
  this.timeout(60_000);
  let hub: RunningHub;
  let browser: Browser;
  let dj: TestDj;
  let streamer: NodeJS.Timeout | undefined;
  let dataDir: string;

  before(async () => {
    buildWebUi();
    // A bigger stage than the other browser tests use, so the picture shows a show, not a sample.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'audioviz-screenshots-'));
    const zone = { ...TEST_ZONE, size: { x: 16, y: 12, z: 16 }, entityCount: 256, pattern: 'wormhole' };
    fs.writeFileSync(path.join(dataDir, 'engine-zones.json'), JSON.stringify({ version: 1, zones: [zone] }));
    hub = await startTestHub({ dataDir });
    browser = await launchChromium();
    dj = await TestDj.connect(hub.ports.dj, {
      type: 'dj_auth',
      dj_id: 'nova',
      dj_key: 'k',
      dj_name: 'DJ Nova',
    });
    await dj.waitFor('auth_success');
    hub.store.djs.setActive('nova');
    // A 128 BPM pulse: the bass and the highs swell on each beat, as a real track would drive them.
    let n = 0;
    streamer = setInterval(() => {
      const phase = (n % 28) / 28;
      const swell = Math.exp(-phase * 4);
      dj.frame([0.3 + 0.7 * swell, 0.5, 0.4 + 0.3 * swell, 0.6, 0.3 + 0.6 * swell], n % 28 === 0);
      n++;
    }, 16);
  });

  after(async () => {
    clearInterval(streamer);
    dj?.close();
    await browser?.close();
    await hub?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes the admin panel with a live DJ', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${hub.ports.http}/`);
    await page.getByTestId('link-status').filter({ hasText: 'Live' }).waitFor();
    await page.locator('[data-pattern]').first().waitFor();
    await page.waitForTimeout(500); // let the band meters fill
    await page.screenshot({ path: target('panel.png') });
    await page.close();
  });

  it('takes the 3D preview with the show moving', async () => {
    const page = await browser.newPage({ viewport: { width: 960, height: 600 } });
    await page.goto(`http://127.0.0.1:${hub.ports.http}/preview?autorotate=off`);
    await page.getByTestId('link-status').filter({ hasText: 'Live' }).waitFor();
    await eventually(
      'blocks drawn',
      async () => Number(await page.getByTestId('preview-entities').textContent()) > 0,
    );
    await page.waitForTimeout(800);
    const shot = await page.screenshot({ path: target('preview.png') });
    const { litA, total } = await comparePngs(page, shot, shot);
    assert.ok(litA > total * 0.005, `the preview shows only ${litA} lit pixels of ${total}`);
    await page.close();
  });

  it('has small committed pictures for the README', () => {
    for (const name of ['panel.png', 'preview.png']) {
      const file = path.join(IMAGES, name);
      assert.ok(fs.existsSync(file), `${file} is missing: run \`npm run screenshots\``);
      const bytes = fs.statSync(file).size;
      assert.ok(
        bytes < MAX_PNG_BYTES,
        `${name} is ${Math.round(bytes / 1024)} KiB; keep it under ${MAX_PNG_BYTES / 1024}`,
      );
    }
  });
});
