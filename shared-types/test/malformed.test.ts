// Hand-written malformed messages, each with the exact error a sender would see.
import assert from 'node:assert/strict';
import { browserValidator, djValidator, pluginValidator, type PortValidator } from '../src';
import { BROWSER_INBOUND_EXAMPLES, DJ_INBOUND_EXAMPLES, PLUGIN_INBOUND_EXAMPLES } from './examples';

type AnyValidator = PortValidator<Record<string, never>>;
const plugin = pluginValidator as unknown as AnyValidator;
const dj = djValidator as unknown as AnyValidator;
const browser = browserValidator as unknown as AnyValidator;

const P = PLUGIN_INBOUND_EXAMPLES as Record<string, Record<string, unknown>>;
const D = DJ_INBOUND_EXAMPLES as Record<string, Record<string, unknown>>;
const B = BROWSER_INBOUND_EXAMPLES as Record<string, Record<string, unknown>>;
const entity = (over: Record<string, unknown>) => ({ id: 'block_3', x: 0.5, y: 0.5, z: 0.5, ...over });
const batch = (entities: unknown[]) => ({ ...P.batch_update, entities });
const without = (o: Record<string, unknown>, key: string) => {
  const copy = { ...o };
  delete copy[key];
  return copy;
};

/** [validator, message, expected error message] */
const CASES: [AnyValidator, unknown, string][] = [
  // :8765 batch_update
  [
    plugin,
    batch([0, 1, 2, 3].map((i) => entity({ id: `block_${i}`, scale: i === 3 ? 9 : 1 }))),
    'batch_update.entities[3].scale: expected number ≤ 4, got 9',
  ],
  [plugin, batch([entity({ scale: -1 })]), 'batch_update.entities[0].scale: expected number ≥ 0, got -1'],
  [plugin, batch([entity({ x: 1.5 })]), 'batch_update.entities[0].x: expected number ≤ 1, got 1.5'],
  [plugin, batch([entity({ y: -0.1 })]), 'batch_update.entities[0].y: expected number ≥ 0, got -0.1'],
  [plugin, batch([entity({ z: '0.5' })]), 'batch_update.entities[0].z: expected number, got "0.5"'],
  [plugin, batch([entity({ x: null })]), 'batch_update.entities[0].x: expected number, got null'],
  [
    plugin,
    batch([entity({ id: 'zombie_1' })]),
    'batch_update.entities[0].id: expected string matching ^block_[0-9]{1,4}$, got "zombie_1"',
  ],
  [plugin, batch([entity({ band: 5 })]), 'batch_update.entities[0].band: expected integer ≤ 4, got 5'],
  [plugin, batch([entity({ band: 1.5 })]), 'batch_update.entities[0].band: expected integer, got 1.5'],
  [
    plugin,
    batch([entity({ brightness: 16 })]),
    'batch_update.entities[0].brightness: expected integer ≤ 15, got 16',
  ],
  [
    plugin,
    batch([entity({ visible: 'yes' })]),
    'batch_update.entities[0].visible: expected boolean, got "yes"',
  ],
  [plugin, batch([entity({ glow: 1 })]), 'batch_update.entities[0].glow: expected boolean, got 1'],
  [
    plugin,
    batch([entity({ material: 'stone; drop' })]),
    'batch_update.entities[0].material: expected string matching ^[A-Za-z0-9_:.-]{1,64}$, got "stone; drop"',
  ],
  [
    plugin,
    batch([entity({ interpolation: 500 })]),
    'batch_update.entities[0].interpolation: expected integer ≤ 100, got 500',
  ],
  [
    plugin,
    batch(new Array(1025).fill(entity({}))),
    'batch_update.entities: expected array of at most 1024 items, got array of 1025 items',
  ],
  [plugin, batch([null]), 'batch_update.entities[0]: expected object, got null'],
  [plugin, { ...P.batch_update, entities: 'all' }, 'batch_update.entities: expected array, got "all"'],
  [
    plugin,
    { ...P.batch_update, zone: 'x'.repeat(65) },
    `batch_update.zone: expected string of at most 64 characters, got "${'x'.repeat(37)}..."`,
  ],
  [
    plugin,
    { ...P.batch_update, zone: '../etc' },
    'batch_update.zone: expected string matching ^[A-Za-z0-9_-]{1,64}$, got "../etc"',
  ],
  [plugin, without(P.batch_update!, 'zone'), 'batch_update.zone: expected string, got nothing'],
  // :8765 audio_state
  [
    plugin,
    { ...P.audio_state, bands: [0.1, 0.2, 0.3, 0.4] },
    'audio_state.bands: expected array of at least 5 items, got array of 4 items',
  ],
  [
    plugin,
    { ...P.audio_state, bands: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] },
    'audio_state.bands: expected array of at most 5 items, got array of 6 items',
  ],
  [
    plugin,
    { ...P.audio_state, bands: [0.1, 2, 0.3, 0.4, 0.5] },
    'audio_state.bands[1]: expected number ≤ 1, got 2',
  ],
  [plugin, { ...P.audio_state, amplitude: -0.5 }, 'audio_state.amplitude: expected number ≥ 0, got -0.5'],
  [plugin, { ...P.audio_state, is_beat: 'true' }, 'audio_state.is_beat: expected boolean, got "true"'],
  [plugin, { ...P.audio_state, bpm: 9000 }, 'audio_state.bpm: expected number ≤ 400, got 9000'],
  [
    plugin,
    without(P.audio_state!, 'beat_intensity'),
    'audio_state.beat_intensity: expected number, got nothing',
  ],
  [
    plugin,
    { ...P.audio_state, onsets: { kick: true, snare: false } },
    'audio_state.onsets.hat: expected boolean, got nothing',
  ],
  [
    plugin,
    { ...P.audio_state, spectrum: new Array(257).fill(0) },
    'audio_state.spectrum: expected array of at most 256 items, got array of 257 items',
  ],
  [plugin, { ...P.audio_state, frame: -1 }, 'audio_state.frame: expected integer ≥ 0, got -1'],
  [plugin, { ...P.audio_state, _seq: 'one' }, 'audio_state._seq: expected number, got "one"'],
  // :8765 commands
  [plugin, { type: 'auth', token: '' }, 'auth.token: expected string of at least 1 characters, got ""'],
  [plugin, { type: 'auth' }, 'auth.token: expected string, got nothing'],
  [
    plugin,
    { type: 'init_pool', zone: 'main', count: 2048 },
    'init_pool.count: expected integer ≤ 1024, got 2048',
  ],
  [plugin, { type: 'init_pool', zone: 'main', count: 0 }, 'init_pool.count: expected integer ≥ 1, got 0'],
  [
    plugin,
    { type: 'set_zone_config', zone: 'main', config: { size: { x: 0, y: 5, z: 5 } } },
    'set_zone_config.config.size.x: expected number ≥ 1, got 0',
  ],
  [
    plugin,
    { type: 'set_zone_config', zone: 'main', config: { entity_count: 5000 } },
    'set_zone_config.config.entity_count: expected integer ≤ 1024, got 5000',
  ],
  [plugin, { type: 'set_zone_config', zone: 'main' }, 'set_zone_config.config: expected object, got nothing'],
  [
    plugin,
    { type: 'set_pattern', pattern: 'bars', transition_s: 5 },
    'set_pattern.transition_s: expected number ≤ 3, got 5',
  ],
  [
    plugin,
    { type: 'trigger_effect', effect: 'confetti' },
    'trigger_effect.effect: expected one of "blackout", "freeze", "flash", "strobe", "pulse", "wave", "spiral", "explode", "bass_drop", "spin_up", "spin_down", got "confetti"',
  ],
  [
    plugin,
    { type: 'trigger_effect', effect: 'flash', intensity: 1.2 },
    'trigger_effect.intensity: expected number ≤ 1, got 1.2',
  ],
  [
    plugin,
    { type: 'set_entity_brightness', zone: 'main', brightness: 20 },
    'set_entity_brightness.brightness: expected integer ≤ 15, got 20',
  ],
  [
    plugin,
    { type: 'load_script', name: 'p', source: '' },
    'load_script.source: expected string of at least 1 characters, got ""',
  ],
  [
    plugin,
    { type: 'dj_info', dj_name: 'x', dj_id: 'a b', bpm: 120, is_active: true },
    'dj_info.dj_id: expected string matching ^[A-Za-z0-9_-]{1,64}$, got "a b"',
  ],
  [plugin, { type: 42 }, 'message.type: expected string, got 42'],
  // :9000
  [dj, without(D.dj_auth!, 'dj_key'), 'dj_auth.dj_key: expected string, got nothing'],
  [dj, { ...D.dj_auth, dj_id: '' }, 'dj_auth.dj_id: expected string matching ^[A-Za-z0-9_-]{1,64}$, got ""'],
  [
    dj,
    { ...D.dj_auth, dj_name: 'n'.repeat(65) },
    `dj_auth.dj_name: expected string of at most 64 characters, got "${'n'.repeat(37)}..."`,
  ],
  [
    dj,
    { ...D.code_auth, code: 'beat-7k2q' },
    'code_auth.code: expected string matching ^[A-Z]{3,12}-[A-Z0-9]{4}$, got "beat-7k2q"',
  ],
  [
    dj,
    { ...D.dj_audio_frame, bands: [1, 2, 3] },
    'dj_audio_frame.bands: expected array of at least 5 items, got array of 3 items',
  ],
  [dj, { ...D.dj_audio_frame, seq: 1.5 }, 'dj_audio_frame.seq: expected integer, got 1.5'],
  [dj, { ...D.dj_audio_frame, beat: 1 }, 'dj_audio_frame.beat: expected boolean, got 1'],
  [dj, { ...D.dj_audio_frame, bpm: -5 }, 'dj_audio_frame.bpm: expected number ≥ 0, got -5'],
  [dj, without(D.dj_audio_frame!, 'i_kick'), 'dj_audio_frame.i_kick: expected boolean, got nothing'],
  [
    dj,
    { ...D.dj_audio_frame, spectrum: new Array(300).fill(0) },
    'dj_audio_frame.spectrum: expected array of at most 256 items, got array of 300 items',
  ],
  [dj, { type: 'dj_heartbeat' }, 'dj_heartbeat.ts: expected number, got nothing'],
  [
    dj,
    { type: 'clock_sync_response', dj_recv_time: 'now', dj_send_time: 1 },
    'clock_sync_response.dj_recv_time: expected number, got "now"',
  ],
  // :8766
  [
    browser,
    { type: 'set_transition_duration', duration: 3.5 },
    'set_transition_duration.duration: expected number ≤ 3, got 3.5',
  ],
  [browser, { type: 'set_entity_count', count: 0 }, 'set_entity_count.count: expected integer ≥ 1, got 0'],
  [
    browser,
    { type: 'set_entity_count', count: 1025 },
    'set_entity_count.count: expected integer ≤ 1024, got 1025',
  ],
  [
    browser,
    { type: 'set_band_sensitivity', band: 5, sensitivity: 1 },
    'set_band_sensitivity.band: expected integer ≤ 4, got 5',
  ],
  [
    browser,
    { type: 'set_band_sensitivity', band: 0, sensitivity: 2.5 },
    'set_band_sensitivity.sensitivity: expected number ≤ 2, got 2.5',
  ],
  [
    browser,
    { type: 'set_band_materials', materials: ['a', 'b'] },
    'set_band_materials.materials: expected array of at least 5 items, got array of 2 items',
  ],
  [
    browser,
    { type: 'set_preset', preset: 'polka' },
    'set_preset.preset: expected one of "auto", "edm", "chill", "rock", "hiphop", "folk", "classical", got "polka"',
  ],
  [browser, { type: 'set_blackout', enabled: 'on' }, 'set_blackout.enabled: expected boolean, got "on"'],
  [
    browser,
    { type: 'save_scene', name: 'my scene' },
    'save_scene.name: expected string matching ^[A-Za-z0-9_-]{1,64}$, got "my scene"',
  ],
  [
    browser,
    { type: 'reorder_dj_queue', dj_id: 'dj_one', new_position: -1 },
    'reorder_dj_queue.new_position: expected integer ≥ 0, got -1',
  ],
  [
    browser,
    { type: 'generate_connect_code', ttl_minutes: 0 },
    'generate_connect_code.ttl_minutes: expected number ≥ 1, got 0',
  ],
  [
    browser,
    { type: 'set_audio_setting', setting: 'Attack Time', value: 1 },
    'set_audio_setting.setting: expected string matching ^[a-z][a-z0-9_]{0,63}$, got "Attack Time"',
  ],
  [
    browser,
    { type: 'set_audio_setting', setting: 'attack', value: null },
    'set_audio_setting.value: expected one of number, boolean, string, got null',
  ],
  [browser, { type: 'vj_auth', password: 7 }, 'vj_auth.password: expected string, got 7'],
  [browser, { ...B.set_pattern, zones: 'main' }, 'set_pattern.zones: expected array, got "main"'],
];

describe('malformed messages', () => {
  it(`covers at least 50 variants (${CASES.length})`, () => {
    assert.ok(CASES.length >= 50);
  });

  CASES.forEach(([validator, message, expected], i) => {
    const label =
      typeof message === 'object' && message !== null
        ? String((message as { type?: unknown }).type)
        : String(message);
    it(`rejects ${label} (${i + 1}/${CASES.length}) with "${expected.slice(0, 70)}"`, () => {
      const result = validator.validate(message);
      assert.ok(!result.ok, 'should have been rejected');
      assert.equal(result.error.message, expected);
      assert.ok(result.error.code === 'INVALID_FIELD', `code ${result.error.code}`);
    });
  });
});
