/** Pulse: every entity swells and shrinks twice a beat (twice a second without tempo), fading out. */
import { MAX_ENTITY_SCALE, MAX_BRIGHTNESS } from '@audioviz/shared-types';
import type { Effect } from './effect';
import { fadeOut } from './effect-math';

const pulse: Effect = {
  meta: { name: 'pulse', description: 'Everything swells in time with the beat', defaultDurationMs: 2000 },
  apply(out, run, input) {
    const k = fadeOut(run);
    const hz = input.bpm > 0 ? input.bpm / 60 : 2;
    // 1 at the trigger and on every beat, falling in between.
    const wave = 0.5 + 0.5 * Math.cos(run.elapsed * hz * Math.PI * 2);
    const factor = 1 + 0.8 * k * wave;
    const scaleCap = MAX_ENTITY_SCALE;
    const lightCap = MAX_BRIGHTNESS;
    for (let i = 0; i < out.count; i++) {
      out.scale[i] = Math.min(scaleCap, out.scale[i]! * factor);
      out.brightness[i] = Math.min(lightCap, Math.round(out.brightness[i]! + 4 * k * wave));
    }
  },
};

export default pulse;
