/** Spiral: entities are twisted around the zone's vertical axis, more the farther out and higher they are. */
import type { Effect } from './effect';
import { fadeOut, rotateAroundCentre } from './effect-math';

const spiral: Effect = {
  meta: { name: 'spiral', description: 'Twists the show into a turning spiral', defaultDurationMs: 3000 },
  apply(out, run) {
    const k = fadeOut(run);
    const turn = run.elapsed * Math.PI;
    for (let i = 0; i < out.count; i++) {
      const dx = out.x[i]! - 0.5;
      const dz = out.z[i]! - 0.5;
      const r = Math.sqrt(dx * dx + dz * dz);
      const angle = k * (0.6 + turn + (r * 6 + out.y[i]! * 3));
      rotateAroundCentre(out, i, angle);
    }
  },
};

export default spiral;
