import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { EFFECT_NAMES, type EffectName } from '@audioviz/shared-types';
import type { EffectRun } from '../../src/effects/effect';
import { EFFECTS } from '../../src/effects/index';
import breathingSphere from '../../src/patterns/breathing_sphere';
import { BUILT_IN_PATTERNS } from '../../src/patterns/index';
import type { PatternInput, PatternOutput } from '../../src/patterns/pattern';
import { copyFrame, createFrame, defaultParams, SyntheticShow, type Frame } from '../patterns/synthetic-show';

const ENTITIES = 120;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** A pattern's frame after some music: the "without the effect" side of every comparison. */
function patternFrame(ticks = 40): { frame: Frame; input: PatternInput } {
  const show = new SyntheticShow({ params: defaultParams(breathingSphere.meta), seed: 2 });
  const state = breathingSphere.create(ENTITIES);
  const frame = createFrame(ENTITIES);
  for (let i = 0; i < ticks; i++) breathingSphere.calculate(show.next(), state, frame);
  return { frame, input: show.input };
}

function run(progress: number, elapsed: number, intensity = 1): EffectRun {
  return { progress, elapsed, intensity };
}

/** The frame with `name` applied at `at`, next to the frame without it. */
function applied(name: EffectName, at: EffectRun): { before: Frame; after: Frame; input: PatternInput } {
  const { frame, input } = patternFrame();
  const previous = patternFrame(10).frame;
  const before = createFrame(ENTITIES);
  copyFrame(frame, before);
  EFFECTS[name].apply(frame, at, input, previous);
  return { before, after: frame, input };
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

function distanceFromCentre(f: PatternOutput, i: number, withY = false): number {
  const dy = withY ? f.y[i]! - 0.5 : 0;
  return Math.hypot(f.x[i]! - 0.5, dy, f.z[i]! - 0.5);
}

function meanDistance(f: PatternOutput, withY = false): number {
  let sum = 0;
  for (let i = 0; i < f.count; i++) sum += distanceFromCentre(f, i, withY);
  return sum / f.count;
}

/** Angle of entity i around the zone's vertical centre line, radians. */
function angleOf(f: PatternOutput, i: number): number {
  return Math.atan2(f.z[i]! - 0.5, f.x[i]! - 0.5);
}

function turnedBy(before: PatternOutput, after: PatternOutput, i: number): number {
  const d = angleOf(after, i) - angleOf(before, i);
  return Math.atan2(Math.sin(d), Math.cos(d));
}

describe('EFFECTS', () => {
  it('has one effect for every effect name of the protocol, named as on the wire', () => {
    assert.deepEqual(Object.keys(EFFECTS).sort(), [...EFFECT_NAMES].sort());
    for (const name of EFFECT_NAMES) assert.equal(EFFECTS[name].meta.name, name);
  });

  it('makes blackout and freeze toggles and gives every other effect a duration', () => {
    for (const name of EFFECT_NAMES) {
      const toggle = name === 'blackout' || name === 'freeze';
      assert.equal(EFFECTS[name].meta.defaultDurationMs === 0, toggle, name);
      assert.ok(EFFECTS[name].meta.description.length > 0, name);
    }
  });

  it('keeps every value in range and finite at any point of any effect, on every pattern', () => {
    for (const pattern of BUILT_IN_PATTERNS) {
      const n = pattern.meta.recommendedEntities;
      const show = new SyntheticShow({ params: defaultParams(pattern.meta), seed: 6 });
      const state = pattern.create(n);
      const frame = createFrame(n);
      const previous = createFrame(n);
      const base = createFrame(n);
      for (let i = 0; i < 30; i++) pattern.calculate(show.next(), state, frame);
      copyFrame(frame, previous);
      pattern.calculate(show.next(), state, base);
      for (const name of EFFECT_NAMES) {
        for (const progress of [0, 0.1, 0.5, 0.9, 1]) {
          copyFrame(base, frame);
          EFFECTS[name].apply(frame, run(progress, progress * 3), show.input, previous);
          const where = `${name} on ${pattern.meta.id} at ${progress}`;
          for (let i = 0; i < frame.count; i++) {
            for (const v of [frame.x[i]!, frame.y[i]!, frame.z[i]!])
              assert.ok(v >= 0 && v <= 1, `${where}: ${v}`);
            assert.ok(frame.scale[i]! >= 0 && frame.scale[i]! <= 4, `${where}: scale ${frame.scale[i]}`);
            assert.ok(
              frame.rotation[i]! >= 0 && frame.rotation[i]! < 360,
              `${where}: yaw ${frame.rotation[i]}`,
            );
            assert.ok(frame.brightness[i]! <= 15, `${where}: brightness ${frame.brightness[i]}`);
          }
        }
      }
    }
  });

  it('keeps the heap flat while applying every effect for thousands of ticks', () => {
    const { frame, input } = patternFrame();
    const previous = patternFrame(10).frame;
    const at = { progress: 0, intensity: 1, elapsed: 0 };
    const tick = (k: number): void => {
      at.progress = (k % 100) / 100;
      at.elapsed = k / 20;
      for (const name of EFFECT_NAMES) EFFECTS[name].apply(frame, at, input, previous);
    };
    for (let k = 0; k < 500; k++) tick(k);
    // Two windows: a leak grows the heap in both, a one-off JIT recompilation in one only.
    const window = (): number => {
      gc();
      const before = process.memoryUsage().heapUsed;
      for (let k = 0; k < 3000; k++) tick(k);
      gc();
      return process.memoryUsage().heapUsed - before;
    };
    const first = window();
    const growth = Math.min(first, window());
    assert.ok(growth < 256 * 1024, `heap grew by ${growth} bytes in both windows`);
  });

  describe('blackout', () => {
    it('hides every entity and turns every light off', () => {
      const { after } = applied('blackout', run(0, 1));
      assert.ok(after.scale.every((s) => s === 0));
      assert.ok(after.brightness.every((b) => b === 0));
      assert.ok(after.glow.every((g) => g === 0));
      assert.ok(after.visible.every((v) => v === 0));
    });
  });

  describe('freeze', () => {
    it('replaces the new frame with the previous one, field by field', () => {
      const { frame, input } = patternFrame();
      const previous = patternFrame(10).frame;
      assert.notDeepEqual(frame.x, previous.x);
      EFFECTS.freeze.apply(frame, run(0, 2), input, previous);
      for (const field of [
        'x',
        'y',
        'z',
        'scale',
        'rotation',
        'band',
        'brightness',
        'glow',
        'visible',
      ] as const) {
        assert.deepEqual(frame[field], previous[field], field);
      }
    });

    it('leaves entities the previous frame did not have as the pattern wrote them', () => {
      const { frame, input } = patternFrame();
      const previous = patternFrame(10).frame;
      previous.count = 50;
      const before = createFrame(ENTITIES);
      copyFrame(frame, before);
      EFFECTS.freeze.apply(frame, run(0, 2), input, previous);
      assert.equal(frame.x[49], previous.x[49]);
      assert.deepEqual(frame.x.subarray(50), before.x.subarray(50));
    });
  });

  describe('flash', () => {
    it('lights everything fully and makes it glow at the trigger', () => {
      const { after } = applied('flash', run(0, 0));
      assert.ok(after.brightness.every((b) => b === 15));
      assert.ok(after.glow.every((g) => g === 1));
    });

    it('is brighter than the pattern halfway, and gone at the end', () => {
      const half = applied('flash', run(0.5, 0.2));
      assert.ok(mean(half.after.brightness) > mean(half.before.brightness) + 2);
      const end = applied('flash', run(1, 0.4));
      assert.deepEqual(end.after.brightness, end.before.brightness);
    });
  });

  describe('strobe', () => {
    it('alternates between full light and dark in sixteenth notes of the tempo', () => {
      const on = applied('strobe', run(0.01, 0));
      assert.ok(on.after.brightness.every((b) => b === 15));
      const hz = (on.input.bpm / 60) * 4;
      const off = applied('strobe', run(0.1, 1.5 / (2 * hz)));
      assert.ok(off.after.brightness.every((b) => b === 0));
      assert.ok(off.after.scale.every((s) => s === 0));
    });
  });

  describe('pulse', () => {
    it('makes every entity bigger on the beat', () => {
      const { before, after } = applied('pulse', run(0, 0));
      assert.ok(mean(after.scale) > mean(before.scale) * 1.5);
      for (let i = 0; i < after.count; i++) assert.ok(after.scale[i]! >= before.scale[i]!);
    });
  });

  describe('wave', () => {
    it('moves entities up and down but not sideways', () => {
      const { before, after } = applied('wave', run(0.2, 0.3));
      assert.deepEqual(after.x, before.x);
      assert.deepEqual(after.z, before.z);
      let up = 0;
      let down = 0;
      for (let i = 0; i < after.count; i++) {
        if (after.y[i]! > before.y[i]! + 0.01) up++;
        if (after.y[i]! < before.y[i]! - 0.01) down++;
      }
      assert.ok(up > 10 && down > 10, `${up} up, ${down} down`);
    });
  });

  describe('spiral', () => {
    it('turns entities around the centre line without lifting them', () => {
      const { before, after } = applied('spiral', run(0.2, 0.5));
      assert.deepEqual(after.y, before.y);
      let turned = 0;
      for (let i = 0; i < after.count; i++) if (Math.abs(turnedBy(before, after, i)) > 0.3) turned++;
      assert.ok(turned > after.count / 2, `${turned} turned`);
    });
  });

  describe('explode', () => {
    it('throws entities away from the centre and makes them bigger', () => {
      const { before, after } = applied('explode', run(0.1, 0.1));
      assert.ok(meanDistance(after, true) > meanDistance(before, true) * 1.5);
      assert.ok(mean(after.scale) > mean(before.scale));
    });
  });

  describe('bass_drop', () => {
    it('drops everything towards the floor and swells it', () => {
      const { before, after } = applied('bass_drop', run(0.05, 0.1));
      assert.ok(mean(after.y) < mean(before.y) * 0.3);
      assert.ok(mean(after.scale) > mean(before.scale) * 1.3);
    });
  });

  describe('spin_up and spin_down', () => {
    it('turn the show around the centre line, keeping each entity at its distance', () => {
      for (const name of ['spin_up', 'spin_down'] as const) {
        const { before, after } = applied(name, run(0.3, 1.2));
        let turned = 0;
        for (let i = 0; i < after.count; i++) {
          assert.ok(Math.abs(distanceFromCentre(after, i) - distanceFromCentre(before, i)) < 1e-3, name);
          if (Math.abs(turnedBy(before, after, i)) > 0.1) turned++;
        }
        assert.equal(turned, after.count, name);
      }
    });

    it('spin_up starts slowly and speeds up; spin_down starts fast and slows down', () => {
      const angleAt = (name: 'spin_up' | 'spin_down', progress: number): number => {
        const { before, after } = applied(name, run(progress, progress * 4));
        return turnedBy(before, after, 0);
      };
      // Over the first 5 % of the run, spin_down covers far more angle than spin_up.
      assert.ok(Math.abs(angleAt('spin_down', 0.05)) > 5 * Math.abs(angleAt('spin_up', 0.05)));
    });
  });

  describe('every timed effect', () => {
    it('does nothing at intensity 0', () => {
      for (const name of EFFECT_NAMES) {
        if (EFFECTS[name].meta.defaultDurationMs === 0) continue;
        const { before, after } = applied(name, run(0.3, 0.7, 0));
        for (const field of ['x', 'y', 'z', 'scale', 'brightness'] as const) {
          assert.deepEqual(after[field], before[field], `${name} changed ${field}`);
        }
      }
    });
  });
});
