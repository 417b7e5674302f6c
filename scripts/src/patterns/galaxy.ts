/**
 * Galaxy: a tilted spiral galaxy. Stars on logarithmic arms turn around a bright core, the inner ones
 * faster than the outer (differential rotation), the core swells with the bass and flares on the beat,
 * the outer stars twinkle with the highs.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  band,
  beatLead,
  beatPunch,
  bandOf,
  hash01,
  hideFrom,
  highs,
  lightFrom,
  liveCount,
  numParam,
  spectrumAt,
  writeEntity,
} from './shape-math';

interface GalaxyState {
  readonly capacity: number;
  /** Per star: distance from the core 0–1, angular offset, height offset, twinkle phase. */
  readonly radius: Float32Array;
  readonly offset: Float32Array;
  readonly height: Float32Array;
  readonly twinkle: Float32Array;
  /** Per star: the band of its radius (fixed, so worked out once). */
  readonly band: Uint8Array;
  /** Accumulated rotation, radians at the core. */
  turn: number;
}

/** Tilt of the disc towards the viewer, radians. */
const TILT = 0.45;

const galaxy: Pattern<GalaxyState> = {
  meta: {
    id: 'galaxy',
    name: 'Galaxy',
    category: 'cosmic',
    recommendedEntities: 256,
    params: {
      arms: { type: 'number', description: 'Number of spiral arms', default: 3, min: 1, max: 6 },
      winding: {
        type: 'number',
        description: 'How tightly the arms wind, radians per unit of radius',
        default: 5,
        min: 0,
        max: 12,
      },
      rotation_speed: {
        type: 'number',
        description: 'Radians per second at the core, at full volume',
        default: 0.8,
        min: 0,
        max: 4,
      },
    },
  },
  create(entityCount) {
    const state: GalaxyState = {
      capacity: entityCount,
      radius: new Float32Array(entityCount),
      offset: new Float32Array(entityCount),
      height: new Float32Array(entityCount),
      twinkle: new Float32Array(entityCount),
      band: new Uint8Array(entityCount),
      turn: 0,
    };
    for (let i = 0; i < entityCount; i++) {
      // More stars near the core, a scatter around each arm that grows outward.
      state.radius[i] = 0.04 + 0.96 * Math.pow(hash01(i, 11), 0.7);
      state.offset[i] = (hash01(i, 12) - 0.5) * 0.6 * (0.3 + state.radius[i]);
      state.height[i] = (hash01(i, 13) - 0.5) * 0.08 * (1 - state.radius[i]);
      state.twinkle[i] = hash01(i, 14) * TAU;
      state.band[i] = bandOf(state.radius[i]!);
    }
    return state;
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const arms = Math.max(1, Math.round(numParam(input, 'arms', 3)));
    const winding = numParam(input, 'winding', 5);
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const bass = band(input, 0);
    const sparkle = highs(input);
    state.turn =
      state.turn + numParam(input, 'rotation_speed', 0.8) * (0.2 + input.amplitude + punch) * input.dt;
    const size = 0.42 * (1 + 0.06 * punch - 0.03 * lead);
    const ct = Math.cos(TILT);
    const st = Math.sin(TILT);
    // State in locals, each value read once (see scripts/README.md, "Writing fast patterns").
    const { radius, offset, height, twinkle: twinkles, band: bands } = state;
    const armAngle = TAU / arms;
    const turn = state.turn;
    const rise = 1 + 2 * bass;
    const twinkleAt = input.t * 7;
    for (let i = 0; i < n; i++) {
      const r = radius[i]!;
      // Inner stars turn faster: angular speed falls with radius.
      const a = (i % arms) * armAngle + r * winding + offset[i]! - turn / (0.3 + r);
      const px = Math.cos(a) * r * size;
      const pz = Math.sin(a) * r * size;
      const py = height[i]! * rise;
      const level = spectrumAt(input, r); // 0–1
      const coreGlow = r < 0.2 ? bass + punch : 0;
      const twinkle = r > 0.5 ? sparkle * (0.5 + 0.5 * Math.sin(twinkleAt + twinkles[i]!)) : 0;
      writeEntity(
        out,
        i,
        0.5 + px,
        0.5 + py * ct + pz * st,
        0.5 + pz * ct - py * st,
        (0.25 + 0.5 * level + 0.4 * twinkle) * (1.3 - r) + 0.8 * coreGlow * (0.2 - r) * 5,
        (-a * 360) / TAU,
        bands[i]!,
        lightFrom(level * 0.5 + twinkle + coreGlow, 2),
        r < 0.12 || twinkle > 0.6,
      );
    }
    hideFrom(out, n);
  },
};

export default galaxy;
