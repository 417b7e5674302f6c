/** Spin up: the whole show starts turning around the zone's vertical axis, faster and faster. */
import type { Effect } from './effect';
import { rotateAroundCentre, spinAngle } from './effect-math';

const spinUp: Effect = {
  meta: { name: 'spin_up', description: 'Spins the show, accelerating', defaultDurationMs: 4000 },
  apply(out, run) {
    // Angular speed grows linearly with progress, so the angle grows with its square.
    const angle = spinAngle(run, run.progress * run.progress);
    for (let i = 0; i < out.count; i++) rotateAroundCentre(out, i, angle);
  },
};

export default spinUp;
