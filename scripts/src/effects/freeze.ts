/** Freeze: the frame sent last tick is held, so the show stands still until switched off. */
import type { Effect } from './effect';

const freeze: Effect = {
  meta: { name: 'freeze', description: 'Holds the current frame until switched off', defaultDurationMs: 0 },
  apply(out, _run, _input, previous) {
    // Entities the previous frame did not have keep what the pattern wrote.
    const n = out.count < previous.count ? out.count : previous.count;
    for (let i = 0; i < n; i++) {
      out.x[i] = previous.x[i]!;
      out.y[i] = previous.y[i]!;
      out.z[i] = previous.z[i]!;
      out.scale[i] = previous.scale[i]!;
      out.rotation[i] = previous.rotation[i]!;
      out.band[i] = previous.band[i]!;
      out.brightness[i] = previous.brightness[i]!;
      out.glow[i] = previous.glow[i]!;
      out.visible[i] = previous.visible[i]!;
    }
  },
};

export default freeze;
