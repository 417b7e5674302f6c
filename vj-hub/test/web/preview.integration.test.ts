import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { RunningHub } from '../../src/index';
import {
  artifact,
  buildWebUi,
  collectErrors,
  comparePngs,
  eventually,
  launchChromium,
  startTestHub,
  TestDj,
} from './browser-harness';

describe('3D preview in Chromium against a real hub', function () {
  this.timeout(60_000);
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let dj: TestDj;

  before(async () => {
    buildWebUi();
    hub = await startTestHub();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 960, height: 640 } });
    errors = collectErrors(page);
    dj = await TestDj.connect(hub.ports.dj, { type: 'dj_auth', dj_id: 'vera', dj_key: 'k', dj_name: 'Vera' });
    await dj.waitFor('auth_success');
    hub.store.djs.setActive('vera');
    await page.goto(`http://127.0.0.1:${hub.ports.http}/preview?autorotate=off`);
    await page.getByTestId('link-status').filter({ hasText: 'Live' }).waitFor();
  });

  after(async () => {
    dj?.close();
    await browser?.close();
    await hub?.close();
  });

  /** The DJ streams at ~60 fps the whole time, as a real one does; tests change what it plays. */
  let bands = [0.05, 0.05, 0.05, 0.05, 0.05];
  let streamer: NodeJS.Timeout | undefined;
  before(() => {
    let n = 0;
    streamer = setInterval(() => dj.frame(bands, n++ % 30 === 0), 16);
  });
  after(() => clearInterval(streamer));

  async function play(levels: number[], ms: number): Promise<void> {
    bands = levels;
    await new Promise((r) => setTimeout(r, ms));
  }

  it('renders the zones’ blocks, and the picture changes with the audio', async () => {
    const canvas = page.getByTestId('preview-canvas');
    await play([0.05, 0.05, 0.05, 0.05, 0.05], 800);
    await eventually(
      'blocks drawn',
      async () => Number(await page.getByTestId('preview-entities').textContent()) > 0,
    );
    const quiet = await canvas.screenshot({ path: artifact('preview-quiet.png') });
    await play([1, 0.9, 0.8, 0.9, 1], 800);
    const loud = await canvas.screenshot({ path: artifact('preview-loud.png') });
    const { changed, litA, litB, total } = await comparePngs(page, quiet, loud);
    assert.ok(litA > 100, `the quiet frame shows only ${litA} lit pixels`);
    assert.ok(litB > total * 0.01, `the loud frame shows only ${litB} of ${total} lit pixels`);
    assert.ok(changed > total * 0.01, `only ${changed} of ${total} pixels changed with the audio`);
    await page.screenshot({ path: artifact('preview.png') });
  });

  it('shows FPS, BPM and latency', async () => {
    await play([0.5, 0.5, 0.5, 0.5, 0.5], 700);
    await eventually('fps', async () => Number(await page.getByTestId('preview-fps').textContent()) > 0);
    await eventually('bpm', async () => (await page.getByTestId('preview-bpm').textContent()) === '128');
    assert.match((await page.getByTestId('preview-latency').textContent()) ?? '', /ms$/);
    assert.deepEqual(errors, []);
  });
});
