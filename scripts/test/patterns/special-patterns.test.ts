/** What is special about single patterns, beyond what the registry-wide test checks for all of them. */
import assert from 'node:assert/strict';
import bpmStrobe from '../../src/patterns/bpm_strobe';
import fireflies from '../../src/patterns/fireflies';
import type { Pattern, PatternInput } from '../../src/patterns/pattern';
import shockwaveRings from '../../src/patterns/shockwave_rings';
import supernova from '../../src/patterns/supernova';
import { createFrame, defaultParams, SyntheticShow, type Frame } from './synthetic-show';

/** Runs `pattern` tick by tick, calling `look` after each tick. */
function play<S>(
  pattern: Pattern<S>,
  entities: number,
  ticks: number,
  look: (input: PatternInput, frame: Frame, tick: number) => void,
  beats = true,
): void {
  const show = new SyntheticShow({ params: defaultParams(pattern.meta), beats, seed: 8 });
  const state = pattern.create(entities);
  const frame = createFrame(entities);
  for (let tick = 0; tick < ticks; tick++) {
    const input = show.next();
    pattern.calculate(input, state, frame);
    look(input, frame, tick);
  }
}

describe('shockwave_rings', () => {
  it('starts a small ring at the centre on every beat, which then spreads out', () => {
    const perRing = Math.floor(192 / 4);
    let rings = 0;
    play(shockwaveRings, 192, 120, (input, frame) => {
      if (!input.isBeat) return;
      rings++;
      // The newest ring is in slot (rings - 1) % 4: it sits close to the centre.
      const slot = (rings - 1) % 4;
      const i = slot * perRing;
      assert.ok(
        Math.hypot(frame.x[i]! - 0.5, frame.z[i]! - 0.5) < 0.05,
        `ring ${rings} did not start at the centre`,
      );
    });
    assert.ok(rings >= 10, `${rings} beats`);
  });
});

describe('fireflies', () => {
  /** Share of fireflies lit in the frame. */
  const litShare = (frame: Frame): number => frame.glow.reduce((sum, g) => sum + g, 0) / frame.count;

  it('flash together on the beat, in step, more than they do without one', () => {
    let withBeat = 0;
    play(fireflies, 96, 400, (input, frame, tick) => {
      if (tick > 200 && input.isBeat) withBeat = Math.max(withBeat, litShare(frame));
    });
    let without = 0;
    play(
      fireflies,
      96,
      400,
      (_input, frame, tick) => {
        if (tick > 200) without = Math.max(without, litShare(frame));
      },
      false,
    );
    assert.ok(withBeat > 0.9, `only ${withBeat} lit on the beat`);
    assert.ok(without < 0.5, `${without} lit at once without a beat`);
  });
});

describe('supernova', () => {
  const meanRadius = (frame: Frame): number => {
    let sum = 0;
    for (let i = 20; i < frame.count; i++)
      sum += Math.hypot(frame.x[i]! - 0.5, frame.y[i]! - 0.5, frame.z[i]! - 0.5);
    return sum / (frame.count - 20);
  };

  it('resets its shell to the centre on every strong beat and blows it out in between', () => {
    const atBeat: number[] = [];
    let widest = 0;
    play(supernova, 200, 60, (input, frame) => {
      if (input.isBeat) atBeat.push(meanRadius(frame));
      else widest = Math.max(widest, meanRadius(frame));
    });
    assert.ok(
      atBeat.every((r) => r < 0.1),
      atBeat.join(', '),
    );
    assert.ok(widest > 0.2, `the shell reached only ${widest}`);
  });

  it('keeps the shell in when no beat reaches its threshold', () => {
    const show = new SyntheticShow({ params: { ...defaultParams(supernova.meta), threshold: 1 }, seed: 8 });
    const state = supernova.create(200);
    const frame = createFrame(200);
    for (let tick = 0; tick < 60; tick++) {
      supernova.calculate(show.next(), state, frame);
      assert.ok(meanRadius(frame) < 0.05);
    }
  });
});

describe('bpm_strobe', () => {
  it('lights one wall per beat, going round the zone', () => {
    const litWalls: number[] = [];
    play(bpmStrobe, 128, 60, (input, frame) => {
      if (!input.isBeat) return;
      const lit = [0, 1, 2, 3].filter((w) => frame.brightness[w * 32] === 15);
      assert.equal(lit.length, 1, `walls lit: ${lit.join(',')}`);
      litWalls.push(lit[0]!);
    });
    for (let k = 1; k < litWalls.length; k++) assert.equal(litWalls[k], (litWalls[k - 1]! + 1) % 4);
  });
});
