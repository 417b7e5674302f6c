import assert from 'node:assert/strict';
import { AUDIO_PRESETS, PRESET_NAMES } from '../src';

describe('AUDIO_PRESETS', () => {
  it('defines every preset name of the protocol, under its own name', () => {
    assert.deepEqual(Object.keys(AUDIO_PRESETS).sort(), [...PRESET_NAMES].sort());
    for (const [key, preset] of Object.entries(AUDIO_PRESETS)) assert.equal(preset.name, key);
  });

  it('keeps every value inside the ranges the protocol accepts', () => {
    for (const preset of Object.values(AUDIO_PRESETS)) {
      assert.equal(preset.bandSensitivity.length, 5);
      for (const s of preset.bandSensitivity) assert.ok(s >= 0 && s <= 2, `${preset.name} sensitivity ${s}`);
      assert.ok(preset.attack > 0 && preset.attack <= 1);
      assert.ok(preset.release > 0 && preset.release <= 1);
      assert.ok(preset.minBeatIntervalMs >= 200 && preset.minBeatIntervalMs <= 1000);
    }
  });
});
