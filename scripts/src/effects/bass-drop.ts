/**
 * Bass drop: the show slams to the floor and swells with the bass, then rises back over the duration.
 */
import { MAX_ENTITY_SCALE } from '@audioviz/shared-types';
import type { Effect } from './effect';
import { clamp01 } from '../patterns/shape-math';
import { fadeOut } from './effect-math';

const bassDrop: Effect = {
  meta: {
    name: 'bass_drop',
    description: 'Slams everything down and swells it with the bass',
    defaultDurationMs: 1500,
  },
  apply(out, run, input) {
    const k = fadeOut(run);
    const bass = clamp01(input.bands[0] ?? 0);
    const swell = 1 + k * (0.5 + bass);
    const scaleCap = MAX_ENTITY_SCALE;
    for (let i = 0; i < out.count; i++) {
      out.y[i] = clamp01(out.y[i]! * (1 - 0.85 * k));
      out.scale[i] = Math.min(scaleCap, out.scale[i]! * swell);
    }
  },
};

export default bassDrop;
