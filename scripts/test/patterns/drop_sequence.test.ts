import assert from 'node:assert/strict';
import dropSequence from '../../src/patterns/drop_sequence';
import type { PatternOutput } from '../../src/patterns/pattern';
import { createFrame, defaultParams, SyntheticShow } from './synthetic-show';

const ENTITIES = 200;

/** Mean distance of the live entities from their own centroid: how spread out the shape is. */
function spread(f: PatternOutput): number {
  let cx = 0;
  let cy = 0;
  let cz = 0;
  for (let i = 0; i < f.count; i++) {
    cx += f.x[i]!;
    cy += f.y[i]!;
    cz += f.z[i]!;
  }
  cx /= f.count;
  cy /= f.count;
  cz /= f.count;
  let sum = 0;
  for (let i = 0; i < f.count; i++) sum += Math.hypot(f.x[i]! - cx, f.y[i]! - cy, f.z[i]! - cz);
  return sum / f.count;
}

function meanBrightness(f: PatternOutput): number {
  let sum = 0;
  for (let i = 0; i < f.count; i++) sum += f.brightness[i]!;
  return sum / f.count;
}

/** Spread and brightness averaged over each of the first `beats` beats (index 0 = beat 1). */
function perBeat(
  beats: number,
  params = defaultParams(dropSequence.meta),
): { spread: number[]; light: number[] } {
  const show = new SyntheticShow({ params, seed: 1 });
  const state = dropSequence.create(ENTITIES);
  const frame = createFrame(ENTITIES);
  const result = { spread: [] as number[], light: [] as number[] };
  let sumSpread = 0;
  let sumLight = 0;
  let ticks = 0;
  for (;;) {
    const input = show.next();
    if (input.isBeat && ticks > 0) {
      result.spread.push(sumSpread / ticks);
      result.light.push(sumLight / ticks);
      if (result.spread.length === beats) return result;
      sumSpread = sumLight = ticks = 0;
    }
    dropSequence.calculate(input, state, frame);
    sumSpread += spread(frame);
    sumLight += meanBrightness(frame);
    ticks++;
  }
}

describe('drop_sequence', () => {
  it('tightens and brightens over the 16 beats of the build-up', () => {
    const { spread: s, light } = perBeat(16);
    for (let b = 4; b < 16; b += 4) {
      assert.ok(s[b]! < s[b - 4]!, `beat ${b + 1} spread ${s[b]} not below beat ${b - 3} (${s[b - 4]})`);
      assert.ok(light[b]! > light[b - 4]!, `beat ${b + 1} not brighter than beat ${b - 3}`);
    }
    assert.ok(
      s[15]! < s[0]! * 0.4,
      `the knot at beat 16 (${s[15]}) is not much tighter than beat 1 (${s[0]})`,
    );
  });

  it('bursts open on beat 17, the drop, and builds again after 8 beats of drop', () => {
    const { spread: s, light } = perBeat(26);
    assert.ok(s[16]! > s[15]! * 3, `drop spread ${s[16]} vs end of build ${s[15]}`);
    assert.ok(light[16]! > light[0]! + 4, `drop brightness ${light[16]} vs ${light[0]} at the start`);
    // Beat 25 starts the next build-up: wide but dim again.
    assert.ok(light[24]! < light[16]! - 4);
    assert.ok(s[25]! < s[24]!);
  });

  it('follows its build_beats and drop_beats parameters', () => {
    const { spread: s } = perBeat(12, { build_beats: 8, drop_beats: 4 });
    assert.ok(s[8]! > s[7]! * 3, 'drop on beat 9');
    assert.ok(s[11]! > s[7]! * 2, 'still dropping on beat 12');
  });

  it('plays the sequence on an assumed 120 BPM when no beat is heard', () => {
    const show = new SyntheticShow({ params: defaultParams(dropSequence.meta), beats: false });
    const state = dropSequence.create(ENTITIES);
    const frame = createFrame(ENTITIES);
    const samples: number[] = [];
    // 8 s = 16 beats at 120 BPM; sample at every beat.
    for (let tick = 0; tick <= 170; tick++) {
      dropSequence.calculate(show.next(), state, frame);
      if (tick % 10 === 0) samples.push(spread(frame));
    }
    assert.ok(samples[15]! < samples[0]! * 0.4, 'built up');
    assert.ok(samples[16]! > samples[15]! * 3, 'dropped at 8 s');
  });
});
