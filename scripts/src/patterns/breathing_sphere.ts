/**
 * Breathing sphere: a ball of entities that breathes slowly, swells with the bass, draws in just before
 * each beat and bursts out on it. Its surface is a map of the spectrum: bass at the south pole, highs at
 * the north, each point pushed out by its frequency's level, so the ball grows spikes where the music is.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  band,
  beatLead,
  beatPunch,
  bandOf,
  clamp01,
  fibonacciSphere,
  hideFrom,
  highs,
  lightFrom,
  liveCount,
  numParam,
  spectrumAt,
  writeEntity,
} from './shape-math';

interface SphereState {
  readonly capacity: number;
  readonly ux: Float32Array;
  readonly uy: Float32Array;
  readonly uz: Float32Array;
  /** Turn around the vertical axis, radians. */
  angle: number;
}

const breathingSphere: Pattern<SphereState> = {
  meta: {
    id: 'breathing_sphere',
    name: 'Breathing Sphere',
    category: 'geometric',
    recommendedEntities: 200,
    params: {
      sensitivity: {
        type: 'number',
        description: 'Gain on the spectrum that raises the spikes',
        default: 1,
        min: 0.1,
        max: 4,
      },
      breath_rate: {
        type: 'number',
        description: 'Slow breaths per minute under the music',
        default: 12,
        min: 0,
        max: 60,
      },
      spike: {
        type: 'number',
        description: 'How far the spectrum pushes points out, fraction of the radius',
        default: 0.35,
        min: 0,
        max: 1,
      },
    },
  },
  create(entityCount) {
    const state: SphereState = {
      capacity: entityCount,
      ux: new Float32Array(entityCount),
      uy: new Float32Array(entityCount),
      uz: new Float32Array(entityCount),
      angle: 0,
    };
    fibonacciSphere(state.ux, state.uy, state.uz);
    return state;
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const gain = numParam(input, 'sensitivity', 1);
    const spike = numParam(input, 'spike', 0.35);
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const bass = band(input, 0);
    const sparkle = highs(input);
    const breath = Math.sin((input.t * numParam(input, 'breath_rate', 12) * TAU) / 60);
    const radius = 0.2 + 0.03 * breath + 0.08 * bass + 0.08 * punch - 0.04 * lead;
    state.angle = (state.angle + input.dt * (0.2 + 0.6 * input.amplitude)) % TAU;
    const c = Math.cos(state.angle);
    const s = Math.sin(state.angle);
    // State in locals, each value read once (see scripts/README.md, "Writing fast patterns").
    const { ux: uxs, uy: uys, uz: uzs } = state;
    const yaw = (-state.angle * 360) / TAU;
    const twinkleAt = input.t * 9;
    for (let i = 0; i < n; i++) {
      const uy = uys[i]!;
      const x0 = uxs[i]!;
      const z0 = uzs[i]!;
      // South pole (last points) carries the bass, north pole the highs.
      const f = (uy + 1) * 0.5;
      const level = clamp01(spectrumAt(input, f) * gain);
      const r = radius * (1 + spike * level);
      const ux = x0 * c - z0 * s;
      const uz = x0 * s + z0 * c;
      const twinkle = f > 0.7 ? sparkle * (0.5 + 0.5 * Math.sin(twinkleAt + i)) : 0;
      writeEntity(
        out,
        i,
        0.5 + ux * r,
        0.5 + uy * r,
        0.5 + uz * r,
        0.4 + 0.8 * level + 0.4 * punch,
        yaw,
        bandOf(f),
        lightFrom(level + twinkle),
        twinkle > 0.5,
      );
    }
    hideFrom(out, n);
  },
};

export default breathingSphere;
