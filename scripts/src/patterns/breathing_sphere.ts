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
  fibonacciSphere,
  hideFrom,
  highs,
  liveCount,
  numParam,
  writeEntity,
  SPECTRUM_STEPS,
  spectrumStep,
  spectrumSteps,
} from './shape-math';

interface SphereState {
  readonly capacity: number;
  readonly ux: Float32Array;
  readonly uy: Float32Array;
  readonly uz: Float32Array;
  /** Turn around the vertical axis, radians. */
  angle: number;
  /** Per point: its band and its spectrum step (both by its height), sin and cos of its twinkle phase (i). */
  readonly band: Uint8Array;
  readonly step: Uint8Array;
  readonly twinkleSin: Float64Array;
  readonly twinkleCos: Float64Array;
  /** This tick's spectrum levels (`spectrumSteps`). */
  readonly levels: Float32Array;
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
      band: new Uint8Array(entityCount),
      step: new Uint8Array(entityCount),
      twinkleSin: new Float64Array(entityCount),
      twinkleCos: new Float64Array(entityCount),
      levels: new Float32Array(SPECTRUM_STEPS),
    };
    fibonacciSphere(state.ux, state.uy, state.uz);
    for (let i = 0; i < entityCount; i++) {
      // South pole (last points) carries the bass, north pole the highs.
      const f = (state.uy[i]! + 1) * 0.5;
      state.band[i] = bandOf(f);
      state.step[i] = spectrumStep(f);
      state.twinkleSin[i] = Math.sin(i);
      state.twinkleCos[i] = Math.cos(i);
    }
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
    // State in locals, each value read once; levels from this tick's spectrum table, the twinkle's sine added
    // from each point's phase, clamps spelled out: no call per point but writeEntity (see scripts/README.md,
    // "Writing fast patterns").
    const { ux: uxs, uy: uys, uz: uzs, band: bands, step: steps, twinkleSin, twinkleCos } = state;
    const levels = spectrumSteps(input, gain, state.levels);
    const yaw = (-state.angle * 360) / TAU;
    const sinT = Math.sin(input.t * 9);
    const cosT = Math.cos(input.t * 9);
    const size = 0.4 + 0.4 * punch;
    for (let i = 0; i < n; i++) {
      const uy = uys[i]!;
      const x0 = uxs[i]!;
      const z0 = uzs[i]!;
      const level = levels[steps[i]!]!;
      const r = radius * (1 + spike * level);
      const ux = x0 * c - z0 * s;
      const uz = x0 * s + z0 * c;
      const twinkle = uy > 0.4 ? sparkle * (0.5 + 0.5 * (sinT * twinkleCos[i]! + cosT * twinkleSin[i]!)) : 0; // f > 0.7
      const lit = level + twinkle; // ≥ 0
      writeEntity(
        out,
        i,
        0.5 + ux * r,
        0.5 + uy * r,
        0.5 + uz * r,
        size + 0.8 * level,
        yaw,
        bands[i]!,
        3 + 12 * (lit < 1 ? lit : 1), // lightFrom(lit), spelled out
        twinkle > 0.5,
      );
    }
    hideFrom(out, n);
  },
};

export default breathingSphere;
