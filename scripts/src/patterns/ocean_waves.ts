/**
 * Ocean waves: a sea surface of blocks. Long swells roll across it, taller with the bass; every beat drops
 * a stone in the middle and a ring ripples out; crests catch foam (glow) with the highs.
 */
import type { Pattern } from './pattern';
import {
  band,
  beatPunch,
  clamp01,
  hideFrom,
  highs,
  lightFrom,
  liveCount,
  numParam,
  writeEntity,
} from './shape-math';

interface OceanState {
  readonly capacity: number;
  /** Seconds since the latest beat's ripple started (large when none). */
  sinceRipple: number;
  rippleStrength: number;
}

/** Zone widths per second a beat ripple travels. */
const RIPPLE_SPEED = 0.6;

const oceanWaves: Pattern<OceanState> = {
  meta: {
    id: 'ocean_waves',
    name: 'Ocean Waves',
    category: 'organic',
    recommendedEntities: 256,
    params: {
      swell: {
        type: 'number',
        description: 'Height of the swells at full bass, fraction of the zone height',
        default: 0.25,
        min: 0,
        max: 0.6,
      },
      wave_speed: {
        type: 'number',
        description: 'How fast the swells roll, radians per second',
        default: 1.2,
        min: 0,
        max: 6,
      },
      sea_level: {
        type: 'number',
        description: 'Resting height of the surface, fraction of the zone height',
        default: 0.3,
        min: 0.05,
        max: 0.7,
      },
    },
  },
  create(entityCount) {
    return { capacity: entityCount, sinceRipple: 100, rippleStrength: 0 };
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const side = Math.max(1, Math.floor(Math.sqrt(n)));
    const bass = band(input, 0);
    const mids = band(input, 2);
    const sparkle = highs(input);
    const punch = beatPunch(input);
    const swell = numParam(input, 'swell', 0.25) * (0.3 + 0.7 * bass);
    const w = input.t * numParam(input, 'wave_speed', 1.2);
    const level = numParam(input, 'sea_level', 0.3);
    if (input.isBeat) {
      state.sinceRipple = 0;
      state.rippleStrength = clamp01(input.beatIntensity);
    } else state.sinceRipple += clamp01(input.dt);
    const front = state.sinceRipple * RIPPLE_SPEED;
    const ripple = state.rippleStrength * Math.max(0, 1 - front / 0.8);
    for (let i = 0; i < side * side; i++) {
      const u = (i % side) / Math.max(1, side - 1);
      const v = Math.floor(i / side) / Math.max(1, side - 1);
      const long = Math.sin(u * 4 + v * 1.5 - w) * 0.6 + Math.sin(v * 5 - u * 2 - w * 1.3) * 0.4;
      const chop = Math.sin(u * 17 + v * 13 + w * 3) * 0.15 * (0.3 + mids);
      const d = Math.sqrt((u - 0.5) * (u - 0.5) + (v - 0.5) * (v - 0.5));
      const ring = Math.exp(-((d - front) * (d - front)) * 250) * ripple;
      const h = long + chop;
      const crest = clamp01((h - 0.55) * 3) + ring;
      writeEntity(
        out,
        i,
        0.03 + 0.94 * u,
        level + swell * h * 0.5 + 0.2 * ring + 0.05 * punch * (1 - d),
        0.03 + 0.94 * v,
        0.8 + 0.3 * crest + 0.2 * punch,
        (((h * 20) % 360) + 360) % 360,
        crest > 0.5 ? 4 : h > 0 ? 1 : 0,
        lightFrom(0.3 + 0.4 * h + crest * sparkle, 2),
        crest > 0.6 && sparkle > 0.3,
      );
    }
    hideFrom(out, side * side);
  },
};

export default oceanWaves;
