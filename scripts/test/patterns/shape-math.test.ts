import assert from 'node:assert/strict';
import type { PatternInput } from '../../src/patterns/pattern';
import {
  beatLead,
  circleOf,
  circleTable,
  beatPunch,
  clamp,
  fibonacciSphere,
  fract,
  hash01,
  hideFrom,
  spectrumAt,
  writeEntity,
} from '../../src/patterns/shape-math';
import { createFrame, SyntheticShow } from './synthetic-show';

function inputWith(overrides: Partial<PatternInput>): PatternInput {
  return { ...new SyntheticShow().next(), ...overrides };
}

describe('shape-math', () => {
  it('fills a circle table for a count and remakes it only when the count changes', () => {
    const table = circleTable(8);
    circleOf(table, 4);
    assert.deepEqual(
      [...table.cos.subarray(0, 4)].map((c) => Math.round(c) + 0),
      [1, 0, -1, 0],
    );
    assert.deepEqual([...table.sin.subarray(0, 4)].map(Math.round), [0, 1, 0, -1]);
    table.cos[0] = 7; // not remade for the same count
    assert.equal(circleOf(table, 4).cos[0], 7);
    circleOf(table, 8);
    assert.ok(Math.abs(table.cos[1]! - Math.SQRT1_2) < 1e-12);
  });

  describe('writeEntity', () => {
    it('clamps every field into its range and turns NaN into the low end', () => {
      const out = createFrame(2);
      writeEntity(out, 0, NaN, 1.5, -3, 9, -90, 7.9, 40, true);
      assert.deepEqual([out.x[0], out.y[0], out.z[0], out.scale[0]], [0, 1, 0, 4]);
      assert.equal(out.rotation[0], 270);
      assert.deepEqual([out.band[0], out.brightness[0], out.glow[0], out.visible[0]], [4, 15, 1, 1]);
      writeEntity(out, 1, 0.5, 0.5, 0.5, NaN, NaN, NaN, NaN, false);
      assert.deepEqual(
        [out.scale[1], out.rotation[1], out.band[1], out.brightness[1], out.visible[1]],
        [0, 0, 0, 0, 0],
      );
    });

    it('ignores an index past the live count', () => {
      const out = createFrame(4);
      out.count = 2;
      writeEntity(out, 2, 0.7, 0.7, 0.7, 1, 0, 1, 10, false);
      writeEntity(out, -1, 0.7, 0.7, 0.7, 1, 0, 1, 10, false);
      assert.equal(out.x[2], 0);
      assert.equal(out.brightness[2], 0);
    });
  });

  describe('hideFrom', () => {
    it('hides the entities from an index to the live count and no further', () => {
      const out = createFrame(4);
      out.visible.fill(1);
      out.scale.fill(1);
      out.count = 3;
      hideFrom(out, 1);
      assert.deepEqual([...out.visible], [1, 0, 0, 1]);
      assert.deepEqual([...out.scale], [1, 0, 0, 1]);
    });
  });

  describe('spectrumAt', () => {
    it('interpolates between spectrum bins', () => {
      const input = inputWith({ spectrum: new Float32Array([0, 1, 0.5]) });
      assert.equal(spectrumAt(input, 0), 0);
      assert.equal(spectrumAt(input, 0.25), 0.5);
      assert.equal(spectrumAt(input, 0.5), 1);
      assert.equal(spectrumAt(input, 1), 0.5);
    });

    it('falls back to the five bands when there is no spectrum', () => {
      const input = inputWith({ spectrum: new Float32Array(0), bands: new Float32Array([1, 0, 0, 0, 0.5]) });
      assert.equal(spectrumAt(input, 0), 1);
      assert.equal(spectrumAt(input, 1), 0.5);
      assert.equal(spectrumAt(input, 0.125), 0.5);
    });

    it('keeps out-of-range positions and bins inside 0–1', () => {
      const input = inputWith({ spectrum: new Float32Array([2, NaN]) });
      assert.equal(spectrumAt(input, -1), 1);
      assert.equal(spectrumAt(input, 5), 0);
    });
  });

  describe('beatPunch and beatLead', () => {
    it('punch is strongest right on the beat and gone by its end', () => {
      const on = beatPunch(inputWith({ bpm: 120, beatPhase: 0, beatIntensity: 1 }));
      const late = beatPunch(inputWith({ bpm: 120, beatPhase: 0.9, beatIntensity: 1 }));
      assert.equal(on, 1);
      assert.ok(late < 0.02);
    });

    it('punch follows the decaying intensity when the tempo is unknown', () => {
      assert.equal(beatPunch(inputWith({ bpm: 0, beatPhase: 0.9, beatIntensity: 0.4 })), 0.4);
    });

    it('lead rises only over the last quarter of the beat, and is 0 without tempo', () => {
      assert.equal(beatLead(inputWith({ bpm: 120, beatPhase: 0.5 })), 0);
      assert.ok(beatLead(inputWith({ bpm: 120, beatPhase: 0.99 })) > 0.9);
      assert.equal(beatLead(inputWith({ bpm: 0, beatPhase: 0.99 })), 0);
    });
  });

  describe('small helpers', () => {
    it('fract stays in [0, 1) for negative input and NaN', () => {
      assert.equal(fract(-0.25), 0.75);
      assert.equal(fract(NaN), 0);
      assert.equal(clamp(NaN, 2, 3), 2);
    });

    it('hash01 is fixed per index and salt and spread over [0, 1)', () => {
      assert.equal(hash01(5, 1), hash01(5, 1));
      let low = 0;
      for (let i = 0; i < 1000; i++) {
        const h = hash01(i, 3);
        assert.ok(h >= 0 && h < 1);
        if (h < 0.5) low++;
      }
      assert.ok(low > 400 && low < 600, `${low} of 1000 below 0.5`);
    });

    it('fibonacciSphere fills unit vectors from the north pole to the south pole', () => {
      const xs = new Float32Array(50);
      const ys = new Float32Array(50);
      const zs = new Float32Array(50);
      fibonacciSphere(xs, ys, zs);
      for (let i = 0; i < 50; i++) assert.ok(Math.abs(Math.hypot(xs[i]!, ys[i]!, zs[i]!) - 1) < 1e-5);
      assert.ok(ys[0]! > 0.95 && ys[49]! < -0.95);
    });
  });
});
