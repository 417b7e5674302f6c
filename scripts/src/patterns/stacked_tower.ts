/**
 * Stacked tower: rings stacked into a tower, bass at the wide foot, highs at the slender top. Each ring's
 * width follows its slice of the spectrum, neighbouring rings turn in opposite directions, the tower grows
 * with the level and jolts upward on the beat.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  beatLead,
  beatPunch,
  bandOf,
  clamp01,
  hideFrom,
  highs,
  lightFrom,
  liveCount,
  numParam,
  spectrumAt,
  writeEntity,
  circleOf,
  circleTable,
  type CircleTable,
} from './shape-math';

interface TowerState {
  readonly capacity: number;
  /** Turn of the tower, radians; odd rings use its negative. */
  angle: number;
  /** The points of one ring. */
  readonly circle: CircleTable;
}

const stackedTower: Pattern<TowerState> = {
  meta: {
    id: 'stacked_tower',
    name: 'Stacked Tower',
    category: 'spectrum',
    recommendedEntities: 160,
    params: {
      sensitivity: {
        type: 'number',
        description: 'Gain on the spectrum before it widens the rings',
        default: 1,
        min: 0.1,
        max: 4,
      },
      per_ring: { type: 'number', description: 'Entities in each ring', default: 12, min: 3, max: 32 },
      spin_speed: {
        type: 'number',
        description: 'Turns per second of the rings at full volume',
        default: 0.15,
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
    const perRing = Math.max(1, Math.min(n, Math.round(numParam(input, 'per_ring', 12))));
    const rings = Math.max(1, Math.ceil(n / perRing));
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const sparkle = highs(input);
    state.angle =
      (state.angle + TAU * numParam(input, 'spin_speed', 0.15) * (0.3 + input.amplitude) * input.dt) % TAU;
    const height = 0.55 + 0.3 * clamp01(input.amplitude * gain) + 0.12 * punch - 0.04 * lead;
    const { cos: pointCos, sin: pointSin } = circleOf(state.circle, perRing);
    // Everything but a block's angle is its ring's, worked out once per ring; the angle is the ring's turn
    // added to the block's point on the circle table.
    for (let ring = 0, i = 0; i < n; ring++) {
      const f = rings > 1 ? ring / (rings - 1) : 0;
      const level = clamp01(spectrumAt(input, f) * gain);
      const taper = 1 - 0.5 * f;
      const r = (0.06 + 0.3 * level) * taper * (1 + 0.2 * punch * (1 - f));
      const turn = (ring % 2 === 0 ? state.angle : -state.angle) + ring * 0.3;
      const cosTurn = Math.cos(turn);
      const sinTurn = Math.sin(turn);
      const y = 0.03 + ((ring + 0.5) / rings) * height;
      const scale = (0.5 + 0.9 * level) * taper + 0.5 * punch * (1 - f);
      const top = f > 0.75;
      const ringBand = bandOf(f);
      const light = lightFrom(level + (top ? sparkle : 0));
      const glow = top && sparkle > 0.45;
      const end = Math.min(n, i + perRing);
      for (let k = 0; i < end; k++, i++) {
        writeEntity(
          out,
          i,
          0.5 + (pointCos[k]! * cosTurn - pointSin[k]! * sinTurn) * r,
          y,
          0.5 + (pointSin[k]! * cosTurn + pointCos[k]! * sinTurn) * r,
          scale,
          (-((k / perRing) * TAU + turn) * 360) / TAU,
          ringBand,
          light,
          glow,
        );
      }
    }
    hideFrom(out, n);
  },
};

export default stackedTower;
