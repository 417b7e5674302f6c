import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import type { RunningHub } from '../../src/index';
import {
  artifact,
  buildWebUi,
  collectErrors,
  eventually,
  launchChromium,
  startTestHub,
  TestDj,
} from './browser-harness';

describe('admin panel in Chromium against a real hub', function () {
  this.timeout(60_000);
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  before(async () => {
    buildWebUi();
    hub = await startTestHub();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    errors = collectErrors(page);
    await page.goto(`http://127.0.0.1:${hub.ports.http}/`);
    await page.getByTestId('link-status').filter({ hasText: 'Live' }).waitFor();
    await page.locator('[data-pattern]').first().waitFor();
  });

  after(async () => {
    await page?.screenshot({ path: artifact('panel.png'), fullPage: true });
    await browser?.close();
    await hub?.close();
  });

  it('loads without console errors and shows the hub’s patterns and zones', async () => {
    const patterns = await page
      .locator('[data-pattern]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-pattern')));
    assert.deepEqual(
      patterns,
      hub.store.patterns.map((p) => p.id),
    );
    const zones = await page.getByTestId('pattern-zone').locator('option').allTextContents();
    assert.deepEqual(zones, ['All zones', ...hub.store.zones.map((z) => z.name)]);
    assert.deepEqual(errors, []);
  });

  it('toggles blackout with the button and freeze with F, showing the state only once the hub confirms', async () => {
    await page.getByTestId('blackout').click();
    await eventually('blackout in the hub', () => hub.store.blackout);
    await eventually(
      'blackout pressed',
      async () => (await page.getByTestId('blackout').getAttribute('aria-pressed')) === 'true',
    );
    await page.locator('body').press('f');
    await eventually('freeze in the hub', () => hub.store.freeze);
    await eventually(
      'freeze pressed',
      async () => (await page.getByTestId('freeze').getAttribute('aria-pressed')) === 'true',
    );
    await page.locator('body').press('b');
    await page.locator('body').press('f');
    await eventually('both off', () => !hub.store.blackout && !hub.store.freeze);
    // The hub's confirmation reaches the page a moment after its store changes.
    await eventually(
      'blackout released',
      async () => (await page.getByTestId('blackout').getAttribute('aria-pressed')) === 'false',
    );
  });

  it('sets a pattern from the grid and with a number key, and marks the current one', async () => {
    const [first, second] = hub.store.patterns;
    assert.ok(first && second, 'the engine lists at least two patterns');
    await page.locator(`[data-pattern="${second.id}"]`).click();
    await eventually('pattern in the hub', () =>
      Object.values(hub.store.currentPatterns).every((p) => p === second.id),
    );
    await eventually(
      'marked',
      async () =>
        (await page.locator(`[data-pattern="${second.id}"]`).getAttribute('aria-pressed')) === 'true',
    );
    await page.locator('body').press('1');
    await eventually('key 1 selects the first pattern', () =>
      Object.values(hub.store.currentPatterns).every((p) => p === first.id),
    );
  });

  it('spreads a burst of key presses under the hub’s rate limit instead of having them refused', async () => {
    const [first, second] = hub.store.patterns;
    assert.ok(first && second);
    const keys = Array.from({ length: 15 }, (_, i) => (i % 2 === 0 ? '1' : '2'));
    for (const key of keys) await page.locator('body').press(key);
    await eventually(
      'the last key’s pattern',
      () => Object.values(hub.store.currentPatterns).every((p) => p === first.id),
      15_000,
    );
    const toasts = await page.evaluate(() => document.getElementById('toasts')?.textContent ?? '');
    assert.doesNotMatch(toasts, /rate/i);
  });

  it('draws the selected zone’s pattern controls from the hub’s schema, and sets and resets a value', async () => {
    const zone = hub.store.zones[0]?.name as string;
    const paramsOf = () => hub.store.zones.find((z) => z.name === zone)?.params ?? {};
    const controls = page.getByTestId('pattern-params');
    await controls.getByText('Pick one zone to tune its pattern.').waitFor();

    await page.getByTestId('pattern-zone').selectOption(zone);
    await page.locator('[data-pattern="bars"]').click();
    await eventually(
      'bars on the zone',
      () => hub.store.zones.find((z) => z.name === zone)?.pattern === 'bars',
    );
    const names = () =>
      controls.locator('[data-param]').evaluateAll((els) => els.map((e) => e.getAttribute('data-param')));
    await eventually('the controls of bars', async () =>
      isDeepStrictEqual(await names(), ['sensitivity', 'depth', 'peak_fall']),
    );
    assert.deepEqual(paramsOf(), {});
    const depth = controls.locator('[data-param="depth"]');
    const depthRow = controls.locator('label', { has: page.locator('[data-param="depth"]') });
    const spec = hub.store.patterns.find((p) => p.id === 'bars')?.params?.['depth'];
    assert.ok(spec?.type === 'number');
    assert.ok((await depthRow.textContent())?.startsWith(`${spec.description}depth`), 'labelled by the hub');
    assert.deepEqual(
      [await depth.getAttribute('min'), await depth.getAttribute('max'), await depth.getAttribute('step')],
      [String(spec.min), String(spec.max), '0.01'],
    );
    assert.equal(await depth.inputValue(), String(spec.default), 'unset: the default');

    await depth.fill('1');
    await depth.dispatchEvent('change');
    await eventually('depth set in the hub', () => isDeepStrictEqual(paramsOf(), { depth: 1 }));
    assert.equal(await depth.inputValue(), '1');
    // Drawn again from the panel's store (after the reply and the `zones` broadcast), not from the drag.
    await depth.blur();
    await page.getByTestId('pattern-zone').selectOption('*');
    await controls.getByText('Pick one zone to tune its pattern.').waitFor();
    await page.getByTestId('pattern-zone').selectOption(zone);
    await eventually('depth still 1', async () => (await depth.inputValue()) === '1');
    assert.equal(await depthRow.locator('output').textContent(), '1.00');

    await page.getByTestId('params-reset').click();
    await eventually('params cleared in the hub', () => isDeepStrictEqual(paramsOf(), {}));
    await eventually(
      'depth back at its default',
      async () => (await depth.inputValue()) === String(spec.default),
    );
    await page.getByTestId('pattern-zone').selectOption('*');
  });

  it('sets the preset, a band sensitivity and the transition duration', async () => {
    await page.locator('[data-preset="edm"]').click();
    await eventually('preset', () => hub.store.preset === 'edm');
    await eventually(
      'preset marked',
      async () => (await page.locator('[data-preset="edm"]').getAttribute('aria-pressed')) === 'true',
    );
    await page.getByTestId('sensitivity-0').fill('1.5');
    await page.getByTestId('sensitivity-0').dispatchEvent('change');
    await eventually('bass sensitivity', () => hub.store.bandSensitivity[0] === 1.5);
    await page.getByTestId('attack').fill('0.42');
    await page.getByTestId('attack').dispatchEvent('change');
    await eventually('attack', () => hub.store.audioSettings.attack === 0.42);
    await page.getByTestId('transition').fill('2.5');
    await page.getByTestId('transition').dispatchEvent('change');
    await eventually('transition', () => hub.store.transitionDuration === 2.5);
  });

  it('triggers an effect and flashes its button when the hub announces it', async () => {
    await page.locator('[data-effect="strobe"]').click();
    await eventually(
      'effect_triggered reflected',
      async () => (await page.locator('[data-effect="strobe"]').getAttribute('data-fired')) === '1',
    );
  });

  it('generates a connect code with its expiry, and saves and lists a scene', async () => {
    await page.getByTestId('generate-code').click();
    const code = await eventually('a code', async () => {
      const text = await page.getByTestId('connect-code').textContent();
      return text && /^[A-Z]{3,12}-[A-Z0-9]{4}$/.test(text) ? text : null;
    });
    assert.match((await page.getByTestId('connect-code-expiry').textContent()) ?? '', /expires in (29|30):/);
    assert.ok(code);
    await page.getByTestId('scene-name').fill('drop_1');
    await page.getByTestId('save-scene').click();
    await page.locator('[data-scene="drop_1"]').waitFor();
    assert.ok(hub.store.sceneNames().includes('drop_1'));
  });

  it('shows connecting DJs, approves a code login and puts a DJ live', async () => {
    const anna = await TestDj.connect(hub.ports.dj, {
      type: 'dj_auth',
      dj_id: 'anna',
      dj_key: 'k',
      dj_name: 'Anna',
    });
    await anna.waitFor('auth_success');
    await page.locator('[data-dj="anna"]').first().waitFor();

    const before = await page.getByTestId('connect-code').textContent();
    await page.getByTestId('generate-code').click();
    const code = await eventually('a fresh code', async () => {
      const text = await page.getByTestId('connect-code').textContent();
      return text !== before && hub.store.codes.active().some((c) => c.code === text) ? text : null;
    });
    const ben = await TestDj.connect(hub.ports.dj, { type: 'code_auth', code, dj_name: 'Ben' });
    await ben.waitFor('auth_pending');
    const pendingRow = page.getByTestId('dj-pending').locator('li[data-dj]');
    await pendingRow.waitFor();
    await pendingRow.getByRole('button', { name: 'Approve' }).click();
    await ben.waitFor('auth_success');

    const benId = String(ben.received.find((m) => m['type'] === 'auth_success')?.['dj_id']);
    await page
      .getByTestId('dj-roster')
      .locator(`[data-dj="${benId}"]`)
      .getByRole('button', { name: 'Go live' })
      .click();
    await eventually('Ben live', () => hub.store.djs.active === benId);
    await eventually('roster marks Ben live', async () =>
      (await page.getByTestId('dj-roster').locator(`[data-dj="${benId}"]`).getAttribute('class'))?.includes(
        'live',
      ),
    );
    anna.close();
    ben.close();
  });

  it('reorders the queue and kicks a DJ after the operator confirms', async () => {
    const djs = await Promise.all(
      ['cara', 'dan'].map(async (id) => {
        const dj = await TestDj.connect(hub.ports.dj, {
          type: 'dj_auth',
          dj_id: id,
          dj_key: 'k',
          dj_name: id,
        });
        await dj.waitFor('auth_success');
        return dj;
      }),
    );
    const roster = page.getByTestId('dj-roster');
    await roster.locator('[data-dj="dan"]').waitFor();
    const order = () => hub.store.djs.snapshot().djs.map((d) => d.dj_id);
    const before = order();
    await roster.locator('[data-dj="dan"]').getByRole('button', { name: /up/ }).click();
    await eventually('dan moved up', () => order().indexOf('dan') === before.indexOf('dan') - 1);
    page.once('dialog', (dialog) => void dialog.accept());
    await roster.locator('[data-dj="cara"]').getByRole('button', { name: 'Kick' }).click();
    await eventually('cara kicked', () => !hub.store.djs.has('cara'));
    await roster.locator('[data-dj="cara"]').waitFor({ state: 'detached' });
    djs.forEach((dj) => dj.close());
  });

  it('applies band materials, zone settings and pool commands', async () => {
    const zone = hub.store.zones[0]?.name as string;
    const materials = [
      'minecraft:red_wool',
      'minecraft:orange_wool',
      'minecraft:yellow_wool',
      'minecraft:lime_wool',
      'minecraft:blue_wool',
    ];
    for (const [band, material] of materials.entries())
      await page.getByTestId(`material-${band}`).fill(material);
    await page.getByTestId('apply-materials').click();
    await eventually(
      'materials',
      () => hub.store.zoneConfigs.get(zone)?.materials?.join() === materials.join(),
    );

    const commands: string[] = [];
    hub.store.events.zoneCommand.on((c) => commands.push(c.type));
    const details = page.locator(`details[data-zone="${zone}"]`);
    await details.locator('summary').click();
    const form = details.locator('form');
    await form.getByLabel('Rotation').fill('90');
    await form.getByLabel('Entities').fill('100');
    await form.getByRole('button', { name: 'Apply' }).click();
    await eventually('zone config', () => {
      const config = hub.store.zoneConfigs.get(zone);
      return config?.rotation === 90 && config.entity_count === 100;
    });
    await form.getByRole('button', { name: 'Init pool' }).click();
    await eventually('init_pool', () => commands.includes('init_pool'));
    page.once('dialog', (dialog) => void dialog.accept());
    await form.getByRole('button', { name: 'Clean up' }).click();
    await eventually('cleanup_zone', () => commands.includes('cleanup_zone'));
    await page.keyboard.press('Escape');
    await eventually(
      'Esc folds the zone panel',
      async () => !(await details.evaluate((d) => (d as HTMLDetailsElement).open)),
    );
  });

  it('loads and deletes a saved scene', async () => {
    const row = page.locator('[data-scene="drop_1"]');
    await row.getByRole('button', { name: 'Load' }).click();
    await row.getByRole('button', { name: /Delete/ }).click();
    await row.waitFor({ state: 'detached' });
    assert.equal(hub.store.sceneNames().includes('drop_1'), false);
    // A built-in scene is listed and loads, but offers no delete.
    const builtIn = page.locator('[data-scene="club_night"]');
    assert.equal(await builtIn.getByRole('button', { name: /Delete/ }).count(), 0);
    await builtIn.getByRole('button', { name: 'Load' }).click();
    await eventually('the built-in scene loaded', () =>
      Object.values(hub.store.currentPatterns).every((p) => p === 'laser_fan'),
    );
  });

  it('taps the tempo with Space', async () => {
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press(' ');
      await page.waitForTimeout(250);
    }
    const bpm = Number.parseFloat((await page.getByTestId('tap-bpm').textContent()) ?? '');
    assert.ok(bpm > 150 && bpm < 300, `tapped ${bpm} BPM`);
  });

  it('marks a DJ whose frames the hub refuses, so a dark show has a visible cause', async () => {
    const dj = await TestDj.connect(hub.ports.dj, {
      type: 'dj_auth',
      dj_id: 'broken',
      dj_key: 'k',
      dj_name: 'Broken',
    });
    await dj.waitFor('auth_success');
    dj.frame([0.5, 0.5]); // two bands instead of five: refused
    const badge = page
      .getByTestId('dj-roster')
      .locator('[data-dj="broken"]')
      .getByTestId('dj-frames-refused');
    await badge.filter({ hasText: 'show dark' }).waitFor();
    dj.frame([0.5, 0.5, 0.5, 0.5, 0.5]);
    await badge.filter({ hasText: '1 frame refused' }).waitFor();
    dj.close();
  });

  it('logged no console error during the whole session', () => {
    assert.deepEqual(errors, []);
  });
});
