/** What keeps the engine standing: failing patterns, interrupted ticks, damaged documents, removed zones. */
import { strict as assert } from 'node:assert';
import { createEngine } from '../src/engine';
import { ZONE_HEADER, ZONE_HEADER_SLOTS } from '../src/host';
import { WARM_UP_CALLS } from '../src/show/pattern-library';
import { audioFrame, RecordingHost, sender } from './recording-host';

/** A host whose clock jumps `stepMs` on every read while `slow` is set (a pattern "takes" that long). */
class SlowHost extends RecordingHost {
  slow = false;
  /** Reads left before the clock read throws, as a call the host cuts short (-1: never). */
  failAfter = -1;
  override now(): number {
    if (this.failAfter >= 0 && this.failAfter-- === 0) throw new Error('interrupted');
    if (this.slow) this.time += 10;
    return this.time;
  }
}

function throwingPattern(id: string, throwing: boolean): string {
  return `module.exports.default = {
    meta: { id: '${id}', name: '${id}', category: 'test', recommendedEntities: 4, params: {} },
    create: function () { return { calls: 0 }; },
    calculate: function (input, state, out) {
      state.calls++;
      if (${throwing} && state.calls > 1) throw new Error('bad frame');
      for (var i = 0; i < out.count; i++) { out.x[i] = 0.5; out.y[i] = 0.5; out.z[i] = 0.5; out.scale[i] = 0.7; out.visible[i] = 1; }
    },
  };`;
}

function stage(host: RecordingHost) {
  const engine = createEngine(host, { patternBudgetMs: 5 });
  engine.command(sender(), ['zone', 'create', 'z', 'dj_booth']);
  engine.command(sender(), ['pool', 'init', 'z', '8']);
  const tick = (n = 1) => {
    for (let i = 0; i < n; i++) {
      host.time += 50;
      host.apply(engine.tick());
    }
  };
  return { engine, tick };
}

describe('engine safety', () => {
  it('rolls a hot-loaded pattern that keeps throwing back to its previous version', () => {
    const host = new RecordingHost();
    const { engine, tick } = stage(host);
    assert.equal(engine.loadPatternSource('spot', throwingPattern('spot', false)), null);
    engine.command(sender(), ['pattern', 'set', 'spot', 'z', '0']);
    tick(5);
    assert.equal(engine.loadPatternSource('spot', throwingPattern('spot', true)), null);
    tick(5);
    assert.match(
      host.logged('"spot" failed 3 times in a row (threw: bad frame); its previous version runs again')[0]!,
      /spot/,
    );
    assert.deepEqual(engine.status().disabledPatterns, []);
    tick(5);
    assert.ok(
      host.entities('z').every((e) => Math.abs(e.scale - 0.7) < 0.05),
      'the previous version shows',
    );
  });

  it("keeps a hot-loaded pattern's output within the frame's ranges, whatever it writes", () => {
    const host = new RecordingHost();
    const { engine, tick } = stage(host);
    const wild = `module.exports.default = {
      meta: { id: 'wild', name: 'wild', category: 'test', recommendedEntities: 4, params: {} },
      create: function () { return {}; },
      calculate: function (input, state, out) {
        var odd = [NaN, -3, 7, Infinity];
        for (var i = 0; i < out.count; i++) {
          out.x[i] = odd[i % 4]; out.y[i] = odd[(i + 1) % 4]; out.z[i] = odd[(i + 2) % 4];
          out.scale[i] = i % 2 ? 99 : NaN; out.rotation[i] = odd[(i + 3) % 4]; out.band[i] = 200;
          out.brightness[i] = 250; out.glow[i] = 7; out.visible[i] = 3;
        }
      },
    };`;
    assert.equal(engine.loadPatternSource('wild', wild), null);
    engine.command(sender(), ['pattern', 'set', 'wild', 'z', '0']);
    tick(20);
    const shown = host.entities('z');
    assert.equal(shown.length, 8);
    const size = { x: 3, y: 4, z: 3 }; // the dj_booth template's zone
    for (const e of shown) {
      const where = `entity ${e.index}: ${JSON.stringify(e)}`;
      for (const axis of ['x', 'y', 'z'] as const) {
        assert.ok(e[axis] >= 0 && e[axis] <= size[axis], `${where} ${axis}`);
      }
      assert.ok(e.scale >= 0 && e.scale <= 4, where);
      assert.ok(Number.isFinite(e.yaw), where);
      assert.ok(e.brightness <= 15, where);
      assert.equal(e.glow, true, where);
    }
    assert.ok(
      shown.some((e) => e.scale === 4),
      'a scale of 99 shows at the largest scale',
    );
    assert.ok(
      shown.some((e) => e.x === size.x),
      'a position past the zone sits on its edge',
    );
  });

  it('disables a pattern that overruns its budget three times in a row and shows another', () => {
    const host = new SlowHost();
    const { engine, tick } = stage(host);
    host.slow = true;
    tick(WARM_UP_CALLS); // forgiven: the JIT is still warming up
    assert.deepEqual(engine.status().disabledPatterns, []);
    tick(3);
    host.slow = false;
    assert.deepEqual(engine.status().disabledPatterns, ['bars']);
    assert.match(
      host.logged('"bars" failed 3 times in a row (took 10.0 ms of its 5 ms budget) and is disabled')[0]!,
      /its zones show "[a-z_]+" until a fixed version is loaded/,
    );
    assert.match(
      engine.command(sender(), ['pattern', 'set', 'bars']).lines[0]!,
      /disabled after repeated failures/,
    );
    tick(3);
    assert.equal(host.logged('failed').length, 1, 'the fallback runs fine');
  });

  it("counts a pattern's own CPU time where the host measures it, not a loaded machine's delays", () => {
    // The wall clock jumps 10 ms per read (the engine's thread waits for a core); its CPU time does not.
    const host = new (class extends SlowHost {
      cpu = 0;
      cpuSlow = false;
      cpuTime(): number {
        if (this.cpuSlow) this.cpu += 10;
        return this.cpu;
      }
    })();
    const { engine, tick } = stage(host);
    host.slow = true;
    tick(WARM_UP_CALLS + 3);
    assert.deepEqual(engine.status().disabledPatterns, [], 'waiting is not running');
    host.cpuSlow = true;
    tick(3);
    assert.deepEqual(engine.status().disabledPatterns, ['bars'], 'running long is');
  });

  it('counts an interrupted call against the pattern that was running', () => {
    const host = new SlowHost();
    const { engine, tick } = stage(host);
    tick(2);
    for (let i = 0; i < 3; i++) {
      host.failAfter = 1; // the tick's own clock read passes; the pattern's guard is cut short
      engine.tick();
      engine.interrupted();
    }
    assert.deepEqual(engine.status().disabledPatterns, ['bars']);
    tick(2);
    assert.equal(host.entities('z').length, 8);
  });

  it('starts with what it can when the stored documents are damaged, and says so', () => {
    const host = new RecordingHost();
    host.documents.set(
      'zones',
      '{"zones":[{"name":"ok","world":"w","origin":{"x":0,"y":0,"z":0},"size":{"x":2,"y":2,"z":2}},{"name":"bad name"}]}',
    );
    host.documents.set('scenes', 'garbage');
    host.documents.set('settings', '[]');
    const engine = createEngine(host);
    assert.equal(engine.status().zones, 1);
    assert.equal(host.logged('skipped').length, 1);
    assert.equal(host.logged('scenes document').length, 1);
    assert.match(engine.command(sender(), ['scene', 'list']).lines.join(), /club_night/);
  });

  it('removes the entities of a deleted zone and frees its slot', () => {
    const host = new RecordingHost();
    const { engine, tick } = stage(host);
    tick(2);
    assert.equal(host.entities('z').length, 8);
    engine.command(sender(), ['zone', 'delete', 'z']);
    tick(1);
    assert.equal(host.entities('z').length, 0);
    const frame = engine.tick();
    assert.deepEqual([frame?.zones[0], frame?.frames[0]], [null, null]);
  });

  it("publishes a turned zone's rotation, and glows on beats when asked", () => {
    const host = new RecordingHost();
    const { engine, tick } = stage(host);
    tick(3);
    engine.command(sender(), ['zone', 'setrotation', 'z', '180']);
    host.time += 50;
    const header = new Float64Array(engine.tick()!.frames[0]!, 0, ZONE_HEADER_SLOTS);
    assert.equal(header[ZONE_HEADER.ROTATION], 180);
    engine.enqueue(
      'x',
      JSON.stringify({ type: 'set_zone_config', zone: 'z', config: { glow_on_beat: true } }),
    );
    engine.enqueue('x', audioFrame(true, 0.8));
    tick(1);
    assert.ok(host.entities('z').every((e) => e.glow));
  });

  it('keeps running after dispose without throwing, doing nothing', () => {
    const host = new RecordingHost();
    const { engine } = stage(host);
    engine.dispose();
    engine.enqueue('a', 'x');
    assert.equal(engine.tick(), null);
  });
});

describe('engine storage failures', () => {
  it('starts without documents it cannot read, and keeps changes it cannot save', () => {
    const host = new RecordingHost();
    host.readDocument = () => {
      throw new Error('EIO');
    };
    host.writeDocument = () => {
      throw new Error('ENOSPC');
    };
    const engine = createEngine(host);
    assert.equal(host.logged('could not be read (EIO)', 'error').length, 3);
    assert.equal(engine.command(sender(), ['zone', 'create', 'z']).ok, true);
    assert.equal(engine.status().zones, 1);
    assert.match(host.logged('could not be saved (ENOSPC)', 'error')[0]!, /kept in memory/);
  });
});
