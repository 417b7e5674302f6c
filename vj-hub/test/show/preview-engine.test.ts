import assert from 'node:assert/strict';
import { FakeClock, type AudioState } from '@audioviz/shared-types';
import { silentLogger } from '../../src/logger';
import { createPreviewEngine } from '../../src/show/preview-engine';
import { PATTERN, ZONE, recordingEngine } from '../helpers/engine-double';

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
});
