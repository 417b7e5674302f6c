/**
 * Drives every registered pattern through a synthetic show and checks what every pattern promises:
 * values finite and in range, a visible reaction to the beat, no clock or Math.random, flat heap.
 */
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createPatternRegistry } from '../../src/patterns/index';
import type { ParamValue, Pattern, PatternMeta, PatternOutput } from '../../src/patterns/pattern';
import { createFrame, defaultParams, SyntheticShow, type Frame } from './synthetic-show';

/** Ticks of the long run: two minutes of show at 20 Hz, several drop_sequence cycles. */
const LONG_RUN_TICKS = 2400;
/** Ticks of each shorter run (other entity counts, extreme parameters). */
const SHORT_RUN_TICKS = 160;
/** Ticks of each run with hostile parameter values. */
const HOSTILE_RUN_TICKS = 20;
/** Ticks before the heap measurement (long enough for the JIT to settle: its code lives on the heap too) and during it. */
const HEAP_WARMUP_TICKS = 800;
const HEAP_RUN_TICKS = 1500;
/** Retained heap growth allowed over the heap run: bookkeeping noise, far below one float per entity per tick. */
const HEAP_GROWTH_LIMIT_BYTES = 256 * 1024;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Checks every field of every live entity; returns the first problem, or undefined. Written as plain loops: it runs on every tick. */
function frameProblem(out: PatternOutput): string | undefined {
  for (let i = 0; i < out.count; i++) {
    if (!(out.x[i]! >= 0 && out.x[i]! <= 1)) return `entity ${i} x=${out.x[i]} outside 0–1`;
    if (!(out.y[i]! >= 0 && out.y[i]! <= 1)) return `entity ${i} y=${out.y[i]} outside 0–1`;
    if (!(out.z[i]! >= 0 && out.z[i]! <= 1)) return `entity ${i} z=${out.z[i]} outside 0–1`;
    if (!(out.scale[i]! >= 0 && out.scale[i]! <= 4)) return `entity ${i} scale=${out.scale[i]} outside 0–4`;
    if (!Number.isFinite(out.rotation[i])) return `entity ${i} rotation=${out.rotation[i]} not finite`;
    if (out.band[i]! > 4) return `entity ${i} band=${out.band[i]} outside 0–4`;
    if (out.brightness[i]! > 15) return `entity ${i} brightness=${out.brightness[i]} outside 0–15`;
    if (out.glow[i]! > 1) return `entity ${i} glow=${out.glow[i]} not 0/1`;
    if (out.visible[i]! > 1) return `entity ${i} visible=${out.visible[i]} not 0/1`;
  }
  return undefined;
}

/** Marks the slots past `out.count`, so a pattern that writes beyond the live entities is caught. */
const PAST_COUNT_MARK = 0.123;

function markPastCount(out: Frame): void {
  out.x.fill(PAST_COUNT_MARK, out.count);
  out.scale.fill(PAST_COUNT_MARK, out.count);
}

function pastCountProblem(out: Frame): string | undefined {
  for (let i = out.count; i < out.x.length; i++) {
    if (out.x[i] !== Math.fround(PAST_COUNT_MARK) || out.scale[i] !== Math.fround(PAST_COUNT_MARK)) {
      return `entity ${i} past the live count ${out.count} was written`;
    }
  }
  return undefined;
}

/** Runs `ticks` ticks, checking every frame; returns the number of frames with a visible entity. */
function drive(pattern: Pattern, show: SyntheticShow, frame: Frame, capacity: number, ticks: number): number {
  const state = pattern.create(capacity);
  markPastCount(frame);
  let visibleFrames = 0;
  for (let tick = 0; tick < ticks; tick++) {
    const result: unknown = pattern.calculate(show.next(), state, frame);
    assert.equal(result, undefined, `${pattern.meta.id}: calculate returns nothing`);
    const problem = frameProblem(frame) ?? pastCountProblem(frame);
    if (problem !== undefined) assert.fail(`${pattern.meta.id} tick ${tick}: ${problem}`);
    if (frame.visible.subarray(0, frame.count).includes(1)) visibleFrames++;
  }
  return visibleFrames;
}

/** Every variant of the parameters worth a run: each number at its min and max, each choice, each boolean flipped. */
function paramVariants(meta: PatternMeta): [string, Record<string, ParamValue>][] {
  const variants: [string, Record<string, ParamValue>][] = [];
  for (const [key, spec] of Object.entries(meta.params)) {
    const with_ = (value: ParamValue): Record<string, ParamValue> => ({
      ...defaultParams(meta),
      [key]: value,
    });
    if (spec.type === 'number') {
      variants.push([`${key}=${spec.min}`, with_(spec.min)], [`${key}=${spec.max}`, with_(spec.max)]);
    } else if (spec.type === 'boolean') variants.push([`${key}=${!spec.default}`, with_(!spec.default)]);
    else for (const choice of spec.choices) variants.push([`${key}=${choice}`, with_(choice)]);
  }
  return variants;
}

/** Largest difference in position or scale between two frames. */
function maxMotionDifference(a: PatternOutput, b: PatternOutput): number {
  let max = 0;
  for (let i = 0; i < a.count; i++) {
    max = Math.max(
      max,
      Math.abs(a.x[i]! - b.x[i]!),
      Math.abs(a.y[i]! - b.y[i]!),
      Math.abs(a.z[i]! - b.z[i]!),
      Math.abs(a.scale[i]! - b.scale[i]!),
    );
  }
  return max;
}

/** Smallest change in position or scale (zone units) that counts as reacting to the beat. */
const BEAT_REACTION_MIN = 0.05;

/**
 * Largest difference in position or scale between the same music played with and without beat detection
 * (the shows differ only in the beat fields of the input).
 */
function beatDifference(pattern: Pattern, capacity: number): number {
  const params = defaultParams(pattern.meta);
  const withBeat = new SyntheticShow({ params, beats: true, seed: 3 });
  const without = new SyntheticShow({ params, beats: false, seed: 3 });
  const a = createFrame(capacity);
  const b = createFrame(capacity);
  const stateA = pattern.create(capacity);
  const stateB = pattern.create(capacity);
  let largest = 0;
  for (let tick = 0; tick < SHORT_RUN_TICKS; tick++) {
    pattern.calculate(withBeat.next(), stateA, a);
    pattern.calculate(without.next(), stateB, b);
    largest = Math.max(largest, maxMotionDifference(a, b));
  }
  return largest;
}

const registry = createPatternRegistry();
const metas = registry.list();

describe('every registered pattern', () => {
  const realRandom = Math.random;
  const realNow = Date.now;
  before(() => {
    // A pattern that reads the clock or the global random fails loudly here.
    Math.random = () => assert.fail('a pattern called Math.random: use input.random');
    Date.now = () => assert.fail('a pattern called Date.now: use input.t');
  });
  after(() => {
    Math.random = realRandom;
    Date.now = realNow;
  });

  it('would be caught ignoring the beat: music alone gives no difference', () => {
    const bassOnly: Pattern = {
      meta: { id: 'bass_only', name: 'Bass only', category: 'test', recommendedEntities: 4, params: {} },
      create: () => null,
      calculate(input, _state, out) {
        for (let i = 0; i < out.count; i++) {
          out.y[i] = input.bands[0]!;
          out.scale[i] = input.amplitude;
        }
      },
    };
    assert.equal(beatDifference(bassOnly, 4), 0);
  });

  it('there are at least 24 of them', () => {
    assert.ok(metas.length >= 24, `only ${metas.length} patterns registered`);
  });

  for (const meta of metas) {
    describe(meta.id, () => {
      const pattern = registry.get(meta.id) as Pattern;
      const capacity = meta.recommendedEntities;

      it(`stays finite and in range for ${LONG_RUN_TICKS} ticks of music with beats, and shows something`, () => {
        const frame = createFrame(capacity);
        const show = new SyntheticShow({ params: defaultParams(meta), seed: 11 });
        const shown = drive(pattern, show, frame, capacity, LONG_RUN_TICKS);
        assert.ok(
          shown > LONG_RUN_TICKS / 2,
          `${meta.id} showed nothing in ${LONG_RUN_TICKS - shown} frames`,
        );
      });

      it('stays in range with 1 and 1024 entities, a short frame, silence, and no spectrum', () => {
        drive(
          pattern,
          new SyntheticShow({ params: defaultParams(meta) }),
          createFrame(1),
          1,
          SHORT_RUN_TICKS,
        );
        const big = createFrame(1024);
        drive(pattern, new SyntheticShow({ params: defaultParams(meta) }), big, 1024, SHORT_RUN_TICKS);
        const short = createFrame(capacity);
        short.count = Math.max(1, Math.floor(capacity / 3));
        drive(pattern, new SyntheticShow({ params: defaultParams(meta) }), short, capacity, SHORT_RUN_TICKS);
        const more = createFrame(capacity + 7);
        drive(pattern, new SyntheticShow({ params: defaultParams(meta) }), more, capacity, SHORT_RUN_TICKS);
        const bare = new SyntheticShow({ params: defaultParams(meta), spectrumBins: 0, beats: false });
        drive(pattern, bare, createFrame(capacity), capacity, SHORT_RUN_TICKS);
      });

      it('stays in range at every extreme of its parameters', () => {
        for (const [, params] of paramVariants(meta)) {
          drive(
            pattern,
            new SyntheticShow({ params, seed: 5 }),
            createFrame(capacity),
            capacity,
            SHORT_RUN_TICKS,
          );
        }
      });

      it('survives numbers far outside their declared ranges (a hostile preset)', () => {
        for (const extreme of [-1e9, 0, 1e9]) {
          const params = defaultParams(meta);
          for (const [key, spec] of Object.entries(meta.params))
            if (spec.type === 'number') params[key] = extreme;
          drive(pattern, new SyntheticShow({ params }), createFrame(capacity), capacity, HOSTILE_RUN_TICKS);
        }
      });

      it('moves differently with a beat than without one', () => {
        const largest = beatDifference(pattern, capacity);
        assert.ok(
          largest > BEAT_REACTION_MIN,
          `${meta.id}: beat changes positions/scales by at most ${largest.toFixed(4)}`,
        );
      });

      it('is deterministic for the same input and seed', () => {
        const a = createFrame(capacity);
        const b = createFrame(capacity);
        drive(
          pattern,
          new SyntheticShow({ params: defaultParams(meta), seed: 9 }),
          a,
          capacity,
          SHORT_RUN_TICKS,
        );
        drive(
          pattern,
          new SyntheticShow({ params: defaultParams(meta), seed: 9 }),
          b,
          capacity,
          SHORT_RUN_TICKS,
        );
        assert.equal(maxMotionDifference(a, b), 0);
      });

      it(`keeps the heap flat over ${HEAP_RUN_TICKS} ticks`, () => {
        const frame = createFrame(capacity);
        const show = new SyntheticShow({ params: defaultParams(meta), seed: 4 });
        const state = pattern.create(capacity);
        for (let tick = 0; tick < HEAP_WARMUP_TICKS; tick++) pattern.calculate(show.next(), state, frame);
        // Two windows: a leak grows the heap in both, while a one-off (the JIT replacing a function's code on a
        // busy machine) shows in one only.
        const window = (): number => {
          gc();
          const before = process.memoryUsage().heapUsed;
          for (let tick = 0; tick < HEAP_RUN_TICKS; tick++) pattern.calculate(show.next(), state, frame);
          gc();
          return process.memoryUsage().heapUsed - before;
        };
        const first = window();
        const growth = Math.min(first, window());
        assert.ok(
          growth < HEAP_GROWTH_LIMIT_BYTES,
          `${meta.id}: heap grew by ${growth} bytes in both windows`,
        );
      });
    });
  }
});
