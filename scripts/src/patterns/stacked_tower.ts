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
} from './shape-math';

interface TowerState {
  readonly capacity: number;
  /** Turn of the tower, radians; odd rings use its negative. */
  angle: number;
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
    return { capacity: entityCount, angle: 0 };
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
    for (let i = 0; i < n; i++) {
      const ring = Math.floor(i / perRing);
      const f = rings > 1 ? ring / (rings - 1) : 0;
      const level = clamp01(spectrumAt(input, f) * gain);
      const taper = 1 - 0.5 * f;
      const r = (0.06 + 0.3 * level) * taper * (1 + 0.2 * punch * (1 - f));
      const a = ((i % perRing) / perRing) * TAU + (ring % 2 === 0 ? state.angle : -state.angle) + ring * 0.3;
      const y = 0.03 + ((ring + 0.5) / rings) * height;
      const scale = (0.5 + 0.9 * level) * taper + 0.5 * punch * (1 - f);
      const top = f > 0.75;
      writeEntity(
        out,
        i,
        0.5 + Math.cos(a) * r,
        y,
        0.5 + Math.sin(a) * r,
        scale,
        (-a * 360) / TAU,
        bandOf(f),
        lightFrom(level + (top ? sparkle : 0)),
        top && sparkle > 0.45,
      );
    }
    hideFrom(out, n);
  },
};

export default stackedTower;
