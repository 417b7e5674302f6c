/** Wave: a travelling sine lifts and lowers entities across the zone's x axis. */
import type { Effect } from './effect';
import { clamp01 } from '../patterns/shape-math';
import { fadeOut } from './effect-math';

/** Wavelength in zone widths and crests per second. */
const WAVELENGTH = 0.5;
const SPEED_HZ = 1.5;

const wave: Effect = {
  meta: { name: 'wave', description: 'A wave rolls across the show', defaultDurationMs: 3000 },
  apply(out, run) {
    const amp = 0.25 * fadeOut(run);
    const phase = run.elapsed * SPEED_HZ * Math.PI * 2;
    for (let i = 0; i < out.count; i++) {
      const lift = Math.sin((out.x[i]! / WAVELENGTH) * Math.PI * 2 - phase + 1);
      out.y[i] = clamp01(out.y[i]! + amp * lift);
    }
  },
};

export default wave;
