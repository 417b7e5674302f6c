import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { RunningHub } from '../../src/index';
import { artifact, buildWebUi, eventually, launchChromium, startTestHub } from './browser-harness';

/** Runs in the page before its scripts: records every text the link status shows, in order. */
const RECORD_STATUSES = `
  window.__statuses = [];
  new MutationObserver(() => {
    const text = document.querySelector('[data-testid="link-status"]')?.textContent;
    if (text && window.__statuses[window.__statuses.length - 1] !== text) window.__statuses.push(text);
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

describe('link status indicator in Chromium when the hub stops and comes back', function () {
  this.timeout(60_000);
  let hub: RunningHub;
  let browser: Browser;

  before(async () => {
    buildWebUi();
    hub = await startTestHub();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('gives up after 10 attempts, shows Reconnect, and connects again when it is pressed', async () => {
    const page = await browser.newPage();
    // The page's timers run on Playwright's fake clock, so ten backoff delays take no real time.
    await page.clock.install();
    await page.goto(`http://127.0.0.1:${hub.ports.http}/`);
    const status = page.getByTestId('link-status');
    await status.filter({ hasText: 'Live' }).waitFor();
    const reconnect = page.getByRole('button', { name: 'Reconnect' });

    const ports = hub.ports;
    await hub.close();
    await status.filter({ hasText: 'Offline' }).waitFor();
    for (let attempt = 1; attempt <= 10; attempt++) {
      assert.equal(await reconnect.isVisible(), false, `Reconnect shown before attempt ${attempt}`);
      // Past the longest delay (30 s + 10 % jitter); due timers fire once, so this is one attempt.
      await page.clock.fastForward(34_000);
      // Each attempt fails for real (connection refused) and schedules the next.
      await status.filter({ hasText: 'Offline' }).waitFor();
    }
    await reconnect.waitFor();
    await page.screenshot({ path: artifact('reconnect-failed.png') });

    hub = await startTestHub({ djPort: ports.dj, browserPort: ports.browser, httpPort: ports.http });
    await reconnect.click();
    await status.filter({ hasText: 'Live' }).waitFor();
    assert.equal(await reconnect.isVisible(), false);
    await page.close();
  });

  for (const [name, path] of [
    ['admin panel', '/'],
    ['3D preview', '/preview'],
  ] as const) {
    it(`walks Connecting… → Live → Offline → Live on the ${name}`, async () => {
      const page = await browser.newPage();
      await page.addInitScript(RECORD_STATUSES);
      await page.goto(`http://127.0.0.1:${hub.ports.http}${path}`);
      const status = page.getByTestId('link-status');
      await status.filter({ hasText: 'Live' }).waitFor();

      const ports = hub.ports;
      await hub.close();
      await status.filter({ hasText: 'Offline' }).waitFor();
      await page.screenshot({ path: artifact(`offline${path === '/' ? '-panel' : '-preview'}.png`) });
      hub = await startTestHub({ djPort: ports.dj, browserPort: ports.browser, httpPort: ports.http });
      // The first retry comes 2 s (± 10 %) after the loss; later ones are further apart.
      await status.filter({ hasText: 'Live' }).waitFor({ timeout: 15_000 });

      const seen = await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
      const walk = ['Connecting…', 'Live', 'Offline', 'Live'];
      let at = 0;
      for (const text of seen) if (text === walk[at]) at++;
      assert.equal(at, walk.length, `statuses seen: ${seen.join(' → ')}`);
      assert.equal(seen[0], 'Connecting…', 'the first status shown');
      await eventually('the restarted hub counts the page', () => hub.health().current_browsers >= 1);
      await page.close();
    });
  }
});
