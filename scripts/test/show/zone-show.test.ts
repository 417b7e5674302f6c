import { strict as assert } from 'node:assert';
import type { Pattern } from '../../src/patterns/pattern';
import { PatternRegistry } from '../../src/patterns/registry';
import { createFrame } from '../../src/pool/frame';
import { MutableInput } from '../../src/show/audio-input';
import { PatternLibrary } from '../../src/show/pattern-library';
import { resolveParams, ZoneShow, type GuardedCall } from '../../src/show/zone-show';
import { newZone } from '../../src/zones/zone';

/** A pattern putting every entity at x = `x`, counting its calls. */
function flat(id: string, x: number, calls = { n: 0 }): Pattern {
  return {
    meta: {
      id,
      name: id,
      category: 'test',
      recommendedEntities: 4,
      params: { speed: { type: 'number', description: 'speed', default: 1, min: 0, max: 2 } },
    },
    create: (n) => ({ n }),
    calculate(input, _state, out) {
      calls.n++;
      for (let i = 0; i < out.count; i++) {
        out.x[i] = x;
        out.scale[i] = Number(input.params['speed']);
        out.visible[i] = 1;
      }
    },
  };
}

function setup() {
  const registry = new PatternRegistry();
  registry.register(flat('bars', 0));
  registry.register(flat('right', 1));
  const library = new PatternLibrary(registry, () => undefined);
  const zone = newZone('z', 'w', { x: 0, y: 0, z: 0 });
  const input = new MutableInput(() => 0.5);
  input.dt = 0.1;
  const out = createFrame(4);
  const guard: GuardedCall = (_id, call) => {
    try {
      call();
      return true;
    } catch {
      return false;
    }
  };
  return { library, zone, input, out, guard, show: new ZoneShow() };
}

describe('ZoneShow', () => {
  it("runs the zone's pattern with its resolved parameters", () => {
    const s = setup();
    s.zone.params = { speed: 5 }; // clamped to the spec's max
    assert.equal(s.show.render(s.zone, s.library, s.input, s.out, s.guard), true);
    assert.equal(s.show.patternId, 'bars');
    assert.equal(s.out.scale[0], 2);
  });

  it('crossfades between two patterns over the transition time', () => {
    const s = setup();
    s.show.render(s.zone, s.library, s.input, s.out, s.guard);
    s.zone.pattern = 'right';
    s.show.transitionNext(1);
    s.show.render(s.zone, s.library, s.input, s.out, s.guard); // 0.1 s in
    assert.ok(Math.abs(s.out.x[0]! - 0.1) < 1e-6, `10 % of the way: ${s.out.x[0]}`);
    for (let i = 0; i < 4; i++) s.show.render(s.zone, s.library, s.input, s.out, s.guard);
    assert.ok(Math.abs(s.out.x[0]! - 0.5) < 1e-6, `halfway: ${s.out.x[0]}`);
    assert.equal(s.show.transitioning, true);
    for (let i = 0; i < 5; i++) s.show.render(s.zone, s.library, s.input, s.out, s.guard);
    assert.equal(s.out.x[0], 1);
    assert.equal(s.show.transitioning, false);
  });

  it('switches at once without a transition', () => {
    const s = setup();
    s.show.render(s.zone, s.library, s.input, s.out, s.guard);
    s.zone.pattern = 'right';
    s.show.render(s.zone, s.library, s.input, s.out, s.guard);
    assert.equal(s.out.x[0], 1);
  });

  it('falls back while its pattern is unknown and picks it up once loaded', () => {
    const s = setup();
    s.zone.pattern = 'later';
    s.show.render(s.zone, s.library, s.input, s.out, s.guard);
    assert.equal(s.show.patternId, 'bars');
    s.library.load(flat('later', 0.7));
    s.show.render(s.zone, s.library, s.input, s.out, s.guard);
    assert.equal(s.show.patternId, 'later');
    assert.ok(Math.abs(s.out.x[0]! - 0.7) < 1e-6);
  });

  it('swaps a hot-reloaded version in place, with fresh state', () => {
    const s = setup();
    const calls = { n: 0 };
    s.show.render(s.zone, s.library, s.input, s.out, s.guard);
    s.library.load(flat('bars', 0.3, calls));
    s.show.transitionNext(2);
    s.show.render(s.zone, s.library, s.input, s.out, s.guard);
    assert.equal(s.show.transitioning, false);
    assert.ok(Math.abs(s.out.x[0]! - 0.3) < 1e-6);
  });

  it('reports failure and leaves the frame alone when the pattern throws', () => {
    const s = setup();
    s.library.load(flat('boom', 0));
    s.zone.pattern = 'boom';
    const bad = s.library.get('boom') as Pattern;
    (bad as { calculate: Pattern['calculate'] }).calculate = () => {
      throw new Error('x');
    };
    assert.equal(s.show.render(s.zone, s.library, s.input, s.out, s.guard), false);
  });

  it('resolves parameters to their defaults when the given ones do not fit', () => {
    const p = flat('p', 0);
    assert.deepEqual(resolveParams(p, { speed: 'fast', other: 1 }), { speed: 1 });
  });
});
