import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { hashSecret, type RunningHub } from '../../src/index';
import { artifact, buildWebUi, collectErrors, launchChromium, startTestHub } from './browser-harness';

describe('admin password in Chromium against a hub that needs one', function () {
  this.timeout(60_000);
  let hub: RunningHub;
  let browser: Browser;

  before(async () => {
    buildWebUi();
    hub = await startTestHub({ noAuth: false, adminPasswordHash: await hashSecret('disco-inferno') });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('asks for the password, says when it is wrong, and connects with the right one', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`http://127.0.0.1:${hub.ports.http}/`);
    const dialog = page.getByTestId('admin-login');
    await dialog.waitFor();
    await dialog.locator('input[name=password]').fill('wrong');
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await dialog
      .locator('.dialog-reason')
      .filter({ hasText: /password/i })
      .waitFor();
    await dialog.waitFor();
    await page.screenshot({ path: artifact('admin-login.png') });

    await dialog.locator('input[name=password]').fill('disco-inferno');
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await page.getByTestId('link-status').filter({ hasText: 'Live' }).waitFor();
    await page.locator('[data-pattern]').first().waitFor();
    assert.equal(await dialog.isVisible(), false);
    // The browser reports the refused login (close 4004) as a failed resource; nothing else may fail.
    console.log('ERR', errors);
    assert.deepEqual(
      errors.filter((e) => !/4004|WebSocket/.test(e)),
      [],
    );
    await page.close();
  });
});
