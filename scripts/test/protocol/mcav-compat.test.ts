/**
 * The :8765 traffic of MCAV's VJ server and renderers through the real engine: Bukkit material names, entities
 * that only hide, hot levels, no `bpm`, its default zone `main` and pattern `spectrum`, update_entity and the
 * requests we have no feature for.
 */
import { strict as assert } from 'node:assert';
import { createEngine } from '../../src/engine';
import { RecordingHost } from '../recording-host';

function setup(zoneName = 'stage') {
  const host = new RecordingHost();
  const engine = createEngine(host);
  engine.clientConnected('vj', true);
  engine.command({ name: 't', permissions: ['audioviz.admin'], location: null }, [
    'zone',
    'create',
    zoneName,
    'default',
    'world',
    '0',
    '64',
    '0',
  ]);
  const tick = (): void => {
    host.time += 50;
    host.apply(engine.tick());
  };
  const ask = (msg: unknown): Record<string, unknown>[] => {
    engine.enqueue('vj', JSON.stringify(msg));
    tick();
    return host.take('vj');
  };
  ask({ type: 'init_pool', zone: zoneName, count: 8, block_type: 'GLOWSTONE' });
  tick();
  return { host, engine, ask, tick };
}

describe('MCAV renderer traffic on :8765', () => {
  it('gives its default zone "main" this server’s first zone, so its frames land', () => {
    const { ask, engine } = setup('stage');
    const [reply] = ask({
      type: 'batch_update',
      zone: 'main',
      entities: [{ id: 'block_0', x: 0.25, y: 0.5, z: 0.5, scale: 1 }],
      _seq: 4,
    });
    assert.deepEqual(reply, { type: 'batch_updated', zone: 'stage', updated: 1, _seq: 4 });
    assert.equal(engine.zoneEntities('stage')[0]?.x, 0.25);
  });

  it('applies Bukkit material names as namespaced ids', () => {
    const { ask, host, tick } = setup();
    ask({
      type: 'batch_update',
      zone: 'stage',
      entities: [{ id: 'block_1', material: 'SEA_LANTERN', scale: 1 }],
    });
    tick();
    assert.equal(host.entities('stage')[1]?.material, 'minecraft:sea_lantern');
    assert.equal(
      host.entities('stage')[0]?.material,
      'minecraft:glowstone',
      'init_pool.block_type is the pool material',
    );
  });

  it('shows every entity its frame gives a size, also those the pattern had hidden (it never sends visible)', () => {
    const { ask, host, tick } = setup();
    const hiddenByPattern = host.entities('stage').filter((e) => e.scale === 0).length;
    assert.ok(hiddenByPattern > 0, 'a silent pattern hides some entities: the case this is about');
    ask({
      type: 'batch_update',
      zone: 'main',
      entities: Array.from({ length: 8 }, (_, i) => ({
        id: `block_${i}`,
        x: 0.5,
        y: 0.5,
        z: 0.5,
        scale: 1.25,
      })),
    });
    tick();
    assert.deepEqual(
      host.entities('stage').map((e) => e.scale),
      Array(8).fill(1.25),
    );
  });

  it('keeps the position of an entity that only hides, and clamps hot levels instead of refusing the frame', () => {
    const { ask, engine } = setup();
    ask({ type: 'batch_update', zone: 'stage', entities: [{ id: 'block_2', x: 0.7, y: 0.2, z: 0.1 }] });
    const replies = ask({
      type: 'batch_update',
      zone: 'stage',
      entities: [{ id: 'block_2', scale: 0 }],
      bands: [0.4, 0.4, 0.4, 0.4, 0.4],
      amplitude: 4.5,
      is_beat: true,
      beat_intensity: 5,
    });
    assert.deepEqual(replies, []);
    const e = engine.zoneEntities('stage')[2];
    assert.deepEqual([e?.x, e?.y, e?.scale], [Math.fround(0.7), Math.fround(0.2), 0]);
  });

  it('applies the good entities of a batch and names the bad one, at most once a second', () => {
    const { ask, engine, host } = setup();
    const bad = {
      type: 'batch_update',
      zone: 'stage',
      entities: [{ id: 'block_3', x: 0.9 }, { id: 'block_4', scale: 'big' }, { id: 'zombie' }],
    };
    const [error] = ask(bad);
    assert.equal(error?.['code'], 'INVALID_FIELD');
    assert.match(
      String(error?.['message']),
      /skipped 2 entities.*entities\[1\] \(block_4\): scale must be a number/,
    );
    assert.equal(engine.zoneEntities('stage')[3]?.x, Math.fround(0.9));
    assert.deepEqual(ask(bad), [], 'the next one within a second is not reported again');
    host.time += 1000;
    assert.equal(ask(bad).length, 1);
  });

  it('takes audio_state without bpm and with levels above 1', () => {
    const { ask } = setup();
    const replies = ask({
      type: 'audio_state',
      zone: 'main',
      bands: [0.9, 0.5, 0.3, 0.2, 0.1],
      amplitude: 3,
      is_beat: true,
      beat_intensity: 5,
      frame: 42,
    });
    assert.deepEqual(replies, [], 'no error: no bpm is "unknown", hot levels are full scale');
  });

  it('maps its pattern names onto ours', () => {
    const { ask } = setup();
    const [reply] = ask({ type: 'set_pattern', pattern: 'spectrum', zones: ['main'], _seq: 9 });
    assert.deepEqual(reply, { type: 'pattern_changed', pattern: 'bars', zone: 'stage', _seq: 9 });
  });

  it('answers update_entity with entity_updated and get_renderer_capabilities with what it draws', () => {
    const { ask, engine } = setup();
    assert.deepEqual(ask({ type: 'update_entity', zone: 'main', id: 'block_5', x: 0.5, _seq: 2 }), [
      { type: 'entity_updated', zone: 'stage', id: 'block_5', _seq: 2 },
    ]);
    assert.equal(engine.zoneEntities('stage')[5]?.x, 0.5);
    assert.deepEqual(ask({ type: 'get_renderer_capabilities', _seq: 3 }), [
      {
        type: 'renderer_capabilities',
        supported_backends: ['display_entities'],
        active_backend: 'display_entities',
        _seq: 3,
      },
    ]);
  });

  it('answers the requests it has no feature for with UNSUPPORTED, naming them', () => {
    const { ask } = setup();
    for (const type of ['get_stages', 'get_bitmap_patterns', 'set_render_mode', 'banner_config']) {
      const [reply] = ask({ type, _seq: 1 });
      assert.equal(reply?.['code'], 'UNSUPPORTED', type);
      assert.match(String(reply?.['message']), new RegExp(type));
      assert.equal(reply?.['_seq'], 1);
    }
  });

  it('stores zone materials canonically, so the host never sees a Bukkit name, and refuses what is no block id', () => {
    const { ask, host, tick } = setup();
    ask({ type: 'set_zone_config', zone: 'main', config: { block_type: 'SEA_LANTERN' } });
    tick();
    // What a hidden entity would be made of is not shown; the pattern shows some of them.
    const shown = () => host.entities('stage').filter((e) => e.scale > 0);
    assert.ok(shown().length > 0, 'the pattern shows entities');
    assert.ok(shown().every((e) => e.material === 'minecraft:sea_lantern'));
    const [reply] = ask({
      type: 'set_zone_config',
      zone: 'stage',
      config: { materials: ['a:b:c', 'x', 'y', 'z', 'w'] },
    });
    assert.equal(reply?.['code'], 'INVALID_ARGUMENT');
    tick();
    assert.ok(
      shown().every((e) => e.material === 'minecraft:sea_lantern'),
      'the zone kept its look',
    );
  });

  it('takes its dj_info for "no DJ" (empty id, no bpm) without an error', () => {
    const { ask } = setup();
    assert.deepEqual(ask({ type: 'dj_info', dj_name: '', dj_id: '', is_active: false }), []);
  });
});
