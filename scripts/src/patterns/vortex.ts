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

/** Most arms (the `arms` parameter's max). */
const MAX_ARMS = 8;
/** ARM_COS[arms][arm] / ARM_SIN[arms][arm]: cos and sin of arm × 2π / arms. */
const ARM_COS: Float64Array[] = [];
const ARM_SIN: Float64Array[] = [];
for (let arms = 0; arms <= MAX_ARMS; arms++) {
  ARM_COS.push(new Float64Array(arms).map((_, arm) => Math.cos((arm * TAU) / arms)));
  ARM_SIN.push(new Float64Array(arms).map((_, arm) => Math.sin((arm * TAU) / arms)));
}

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
      arms: { type: 'number', description: 'Number of spiral arms', default: 4, min: 1, max: MAX_ARMS },
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
    const arms = Math.max(1, Math.min(MAX_ARMS, Math.round(numParam(input, 'arms', 4))));
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
    const armStep = TAU / arms;
    const spin = state.spin;
    const flow = state.flow;
    // Entity i is ring k = ⌊i / arms⌋ of arm i mod arms. Everything but the angle is the ring's, worked out
    // once per ring; the arm's angle is added from its cos/sin (sin(a + b) = sin a cos b + cos a sin b) so a
    // block costs a few multiplications (see scripts/README.md, "Writing fast patterns").
    const armCos = ARM_COS[arms]!;
    const armSin = ARM_SIN[arms]!;
    for (let k = 0, i = 0; i < n; k++) {
      // h: 1 at the mouth (top), 0 at the throat; flowing down over time.
      const h = fract(k / perArm - flow);
      const r = 0.03 + mouth * h * h;
      const level = clamp01(spectrumAt(input, 1 - h));
      const scale = (0.3 + 0.9 * level) * (0.4 + 0.6 * h) + 0.4 * punch * h;
      const ringBand = bandOf(1 - h);
      const light = lightFrom(level + (h < 0.3 ? sparkle : 0));
      const glow = h < 0.2 && sparkle > 0.4;
      const y = 0.05 + 0.9 * h;
      const turn = spin + h * twist;
      const cosTurn = Math.cos(turn);
      const sinTurn = Math.sin(turn);
      for (let arm = 0; arm < arms && i < n; arm++, i++) {
        const cosArm = armCos[arm]!;
        const sinArm = armSin[arm]!;
        writeEntity(
          out,
          i,
          0.5 + (cosArm * cosTurn - sinArm * sinTurn) * r,
          y,
          0.5 + (sinArm * cosTurn + cosArm * sinTurn) * r,
          scale,
          (-(arm * armStep + turn) * 360) / TAU,
          ringBand,
          light,
          glow,
        );
      }
    }
    hideFrom(out, n);
  },
};

export default vortex;
