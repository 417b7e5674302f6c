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
  /** The grid side the tables below were made for (0: none yet). */
  side: number;
  /** Per column: sin and cos of the three waves' column parts (4u, −2u, 17u). */
  readonly columnTrig: Float32Array;
  /** Per block: distance from the centre of the surface, zone widths. */
  readonly distance: Float32Array;
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
    return {
      capacity: entityCount,
      sinceRipple: 100,
      rippleStrength: 0,
      side: 0,
      columnTrig: new Float32Array(6 * entityCount),
      distance: new Float32Array(entityCount),
    };
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
    const span = Math.max(1, side - 1);
    if (state.side !== side) describeGrid(state, side, span);
    const { columnTrig, distance } = state;
    const chopHeight = 0.15 * (0.3 + mids);
    // Each wave is sin(column part + row part) = sin c·cos r + cos c·sin r: the row parts are worked out once
    // per row and the column parts once per grid, so a block costs a few multiplications, not three Math.sin.
    for (let row = 0, i = 0; row < side; row++) {
      const v = row / span;
      const a = 1.5 * v - w;
      const b = 5 * v - w * 1.3;
      const c = 13 * v + w * 3;
      const sa = Math.sin(a);
      const ca = Math.cos(a);
      const sb = Math.sin(b);
      const cb = Math.cos(b);
      const sc = Math.sin(c);
      const cc = Math.cos(c);
      const z = 0.03 + 0.94 * v;
      for (let col = 0; col < side; col++, i++) {
        const t = col * 6;
        const long =
          (columnTrig[t]! * ca + columnTrig[t + 1]! * sa) * 0.6 +
          (sb * columnTrig[t + 3]! + cb * columnTrig[t + 2]!) * 0.4;
        const chop = (columnTrig[t + 4]! * cc + columnTrig[t + 5]! * sc) * chopHeight;
        const d = distance[i]!;
        const ring = ripple > 0 ? Math.exp(-((d - front) * (d - front)) * 250) * ripple : 0;
        const h = long + chop;
        const foam = (h - 0.55) * 3;
        const crest = (foam > 0 ? (foam < 1 ? foam : 1) : 0) + ring;
        writeEntity(
          out,
          i,
          0.03 + (0.94 * col) / span,
          level + swell * h * 0.5 + 0.2 * ring + 0.05 * punch * (1 - d),
          z,
          0.8 + 0.3 * crest + 0.2 * punch,
          h * 20, // within ±25°: writeEntity wraps it into 0–360
          crest > 0.5 ? 4 : h > 0 ? 1 : 0,
          lightFrom(0.3 + 0.4 * h + crest * sparkle, 2),
          crest > 0.6 && sparkle > 0.3,
        );
      }
    }
    hideFrom(out, side * side);
  },
};

/** Fills the per-column trigonometry and per-block distances for a `side` × `side` grid. */
function describeGrid(state: OceanState, side: number, span: number): void {
  state.side = side;
  for (let col = 0; col < side; col++) {
    const u = col / span;
    const t = col * 6;
    state.columnTrig[t] = Math.sin(4 * u);
    state.columnTrig[t + 1] = Math.cos(4 * u);
    state.columnTrig[t + 2] = Math.sin(-2 * u);
    state.columnTrig[t + 3] = Math.cos(-2 * u);
    state.columnTrig[t + 4] = Math.sin(17 * u);
    state.columnTrig[t + 5] = Math.cos(17 * u);
  }
  for (let i = 0; i < side * side; i++) {
    const u = (i % side) / span;
    const v = Math.floor(i / side) / span;
    state.distance[i] = Math.sqrt((u - 0.5) * (u - 0.5) + (v - 0.5) * (v - 0.5));
  }
}

export default oceanWaves;
