import assert from 'node:assert/strict';
import { MAX_HUB_TO_DJ_MESSAGE_BYTES } from '../src/limits';
import { mcavPresetSettings } from '../src/compat/dj-link';
import { readHubMessage } from '../src/compat/hub-replies';

const read = (message: unknown) => readHubMessage(JSON.stringify(message));

describe('readHubMessage', () => {
  it('reads our own hub replies as dj.ts describes them, and an older hub’s bare preset name', () => {
    const expected = { ok: true, value: { type: 'preset_sync', preset: mcavPresetSettings('chill') } };
    assert.deepEqual(read({ type: 'preset_sync', preset: mcavPresetSettings('chill') }), expected);
    assert.deepEqual(read({ type: 'preset_sync', preset: 'chill' }), expected);
  });

  it('takes the preset name out of MCAV’s preset_sync object, in any case', () => {
    const result = read({
      type: 'preset_sync',
      preset: {
        name: 'HipHop',
        attack: 0.5,
        release: 0.1,
        beat_threshold: 1.2,
        band_sensitivity: [1, 1, 1, 1, 1],
      },
    });
    assert.equal(result.ok && result.value.type === 'preset_sync' && result.value.preset.name, 'hiphop');
  });

  it('refuses a preset_sync object whose name is no preset of ours, naming the field', () => {
    const result = read({ type: 'preset_sync', preset: { attack: 0.5 } });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error.message : '', /^preset_sync\.preset/);
    assert.equal(!result.ok && result.error.type, 'preset_sync');
  });

  it('keeps the routing fields of a stream_route and drops its pattern sources', () => {
    const result = read({
      type: 'stream_route',
      route_mode: 'dual',
      is_active: true,
      minecraft_host: 'mc.example',
      minecraft_port: 25575,
      zone: 'main',
      pattern_scripts: [{ id: 'spectrum', source: 'x'.repeat(1000) }],
    });
    assert.deepEqual(result, {
      ok: true,
      value: {
        type: 'stream_route',
        route_mode: 'dual',
        is_active: true,
        minecraft_host: 'mc.example',
        minecraft_port: 25575,
        zone: 'main',
      },
    });
  });

  it('ignores stream_route address fields that are out of range rather than refusing the route', () => {
    const result = read({
      type: 'stream_route',
      route_mode: 'relay',
      is_active: false,
      minecraft_port: 70000,
    });
    assert.deepEqual(result, {
      ok: true,
      value: { type: 'stream_route', route_mode: 'relay', is_active: false },
    });
  });

  for (const [field, route] of [
    ['route_mode', { route_mode: 'broadcast', is_active: true }],
    ['is_active', { route_mode: 'relay' }],
  ] as const)
    it(`refuses a stream_route with a bad ${field}`, () => {
      const result = read({ type: 'stream_route', ...route });
      assert.equal(!result.ok && result.error.code, 'INVALID_FIELD');
      assert.match(!result.ok ? result.error.message : '', new RegExp(`^stream_route\\.${field}`));
    });

  it('names the type of an unknown message, and says when a frame is not JSON', () => {
    const unknown = read({ type: 'pattern_sync', pattern: 'spectrum' });
    assert.deepEqual(!unknown.ok && [unknown.error.code, unknown.error.type], [
      'UNKNOWN_TYPE',
      'pattern_sync',
    ]);
    const garbage = readHubMessage('{"type": "stream_route"');
    assert.deepEqual(!garbage.ok && [garbage.error.code, garbage.error.type], ['INVALID_JSON', null]);
  });

  it('accepts a message up to MAX_HUB_TO_DJ_MESSAGE_BYTES and refuses one past it', () => {
    const route = { type: 'stream_route', route_mode: 'relay', is_active: true, pad: '' };
    const room = MAX_HUB_TO_DJ_MESSAGE_BYTES - JSON.stringify(route).length;
    assert.equal(read({ ...route, pad: 'x'.repeat(room) }).ok, true);
    const over = read({ ...route, pad: 'x'.repeat(room + 1) });
    assert.equal(!over.ok && over.error.code, 'MESSAGE_TOO_BIG');
  });
});
