import { strict as assert } from 'node:assert';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  serializeSettings,
  smoothingFactors,
} from '../../src/show/settings';

describe('settings', () => {
  it('reads back what it wrote', () => {
    const { settings, problems } = parseSettings(serializeSettings({ preset: 'chill', transitionS: 2 }));
    assert.deepEqual(settings, { preset: 'chill', transitionS: 2 });
    assert.deepEqual(problems, []);
  });

  it('uses the defaults for a missing or damaged document and says why', () => {
    assert.deepEqual(parseSettings(null).settings, DEFAULT_SETTINGS);
    assert.match(parseSettings('{').problems[0]!, /not valid JSON/);
    const bad = parseSettings('{"preset":"jazz","transitionS":9}');
    assert.deepEqual(bad.settings, DEFAULT_SETTINGS);
    assert.equal(bad.problems.length, 2);
  });

  it('turns per-60 Hz attack/release into per-tick factors', () => {
    const oneFrame = smoothingFactors('auto', 1 / 60);
    assert.ok(Math.abs(oneFrame.rise - 0.6) < 1e-9 && Math.abs(oneFrame.fall - 0.15) < 1e-9);
    const tick = smoothingFactors('auto', 0.05);
    assert.ok(Math.abs(tick.rise - (1 - 0.4 ** 3)) < 1e-9);
  });
});
