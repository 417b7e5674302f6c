import assert from 'node:assert/strict';
import { canonicalMaterial, patternName, readPluginMessage } from '../src';

describe('compat/plugin-link', () => {
  it('writes every spelling of a material as one namespaced id', () => {
    for (const name of [
      'SEA_LANTERN',
      'sea_lantern',
      'minecraft:sea_lantern',
      'Minecraft:Sea_Lantern',
      ' sea_lantern ',
    ])
      assert.equal(canonicalMaterial(name), 'minecraft:sea_lantern', name);
    assert.equal(canonicalMaterial('create:andesite_casing'), 'create:andesite_casing');
  });

  it('refuses what cannot be a block id', () => {
    for (const name of ['', ':', 'a:b:c', 'sea lantern', 'ÄÖÜ', 'x'.repeat(70), '../../etc'])
      assert.equal(canonicalMaterial(name), null, JSON.stringify(name));
  });

  it('maps MCAV pattern names and leaves ours alone', () => {
    assert.equal(patternName('spectrum'), 'bars');
    assert.equal(patternName('galaxy'), 'galaxy');
  });

  it('fills in and clamps what MCAV leaves out or sends hot, and skips only the bad entity', () => {
    const result = readPluginMessage(
      JSON.stringify({
        type: 'batch_update',
        zone: 'main',
        entities: [
          { id: 'block_0', scale: 0 },
          { id: 'block_1', x: 2, rotation: 725, brightness: 14.6, material: 'GLOWSTONE', text: 'hi' },
          { id: 'block_2', visible: 'yes' },
          'nonsense',
        ],
        amplitude: 5,
        beat_intensity: 2,
      }),
    );
    assert.ok(result.ok);
    assert.deepEqual(result.value.type === 'batch_update' && result.value.entities, [
      { id: 'block_0', scale: 0 },
      { id: 'block_1', x: 1, brightness: 15, rotation: 5, material: 'minecraft:glowstone' },
    ]);
    assert.deepEqual(
      result.skipped.map((s) => [s.index, s.id]),
      [
        [2, 'block_2'],
        [3, null],
      ],
    );
    assert.equal(result.value.type === 'batch_update' && result.value.amplitude, 1);
  });

  it('gives audio_state a bpm of 0 (unknown) when there is none', () => {
    const result = readPluginMessage(
      JSON.stringify({
        type: 'audio_state',
        zone: 'main',
        bands: [1, 1, 1, 1, 1],
        amplitude: 5,
        is_beat: false,
        beat_intensity: 0,
        frame: 1,
      }),
    );
    assert.ok(result.ok);
    assert.equal(result.value.type === 'audio_state' && result.value.bpm, 0);
  });

  it('answers MCAV-only requests UNSUPPORTED and still refuses unknown types and bad JSON', () => {
    const unsupported = readPluginMessage('{"type":"get_stages"}');
    assert.equal(!unsupported.ok && unsupported.error.code, 'UNSUPPORTED');
    const unknown = readPluginMessage('{"type":"teleport"}');
    assert.equal(!unknown.ok && unknown.error.code, 'UNKNOWN_TYPE');
    const json = readPluginMessage('{nope');
    assert.equal(!json.ok && json.error.code, 'INVALID_JSON');
  });

  it("reads MCAV's dj_info for no DJ (empty id, no bpm) and its free-text ids as names", () => {
    const none = readPluginMessage('{"type":"dj_info","dj_name":"","dj_id":"","is_active":false}');
    assert.ok(none.ok);
    assert.deepEqual(none.value, { type: 'dj_info', dj_name: '', dj_id: 'none', is_active: false, bpm: 0 });
    const named = readPluginMessage(
      JSON.stringify({
        type: 'dj_info',
        dj_name: 'x'.repeat(80),
        dj_id: 'dj 1@home',
        bpm: 128,
        is_active: true,
      }),
    );
    assert.ok(named.ok && named.value.type === 'dj_info');
    assert.equal(named.value.dj_id, 'dj_1_home');
    assert.equal(named.value.dj_name.length, 64);
  });

  it("takes MCAV's tempo_conf as tempo_confidence and its renderer_capabilities request as ours", () => {
    const audio = readPluginMessage(
      JSON.stringify({
        type: 'audio_state',
        zone: 'main',
        bands: [0, 0, 0, 0, 0],
        amplitude: 0,
        is_beat: false,
        beat_intensity: 0,
        tempo_conf: 0.7,
        frame: 3,
      }),
    );
    assert.equal(audio.ok && audio.value.type === 'audio_state' && audio.value.tempo_confidence, 0.7);
    const caps = readPluginMessage('{"type":"renderer_capabilities","zone":"main"}');
    assert.equal(caps.ok && caps.value.type, 'get_renderer_capabilities');
  });

  it('answers every MCAV-only request UNSUPPORTED, naming it', () => {
    for (const type of ['get_stage_templates', 'bitmap_chat', 'set_particle_effect', 'set_ambient_lights']) {
      const reply = readPluginMessage(JSON.stringify({ type }));
      assert.ok(!reply.ok);
      assert.equal(reply.error.code, 'UNSUPPORTED');
      assert.match(reply.error.message, new RegExp(type));
    }
  });
});
