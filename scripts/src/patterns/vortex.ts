/**
 * Vortex: spiral arms of blocks swirling down a funnel, wide at the top and tight at the bottom, flowing
 * downward all the time. The swirl speeds up with the level and whips on the beat; the funnel's mouth
 * widens with the bass.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  band,
  beatLead,
  beatPunch,
  bandOf,
  clamp01,
  fract,
  hideFrom,
  highs,
  lightFrom,
  liveCount,
  numParam,
  spectrumAt,
  writeEntity,
} from './shape-math';

interface VortexState {
  readonly capacity: number;
  /** Swirl angle, radians, and downward flow 0–1. */
  spin: number;
  flow: number;
}

const vortex: Pattern<VortexState> = {
  meta: {
    id: 'vortex',
    name: 'Vortex',
    category: 'cosmic',
    recommendedEntities: 160,
    params: {
      arms: { type: 'number', description: 'Number of spiral arms', default: 4, min: 1, max: 8 },
      swirl: { type: 'number', description: 'Turns per second at full volume', default: 0.5, min: 0, max: 3 },
      twist: {
        type: 'number',
        description: 'Turns of each arm from top to bottom',
        default: 1.5,
        min: 0,
        max: 4,
      },
    },
  },
  create(entityCount) {
    return { capacity: entityCount, spin: 0, flow: 0 };
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const arms = Math.max(1, Math.round(numParam(input, 'arms', 4)));
    const twist = numParam(input, 'twist', 1.5) * TAU;
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const bass = band(input, 0);
    const sparkle = highs(input);
    state.spin =
      (state.spin + numParam(input, 'swirl', 0.5) * TAU * (0.2 + input.amplitude + 2 * punch) * input.dt) %
      TAU;
    state.flow = fract(state.flow + input.dt * (0.05 + 0.15 * input.amplitude));
    const mouth = 0.3 + 0.14 * bass + 0.06 * punch - 0.04 * lead;
    const perArm = Math.max(1, Math.ceil(n / arms));
    for (let i = 0; i < n; i++) {
      const arm = i % arms;
      const k = Math.floor(i / arms);
      // h: 1 at the mouth (top), 0 at the throat; flowing down over time.
      const h = fract(k / perArm - state.flow);
      const r = 0.03 + mouth * h * h;
      const a = (arm * TAU) / arms + state.spin + h * twist;
      const level = clamp01(spectrumAt(input, 1 - h));
      writeEntity(
        out,
        i,
        0.5 + Math.cos(a) * r,
        0.05 + 0.9 * h,
        0.5 + Math.sin(a) * r,
        (0.3 + 0.9 * level) * (0.4 + 0.6 * h) + 0.4 * punch * h,
        (-a * 360) / TAU,
        bandOf(1 - h),
        lightFrom(level + (h < 0.3 ? sparkle : 0)),
        h < 0.2 && sparkle > 0.4,
      );
    }
    hideFrom(out, n);
  },
};

export default vortex;
