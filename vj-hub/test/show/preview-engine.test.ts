import assert from 'node:assert/strict';
import { FakeClock, type AudioState, type BatchEntity } from '@audioviz/shared-types';
import type { CreateEngine, Host } from '@audioviz/scripts';
import { silentLogger } from '../../src/logger';
import { createPreviewEngine } from '../../src/show/preview-engine';
import { startTestHub } from '../helpers/test-hub';

const ZONE = {
  name: 'z1',
  world: 'w',
  origin: { x: 0, y: 0, z: 0 },
  size: { x: 4, y: 4, z: 4 },
  rotation: 0,
  entity_count: 1,
  pattern: 'bars',
};
const PATTERN = { id: 'bars', name: 'Bars', category: 'spectrum', recommended_entities: 16 };

/** An engine double that records what the hub feeds it and answers get_zones / list_patterns like the real one. */
function recordingEngine() {
  const log: { enqueued: string[]; ticks: number; trusted: boolean | null; host: Host | null } = {
    enqueued: [],
    ticks: 0,
    trusted: null,
    host: null,
  };
  const factory: CreateEngine = (host) => {
    log.host = host;
    return {
      enqueue: (clientId, text) => {
        log.enqueued.push(text);
        const message = JSON.parse(text) as { type: string; _seq?: number };
        if (message.type === 'get_zones')
          host.send(clientId, JSON.stringify({ type: 'zones', zones: [ZONE], _seq: message._seq }));
        if (message.type === 'list_patterns')
          host.send(clientId, JSON.stringify({ type: 'patterns', patterns: [PATTERN] }));
      },
      clientConnected: (_id, trusted) => (log.trusted = trusted),
      clientDisconnected: () => undefined,
      tick: () => {
        log.ticks++;
        return { count: 0, ints: new Int32Array(0), floats: new Float32Array(0), zones: [], materials: [] };
      },
      command: () => ({ ok: true, lines: [] }),
      complete: () => [],
      loadPatternSource: () => null,
      interrupted: () => undefined,
      zoneEntities: (zone): BatchEntity[] => [{ id: 'block_0', x: 0.5, y: zone === 'z1' ? 1 : 0, z: 0 }],
      status: () => ({
        zones: 1,
        entities: 1,
        queueLength: 0,
        droppedMessages: 0,
        ticks: log.ticks,
        disabledPatterns: [],
      }),
      dispose: () => undefined,
    };
  };
  return { factory, log };
}

const audio = (level: number): AudioState => ({
  type: 'audio_state',
  bands: [level, level, level, level, level],
  amplitude: level,
  is_beat: false,
  beat_intensity: 0,
  bpm: 120,
});

describe('preview-engine', () => {
  it('connects as a trusted client and learns the zones and patterns', () => {
    const { factory, log } = recordingEngine();
    let zones: unknown[] = [];
    let patterns: unknown[] = [];
    createPreviewEngine({
      clock: new FakeClock(),
      logger: silentLogger,
      dataDir: null,
      createEngine: factory,
      onZones: (z) => (zones = z),
      onPatterns: (p) => (patterns = p),
    });
    assert.equal(log.trusted, true);
    assert.deepEqual(zones, [ZONE]);
    assert.deepEqual(patterns, [PATTERN]);
  });

  it('feeds only the newest audio frame to each tick', () => {
    const { factory, log } = recordingEngine();
    const engine = createPreviewEngine({
      clock: new FakeClock(),
      logger: silentLogger,
      dataDir: null,
      createEngine: factory,
    });
    log.enqueued.length = 0;
    engine.audio(audio(0.1));
    engine.audio(audio(0.2));
    engine.tick();
    engine.tick();
    assert.deepEqual(
      log.enqueued.map((t) => (JSON.parse(t) as AudioState).amplitude),
      [0.2],
    );
  });

  it('passes zone commands through as :8765 messages and reads entities per zone', () => {
    const { factory, log } = recordingEngine();
    const engine = createPreviewEngine({
      clock: new FakeClock(),
      logger: silentLogger,
      dataDir: null,
      createEngine: factory,
    });
    engine.command({ type: 'set_pattern', zone: 'z1', pattern: 'circle' });
    assert.deepEqual(JSON.parse(log.enqueued.at(-1)!), {
      type: 'set_pattern',
      zone: 'z1',
      pattern: 'circle',
    });
    assert.deepEqual(engine.entities(['z1']), { z1: [{ id: 'block_0', x: 0.5, y: 1, z: 0 }] });
  });

  it('ignores replies the protocol does not allow', () => {
    const { factory, log } = recordingEngine();
    let zones: unknown = null;
    createPreviewEngine({
      clock: new FakeClock(),
      logger: silentLogger,
      dataDir: null,
      createEngine: factory,
      onZones: (z) => (zones = z),
    });
    zones = null;
    log.host!.send('hub', JSON.stringify({ type: 'zones', zones: [{ name: 'only a name' }] }));
    log.host!.send('hub', 'not json');
    assert.equal(zones, null);
  });

  it('survives an engine that throws, showing an empty zone', () => {
    const { factory } = recordingEngine();
    let broken = false;
    const engine = createPreviewEngine({
      clock: new FakeClock(),
      logger: silentLogger,
      dataDir: null,
      createEngine: (host, opts) => {
        const inner = factory(host, opts);
        return {
          ...inner,
          tick: () => {
            if (broken) throw new Error('tick bug');
            return inner.tick();
          },
          zoneEntities: (zone) => {
            if (broken) throw new Error('no such zone');
            return inner.zoneEntities(zone);
          },
        };
      },
    });
    assert.equal(engine.available, true);
    broken = true;
    engine.tick();
    assert.deepEqual(engine.entities(['z1']), { z1: [] });
  });

  it('keeps documents in memory without a data folder', () => {
    const { factory, log } = recordingEngine();
    createPreviewEngine({
      clock: new FakeClock(),
      logger: silentLogger,
      dataDir: null,
      createEngine: factory,
    });
    log.host!.writeDocument('zones', '{"z":1}');
    assert.equal(log.host!.readDocument('zones'), '{"z":1}');
    assert.equal(log.host!.readDocument('scenes'), null);
  });

  it('degrades to an empty preview when there is no engine, or it fails to start', () => {
    const none = createPreviewEngine({
      clock: new FakeClock(),
      logger: silentLogger,
      dataDir: null,
      createEngine: null,
    });
    assert.equal(none.available, false);
    assert.deepEqual(none.entities(['a']), { a: [] });
    const broken = createPreviewEngine({
      clock: new FakeClock(),
      logger: silentLogger,
      dataDir: null,
      createEngine: () => {
        throw new Error('boom');
      },
    });
    assert.equal(broken.available, false);
  });

  it('runs inside the hub: zone commands reach it and its entities reach the browsers', async () => {
    const { factory, log } = recordingEngine();
    const t = await startTestHub({}, { createEngine: factory });
    try {
      const b = await t.browser();
      await b.next('vj_state');
      b.send({ type: 'set_pattern', pattern: 'circle', zones: ['z1'] });
      await b.next('ack');
      assert.ok(log.enqueued.some((text) => text.includes('"set_pattern"') && text.includes('"z1"')));
      t.clock.advance(50);
      const state = await b.next('state');
      assert.deepEqual(state['entities'], { z1: [{ id: 'block_0', x: 0.5, y: 1, z: 0 }] });
      assert.ok(log.ticks >= 1);
    } finally {
      await t.close();
    }
  });
});
