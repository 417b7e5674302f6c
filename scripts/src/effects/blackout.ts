/** Blackout: every entity goes dark and shrinks to nothing until the effect is switched off. */
import type { Effect } from './effect';

const blackout: Effect = {
  meta: { name: 'blackout', description: 'Hides the whole show until switched off', defaultDurationMs: 0 },
  apply(out) {
    for (let i = 0; i < out.count; i++) {
      out.scale[i] = 0;
      out.brightness[i] = 0;
      out.glow[i] = 0;
      out.visible[i] = 0;
    }
  },
};

export default blackout;
