import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { djValidator, type DjAudioFrame } from '@audioviz/shared-types';
import type { Browser, Page } from 'playwright-core';
import type { RunningHub } from '../../src/index';
import {
  artifact,
  buildWebUi,
  collectErrors,
  eventually,
  launchChromium,
  startTestHub,
} from './browser-harness';
import { testMusicWav } from './test-music';

describe('remote DJ page in Chromium against a real hub', function () {
  this.timeout(60_000);
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let musicFile: string;
  const frames: DjAudioFrame[] = [];

  before(async () => {
    buildWebUi();
    musicFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'audioviz-dj-')), 'music.wav');
    fs.writeFileSync(musicFile, testMusicWav());
    hub = await startTestHub();
    hub.store.events.frame.on(({ dj_id, frame }) => {
      if (dj_id === 'remote') frames.push(frame);
    });
    browser = await launchChromium({ fakeAudioFile: musicFile });
    page = await browser.newPage();
    errors = collectErrors(page);
    await page.goto(`http://127.0.0.1:${hub.ports.http}/dj`);
  });

  after(async () => {
    await page?.screenshot({ path: artifact('dj.png'), fullPage: true });
    await browser?.close();
    await hub?.close();
    fs.rmSync(path.dirname(musicFile), { recursive: true, force: true });
  });

  it('logs in with a DJ key and shows the DJ in the hub’s roster', async () => {
    await page.getByTestId('dj-name').fill('Remote DJ');
    await page.getByTestId('dj-id').fill('remote');
    await page.getByTestId('dj-key').fill('any-key-with-no-auth');
    await page.getByTestId('dj-login').click();
    await page.getByTestId('link-status').filter({ hasText: 'Live' }).waitFor();
    await eventually('the hub knows the DJ', () => hub.store.djs.has('remote'));
    hub.store.djs.setActive('remote');
    await page.getByTestId('dj-role').filter({ hasText: 'LIVE' }).waitFor();
  });

  it('logs in with a connect code, waits for the operator, and goes on once approved', async () => {
    const other = await browser.newPage();
    const { code } = hub.store.generateConnectCode(5);
    await other.goto(`http://127.0.0.1:${hub.ports.http}/dj?code=${code}`);
    await other.getByTestId('dj-name').fill('Guest');
    await other.getByTestId('dj-login').click();
    await other.getByTestId('dj-role').filter({ hasText: 'Waiting for the operator' }).waitFor();
    const pending = await eventually('a pending DJ', () => hub.store.djs.waiting()[0]);
    hub.store.djs.decidePending(pending.dj_id, true);
    await other
      .getByTestId('dj-role')
      .filter({ hasText: /In the queue/ })
      .waitFor();
    await other.close();
  });

  it('shows a refusal for a code that does not exist, and offers the form again', async () => {
    const other = await browser.newPage();
    await other.goto(`http://127.0.0.1:${hub.ports.http}/dj?code=NOPE-0000`);
    await other.getByTestId('dj-name').fill('Nobody');
    await other.getByTestId('dj-login').click();
    await other.getByTestId('dj-role').filter({ hasText: 'Refused' }).waitFor();
    assert.equal(await other.getByTestId('dj-login').isEnabled(), true);
    await other.close();
  });

  it('streams analysed frames of a generated music source to :9000, with beats', async () => {
    await page.getByTestId('share-mic').click();
    await page.getByTestId('audio-source').filter({ hasText: 'Sharing' }).waitFor();
    await eventually('three seconds of frames', () => frames.length >= 150, 20_000);
    for (const frame of frames) assert.equal(djValidator.validate(frame).ok, true, JSON.stringify(frame));
    const seqs = frames.map((f) => f.seq);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => a - b),
      'in order',
    );
    assert.ok(
      frames.some((f) => f.bands[0]! > 0.2),
      'the kicks reach the bass band',
    );
    assert.ok(frames.filter((f) => f.beat || f.i_kick).length >= 3, 'beats or kicks are flagged');
    const sent = Number(await page.getByTestId('dj-link-figures').getAttribute('data-frames-sent'));
    assert.ok(sent >= frames.length - 5, `page counted ${sent} frames, hub got ${frames.length}`);
    assert.deepEqual(errors, []);
  });
});
