/**
 * `zoneEntities` (what the hub's preview draws) shows each entity as the zone frame the Minecraft host reads:
 * overrides first, the zone's beat glow lighting every entity, dynamic brightness scaling the zone's.
 */
import { strict as assert } from 'node:assert';
import { createEngine } from '../src/engine';
import { RecordingHost } from './recording-host';

function setup() {
  const host = new RecordingHost();
  const engine = createEngine(host);
  engine.clientConnected('vj', true);
  const ask = (msg: unknown): void => {
    engine.enqueue('vj', JSON.stringify(msg));
    host.time += 50;
    host.apply(engine.tick());
    host.take('vj');
  };
  engine.command({ name: 't', permissions: ['audioviz.admin'], location: null }, [
    'zone',
    'create',
    'stage',
    'default',
    'world',
    '0',
    '64',
    '0',
  ]);
  ask({ type: 'init_pool', zone: 'stage', count: 4 });
  ask({ type: 'set_pattern', zone: 'stage', pattern: 'bars' });
  // Music, so every bar is up (a hidden entity has no look to compare), with highs too low to light them.
  const music = {
    type: 'audio_state',
    bands: [0.8, 0.8, 0.8, 0.3, 0.3],
    amplitude: 0.8,
    is_beat: false,
    beat_intensity: 0,
    bpm: 120,
  };
  for (let t = 0; t < 5; t++) ask(music);
  const entities = () => {
    const shown = engine.zoneEntities('stage');
    assert.ok(shown.length === 4 && shown.every((e) => e.visible === true), 'every entity is shown');
    return shown;
  };
  return { engine, ask, entities };
}

describe('the preview sees entities as the Minecraft host shows them', () => {
  it('lets a glow, brightness or material override win over the pattern', () => {
    const { ask, entities } = setup();
    ask({ type: 'set_entity_glow', zone: 'stage', glow: true, entities: ['block_1'] });
    ask({ type: 'set_entity_brightness', zone: 'stage', brightness: 3, entities: ['block_2'] });
    ask({
      type: 'batch_update',
      zone: 'stage',
      entities: [{ id: 'block_3', material: 'minecraft:sea_lantern' }],
    });
    const [, one, two, three] = entities();
    assert.equal(one?.glow, true);
    assert.equal(two?.brightness, 3);
    assert.equal(three?.material, 'minecraft:sea_lantern');
  });

  it('lights every entity on a beat when the zone glows on the beat, except one forced off', () => {
    const { ask, entities } = setup();
    ask({ type: 'set_zone_config', zone: 'stage', config: { glow_on_beat: true } });
    ask({ type: 'set_entity_glow', zone: 'stage', glow: false, entities: ['block_0'] });
    assert.ok(
      entities().every((e) => e.glow !== true),
      'no beat yet: nothing glows',
    );
    ask({
      type: 'audio_state',
      bands: [1, 1, 1, 1, 1],
      amplitude: 1,
      is_beat: true,
      beat_intensity: 1,
      bpm: 120,
    });
    assert.deepEqual(
      entities().map((e) => e.glow),
      [false, true, true, true],
    );
  });

  it('scales the zone brightness by the pattern light when brightness is dynamic, and not otherwise', () => {
    const { ask, entities } = setup();
    ask({ type: 'set_zone_config', zone: 'stage', config: { brightness: 10, dynamic_brightness: false } });
    assert.ok(entities().every((e) => e.brightness === 10));
    ask({ type: 'set_zone_config', zone: 'stage', config: { dynamic_brightness: true } });
    for (const e of entities())
      assert.ok((e.brightness ?? -1) >= 0 && (e.brightness ?? 99) <= 10, String(e.brightness));
  });
});
