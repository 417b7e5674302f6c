/**
 * Shockwave rings: every beat sends a ring racing outward across the floor from the centre, rising and
 * falling like a ripple, fading as it grows. The bass sets how high a ring stands; the highs make the
 * leading edge glitter. Without beats, bass hits start the rings.
 */
import type { Pattern } from './pattern';
import {
  band,
  circleOf,
  circleTable,
  clamp01,
  hideFrom,
  highs,
  lightFrom,
  liveCount,
  MAX_BAND_INDEX,
  numParam,
  TAU,
  type CircleTable,
  writeEntity,
} from './shape-math';

interface RingsState {
  readonly capacity: number;
  /** Per ring slot: radius (zone units, > 0.75 means gone) and strength 0–1. */
  readonly radius: Float32Array;
  readonly strength: Float32Array;
  /** Next ring slot to reuse (oldest first), and the bass of the previous tick to find hits. */
  next: number;
  lastBass: number;
  /** The points of one ring. */
  readonly circle: CircleTable;
}

const MAX_RINGS = 8;
/** Radius past which a ring is finished. */
const GONE = 0.75;

const shockwaveRings: Pattern<RingsState> = {
  meta: {
    id: 'shockwave_rings',
    name: 'Shockwave Rings',
    category: 'beat',
    recommendedEntities: 192,
    params: {
      rings: { type: 'number', description: 'Rings alive at once', default: 4, min: 1, max: MAX_RINGS },
      speed: {
        type: 'number',
        description: 'How fast a ring spreads, zone widths per second',
        default: 0.45,
        min: 0.05,
        max: 2,
      },
      height: {
        type: 'number',
        description: 'How high a full-bass ring stands, fraction of the zone height',
        default: 0.35,
        min: 0,
        max: 1,
      },
    },
  },
  create(entityCount) {
    return {
      capacity: entityCount,
      radius: new Float32Array(MAX_RINGS).fill(GONE + 1),
      strength: new Float32Array(MAX_RINGS),
      next: 0,
      lastBass: 0,
      circle: circleTable(entityCount),
    };
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const rings = Math.max(1, Math.min(MAX_RINGS, Math.round(numParam(input, 'rings', 4))));
    const bass = band(input, 0);
    const sparkle = highs(input);
    const hit = input.isBeat || (input.bpm <= 0 && bass - state.lastBass > 0.25);
    state.lastBass = bass;
    if (hit) {
      const slot = state.next % rings;
      state.next = (slot + 1) % rings;
      state.radius[slot] = 0.01;
      state.strength[slot] = Math.max(0.3, clamp01(input.isBeat ? input.beatIntensity : bass));
    }
    const grow = numParam(input, 'speed', 0.45) * clamp01(input.dt);
    const height = numParam(input, 'height', 0.35);
    const perRing = Math.max(1, Math.floor(n / rings));
    // A block's angle is its point on the ring plus the ring's offset, and its crest is the sine of six times
    // that plus time: both added from the circle table (6k mod perRing is the point at six times the angle).
    const { cos: pointCos, sin: pointSin } = circleOf(state.circle, perRing);
    const sway = input.t * 3;
    for (let r = 0; r < rings; r++) {
      state.radius[r]! += grow;
      const radius = state.radius[r]!;
      const alive = radius < GONE;
      const fade = alive ? 1 - radius / GONE : 0;
      const power = state.strength[r]! * fade;
      const offset = r * 0.4;
      const cosOffset = Math.cos(offset);
      const sinOffset = Math.sin(offset);
      const crestPhase = 6 * offset + sway;
      const cosCrest = Math.cos(crestPhase);
      const sinCrest = Math.sin(crestPhase);
      const lift = height * power * (0.5 + 0.5 * bass);
      const size = 0.3 + 1.1 * power;
      const ringBand = Math.min(MAX_BAND_INDEX, Math.floor(radius * 6));
      const light = lightFrom(power + sparkle * 0.3, 1);
      const glow = power > 0.5;
      for (let k = 0; k < perRing; k++) {
        const cos = pointCos[k]! * cosOffset - pointSin[k]! * sinOffset;
        const sin = pointSin[k]! * cosOffset + pointCos[k]! * sinOffset;
        const six = (6 * k) % perRing;
        const crest = (pointSin[six]! * cosCrest + pointCos[six]! * sinCrest) * 0.3 + 0.7;
        writeEntity(
          out,
          r * perRing + k,
          0.5 + cos * radius,
          0.03 + lift * crest,
          0.5 + sin * radius,
          alive ? size * (0.7 + 0.3 * sparkle * crest) : 0,
          (-((k / perRing) * TAU + offset) * 360) / TAU,
          ringBand,
          light,
          glow,
        );
      }
    }
    hideFrom(out, rings * perRing);
  },
};

export default shockwaveRings;
