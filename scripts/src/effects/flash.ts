/** Flash: everything jumps to full light and glows, then fades back to the pattern over the duration. */
import { MAX_BRIGHTNESS, MAX_ENTITY_SCALE } from '@audioviz/shared-types';
import type { Effect } from './effect';
import { fadeOut } from './effect-math';

const flash: Effect = {
  meta: { name: 'flash', description: 'A burst of full light that fades out', defaultDurationMs: 400 },
  apply(out, run) {
    const k = fadeOut(run);
    const scaleCap = MAX_ENTITY_SCALE;
    const lightCap = MAX_BRIGHTNESS;
    for (let i = 0; i < out.count; i++) {
      out.brightness[i] = Math.round(out.brightness[i]! + (lightCap - out.brightness[i]!) * k);
      if (k > 0.3) out.glow[i] = 1;
      out.scale[i] = Math.min(scaleCap, out.scale[i]! * (1 + 0.3 * k));
    }
  },
};

export default flash;
