/**
 * Explode: everything is thrown outward from the zone's centre and grows, then falls back into the
 * pattern over the duration.
 */
import { MAX_ENTITY_SCALE, MAX_BRIGHTNESS } from '@audioviz/shared-types';
import type { Effect } from './effect';
import { clamp01 } from '../patterns/shape-math';
import { fadeOut } from './effect-math';

const explode: Effect = {
  meta: { name: 'explode', description: 'Blows the show apart from its centre', defaultDurationMs: 1200 },
  apply(out, run) {
    const k = fadeOut(run);
    const push = 1 + 1.5 * k;
    const scaleCap = MAX_ENTITY_SCALE;
    const lightCap = MAX_BRIGHTNESS;
    for (let i = 0; i < out.count; i++) {
      out.x[i] = clamp01(0.5 + (out.x[i]! - 0.5) * push);
      out.y[i] = clamp01(0.5 + (out.y[i]! - 0.5) * push);
      out.z[i] = clamp01(0.5 + (out.z[i]! - 0.5) * push);
      out.scale[i] = Math.min(scaleCap, out.scale[i]! * (1 + 0.5 * k));
      out.brightness[i] = Math.min(lightCap, Math.round(out.brightness[i]! + 6 * k));
    }
  },
};

export default explode;
