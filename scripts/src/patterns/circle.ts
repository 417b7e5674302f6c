/**
 * Spectrum circle: a ring of entities around the zone's centre, the spectrum wrapped once around it
 * (mirrored so bass sits at both ends and the ring is symmetric). Each entity rises with its frequency's
 * level; the ring slowly turns, widens on the beat and leans in just before it.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  bandOf,
  beatLead,
  beatPunch,
  clamp01,
  hideFrom,
  highs,
  liveCount,
  lightFrom,
  numParam,
  spectrumAt,
  writeEntity,
  circleOf,
  circleTable,
  type CircleTable,
} from './shape-math';

interface CircleState {
  readonly capacity: number;
  /** Ring rotation, radians. */
  angle: number;
  readonly circle: CircleTable;
}

const circle: Pattern<CircleState> = {
  meta: {
    id: 'circle',
    name: 'Spectrum Circle',
    category: 'spectrum',
    recommendedEntities: 96,
    params: {
      sensitivity: {
        type: 'number',
        description: 'Gain on the spectrum before it lifts the ring',
        default: 1,
        min: 0.1,
        max: 4,
      },
      radius: {
        type: 'number',
        description: 'Ring radius as a fraction of half the zone',
        default: 0.7,
        min: 0.1,
        max: 1,
      },
      spin_speed: {
        type: 'number',
        description: 'Turns per second of the ring at full volume',
        default: 0.1,
        min: 0,
        max: 2,
      },
    },
  },
  create(entityCount) {
    return { capacity: entityCount, angle: 0, circle: circleTable(entityCount) };
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const gain = numParam(input, 'sensitivity', 1);
    const radius = numParam(input, 'radius', 0.7) * 0.45;
    const spin = numParam(input, 'spin_speed', 0.1);
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const bass = clamp01(input.bands[0] ?? 0);
    const sparkle = highs(input);
    state.angle = (state.angle + TAU * spin * (0.3 + input.amplitude) * input.dt) % TAU;
    const r0 = radius * (1 + 0.25 * punch - 0.08 * lead + 0.1 * bass);
    // Each block's angle is its point on the circle table turned by the ring's angle (sin(a + b) =
    // sin a cos b + cos a sin b): a few multiplications instead of Math.cos and Math.sin.
    const { cos: pointCos, sin: pointSin } = circleOf(state.circle, n);
    const cosTurn = Math.cos(state.angle);
    const sinTurn = Math.sin(state.angle);
    for (let i = 0; i < n; i++) {
      const u = i / n;
      // Mirror: 0 → 0.5 → 1 around the ring maps to low → high → low frequencies.
      const f = u < 0.5 ? u * 2 : (1 - u) * 2;
      const level = clamp01(spectrumAt(input, f) * gain);
      const r = r0 * (1 + 0.15 * level);
      const pc = pointCos[i]!;
      const ps = pointSin[i]!;
      writeEntity(
        out,
        i,
        0.5 + (pc * cosTurn - ps * sinTurn) * r,
        0.1 + 0.75 * level,
        0.5 + (ps * cosTurn + pc * sinTurn) * r,
        0.4 + 1.2 * level + 0.6 * punch * (1 - f),
        (-(u * TAU + state.angle) * 360) / TAU,
        bandOf(f),
        lightFrom(level + 0.5 * sparkle * f),
        f > 0.7 && sparkle > 0.5,
      );
    }
    hideFrom(out, n);
  },
};

export default circle;
