import { strict as assert } from 'node:assert';
import { EFFECT_NAMES, type EffectName } from '@audioviz/shared-types';
import type { Effect } from '../../src/effects/effect';
import { createFrame } from '../../src/pool/frame';
import { MutableInput } from '../../src/show/audio-input';
import { EFFECT_ORDER, EffectLayer } from '../../src/show/effect-layer';

/** Effects that record their runs: brightness = call order, scale = progress. */
function recordingEffects(calls: string[]): Record<EffectName, Effect> {
  const effects = {} as Record<EffectName, Effect>;
  for (const name of EFFECT_NAMES) {
    effects[name] = {
      meta: {
        name,
        description: name,
        defaultDurationMs: name === 'blackout' || name === 'freeze' ? 0 : 1000,
      },
      apply(out, run) {
        calls.push(name);
        out.scale[0] = run.progress;
        out.rotation[0] = run.intensity;
      },
    };
  }
  return effects;
}

const input = new MutableInput(() => 0);
const frame = createFrame(1);
const ignore = (): void => undefined;

describe('EffectLayer', () => {
  it('runs a timed effect for its duration, with progress 0–1, then ends it', () => {
    const calls: string[] = [];
    const layer = new EffectLayer(recordingEffects(calls));
    layer.trigger('flash', 1000, 0.5);
    layer.apply(frame, input, frame, 1500, ignore);
    assert.equal(frame.scale[0], 0.5);
    assert.equal(frame.rotation[0], 0.5);
    assert.deepEqual(layer.active(), ['flash']);
    layer.apply(frame, input, frame, 2000, ignore);
    assert.deepEqual(layer.active(), []);
    assert.deepEqual(calls, ['flash']);
  });

  it('toggles blackout and freeze, or runs them for a given duration', () => {
    const layer = new EffectLayer(recordingEffects([]));
    layer.trigger('blackout', 0);
    assert.equal(layer.isActive('blackout'), true);
    layer.trigger('blackout', 10);
    assert.equal(layer.isActive('blackout'), false);
    layer.trigger('freeze', 0, 1, 100);
    layer.apply(frame, input, frame, 200, ignore);
    assert.equal(layer.isActive('freeze'), false);
  });

  it('switches any effect off with intensity 0', () => {
    const layer = new EffectLayer(recordingEffects([]));
    layer.trigger('strobe', 0);
    layer.trigger('strobe', 0, 0);
    assert.deepEqual(layer.active(), []);
  });

  it('applies freeze first and blackout last', () => {
    const calls: string[] = [];
    const layer = new EffectLayer(recordingEffects(calls));
    for (const name of ['blackout', 'pulse', 'freeze'] as const) layer.trigger(name, 0);
    layer.apply(frame, input, frame, 10, ignore);
    assert.deepEqual(calls, ['freeze', 'pulse', 'blackout']);
    assert.equal(EFFECT_ORDER.length, EFFECT_NAMES.length);
  });

  it('switches off and reports an effect that throws', () => {
    const effects = recordingEffects([]);
    effects.wave = {
      meta: effects.wave.meta,
      apply: () => {
        throw new Error('boom');
      },
    };
    const layer = new EffectLayer(effects);
    const reported: string[] = [];
    layer.trigger('wave', 0);
    layer.apply(frame, input, frame, 1, (name, err) => reported.push(`${name}: ${(err as Error).message}`));
    assert.deepEqual(reported, ['wave: boom']);
    assert.equal(layer.isActive('wave'), false);
  });
});
