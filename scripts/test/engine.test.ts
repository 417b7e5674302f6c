/**
 * The engine end to end on a recording host (issue 3 "Done when"): create a zone, fill its pool, 600
 * ticks of music with beats, a pattern switch with a crossfade, an effect, a hot reload, and a new engine
 * built from the same host documents.
 */
import { strict as assert } from 'node:assert';
import { createEngine } from '../src/engine';
import type { Engine } from '../src/engine-api';
import { audioFrame, RecordingHost, sender } from './recording-host';

const TICK_MS = 50;

function run(
  engine: Engine,
  host: RecordingHost,
  ticks: number,
  frame: (tick: number) => string | null = () => null,
): void {
  for (let t = 0; t < ticks; t++) {
    const text = frame(t);
    if (text !== null) engine.enqueue('hub', text);
    host.time += TICK_MS;
    host.apply(engine.tick());
  }
}

/** 128 BPM at 20 ticks/s: a beat about every 9.4 ticks. */
const music = (t: number): string =>
  audioFrame(
    Math.floor((t * 128) / (20 * 60)) !== Math.floor(((t - 1) * 128) / (20 * 60)),
    0.4 + 0.5 * Math.abs(Math.sin(t / 7)),
  );

function pattern(id: string, scale: number): string {
  return `module.exports.default = {
    meta: { id: '${id}', name: 'Test ${id}', category: 'test', recommendedEntities: 16, params: {} },
    create: function (n) { return { n: n }; },
    calculate: function (input, state, out) {
      for (var i = 0; i < out.count; i++) {
        out.x[i] = (i % 8) / 8; out.y[i] = 0.5; out.z[i] = Math.floor(i / 8) / 8;
        out.scale[i] = ${scale} * (input.isBeat ? 1 : 0.8); out.visible[i] = 1; out.brightness[i] = 15; out.band[i] = i % 5;
      }
    },
  };`;
}

describe('engine (done-when scenario)', () => {
  it('creates a zone, animates it, crossfades, runs an effect, hot reloads, and survives re-creation', () => {
    const host = new RecordingHost();
    const engine = createEngine(host, { seed: 7 });
    engine.clientConnected('hub', true);

    // create zone
    const created = engine.command(sender(), ['zone', 'create', 'stage', 'small_stage']);
    assert.equal(created.ok, true, created.lines.join('\n'));
    assert.equal(engine.status().zones, 1);
    assert.match(host.documents.get('zones') ?? '', /"stage"/);

    // init pool: the next frame holds every entity (the host spreads the spawns over ticks)
    assert.equal(engine.command(sender(), ['pool', 'init', 'stage', '100']).ok, true);
    host.time += TICK_MS;
    host.apply(engine.tick());
    assert.equal(host.entities('stage').length, 100);

    // 600 ticks of music with beats: entities move and react
    run(engine, host, 600, music);
    const entities = host.entities('stage');
    assert.equal(entities.length, 100);
    assert.ok(
      entities.some((e) => e.scale > 0.05),
      'entities grew with the music',
    );
    for (const e of entities) {
      assert.ok([e.x, e.y, e.z, e.scale].every(Number.isFinite));
      assert.ok(
        e.x >= 0 && e.x <= 5 && e.y >= 0 && e.y <= 3 && e.z >= 0 && e.z <= 5,
        `inside the 5×3×5 zone: ${e.x} ${e.y} ${e.z}`,
      );
    }
    assert.equal(engine.status().ticks, 601);

    // pattern switch with a 1 s crossfade: halfway the entities are between both patterns
    engine.enqueue(
      'hub',
      JSON.stringify({ type: 'set_pattern', zone: 'stage', pattern: 'circle', transition_s: 1, _seq: 5 }),
    );
    run(engine, host, 1, music);
    assert.deepEqual(
      host.take('hub').find((m) => m['_seq'] === 5),
      { type: 'pattern_changed', pattern: 'circle', zone: 'stage', _seq: 5 },
    );
    run(engine, host, 40, music);
    assert.match(host.documents.get('zones') ?? '', /"pattern": "circle"/);

    // effect: blackout toggles every entity to scale 0 and back
    engine.enqueue(
      'hub',
      JSON.stringify({ type: 'trigger_effect', effect: 'blackout', zone: 'stage', _seq: 6 }),
    );
    run(engine, host, 60, music);
    assert.equal(host.take('hub').find((m) => m['_seq'] === 6)?.['type'], 'effect_triggered');
    assert.ok(
      host.entities('stage').every((e) => e.scale === 0),
      'blackout hides everything',
    );
    engine.enqueue('hub', JSON.stringify({ type: 'trigger_effect', effect: 'blackout', zone: 'stage' }));
    run(engine, host, 60, music);
    assert.ok(
      host.entities('stage').some((e) => e.scale > 0.05),
      'back after the second toggle',
    );

    // hot reload: a new pattern is loaded and shown; a new version of it replaces it in place
    assert.equal(engine.loadPatternSource('grid.js', pattern('grid', 0.5)), null);
    assert.equal(engine.command(sender(), ['pattern', 'set', 'grid', 'stage', '0']).ok, true);
    run(engine, host, 40, music);
    const s1 = Math.max(...host.entities('stage').map((e) => e.scale));
    assert.ok(s1 > 0.35 && s1 <= 0.51, `grid v1 scale ${s1}`);
    assert.equal(engine.loadPatternSource('grid.js', pattern('grid', 1.5)), null);
    run(engine, host, 40, music);
    const s2 = Math.max(...host.entities('stage').map((e) => e.scale));
    assert.ok(s2 > 1.1, `grid v2 scale ${s2}`);

    // reload the whole engine: zones, pools, pattern and settings come back from the host's documents
    engine.dispose();
    host.world.clear(); // the host removes every entity when it replaces the engine
    const second = createEngine(host, { seed: 7 });
    second.clientConnected('hub', true);
    assert.equal(second.status().zones, 1);
    assert.equal(second.loadPatternSource('grid.js', pattern('grid', 1.5)), null); // the host re-applies hot-loaded patterns
    run(second, host, 2, music);
    assert.equal(host.entities('stage').length, 100, 'the pool is respawned');
    run(second, host, 40, music);
    assert.ok(
      Math.max(...host.entities('stage').map((e) => e.scale)) > 1.1,
      'the zone shows its hot-loaded pattern again',
    );
    second.enqueue('hub', JSON.stringify({ type: 'get_zone', zone: 'stage', _seq: 9 }));
    run(second, host, 1);
    const zone = host.take('hub').find((m) => m['_seq'] === 9)?.['zone'] as Record<string, unknown>;
    assert.equal(zone['pattern'], 'grid');
    assert.equal(zone['entity_count'], 100);
    assert.deepEqual(zone['size'], { x: 5, y: 3, z: 5 });
    assert.deepEqual(host.logged('', 'error'), []);
  });

  it('shows the same frame, byte for byte, while a zone is frozen', () => {
    const host = new RecordingHost();
    const engine = createEngine(host);
    engine.command(sender(), ['zone', 'create', 'still', 'dj_booth']);
    engine.command(sender(), ['pool', 'init', 'still', '32']);
    engine.command(sender(), ['effect', 'freeze', 'still']);
    run(engine, host, 40, () => audioFrame(false, 0.5));
    const frameBytes = (): Uint8Array => {
      host.time += TICK_MS;
      engine.enqueue('hub', audioFrame(true, 0.9));
      return new Uint8Array(engine.tick()!.frames[0]!.slice(0));
    };
    const before = frameBytes();
    assert.deepEqual(frameBytes(), before);
  });
});
