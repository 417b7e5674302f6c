/** Spin down: the show turns around the zone's vertical axis at full speed and slows to a stop. */
import type { Effect } from './effect';
import { rotateAroundCentre, spinAngle } from './effect-math';

const spinDown: Effect = {
  meta: { name: 'spin_down', description: 'Spins the show, slowing to a stop', defaultDurationMs: 4000 },
  apply(out, run) {
    // Angular speed falls linearly to zero: the angle is the integral 1 - (1 - p)².
    const rest = 1 - run.progress;
    const angle = spinAngle(run, 1 - rest * rest);
    for (let i = 0; i < out.count; i++) rotateAroundCentre(out, i, angle);
  },
};

export default spinDown;
