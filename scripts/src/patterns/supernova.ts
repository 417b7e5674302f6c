/**
 * Supernova: a star at the centre that swells with the bass and, on every strong beat, blasts a shell of
 * debris outward. The shell races out, slows, cools (dims) and drifts until the next blast. Highs make
 * the debris glitter.
 */
import type { Pattern } from './pattern';
import {
  band,
  beatLead,
  beatPunch,
  clamp01,
  fibonacciSphere,
  hash01,
  hideFrom,
  highs,
  lightFrom,
  liveCount,
  numParam,
  writeEntity,
} from './shape-math';

interface NovaState {
  readonly capacity: number;
  /** Blast directions (unit vectors) and per-piece speed factor. */
  readonly dx: Float32Array;
  readonly dy: Float32Array;
  readonly dz: Float32Array;
  readonly speed: Float32Array;
  /** Distance of each piece from the centre, zone units; its speed now. */
  readonly radius: Float32Array;
  readonly velocity: Float32Array;
  /** Heat of the current shell 0–1: 1 right after a blast. */
  heat: number;
}

/** Share of the entities that form the star at the centre. */
const CORE_SHARE = 0.1;
/** Fraction of speed kept per second: the debris slows quickly. */
const DRAG_PER_S = 0.15;

const supernova: Pattern<NovaState> = {
  meta: {
    id: 'supernova',
    name: 'Supernova',
    category: 'cosmic',
    recommendedEntities: 200,
    params: {
      blast: {
        type: 'number',
        description: 'Blast speed of a full beat, zone widths per second',
        default: 1.2,
        min: 0.2,
        max: 3,
      },
      threshold: {
        type: 'number',
        description: 'Beat strength needed to blow the shell',
        default: 0.3,
        min: 0,
        max: 1,
      },
      cooling: {
        type: 'number',
        description: 'How fast the shell dims after a blast, per second',
        default: 1.2,
        min: 0.1,
        max: 5,
      },
    },
  },
  create(entityCount) {
    const state: NovaState = {
      capacity: entityCount,
      dx: new Float32Array(entityCount),
      dy: new Float32Array(entityCount),
      dz: new Float32Array(entityCount),
      speed: new Float32Array(entityCount),
      radius: new Float32Array(entityCount),
      velocity: new Float32Array(entityCount),
      heat: 0,
    };
    fibonacciSphere(state.dx, state.dy, state.dz);
    for (let i = 0; i < entityCount; i++) state.speed[i] = 0.5 + 0.5 * hash01(i, 7);
    return state;
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const bass = band(input, 0);
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const sparkle = highs(input);
    const dt = clamp01(input.dt);
    const core = Math.max(1, Math.round(n * CORE_SHARE));
    if (input.isBeat && input.beatIntensity >= numParam(input, 'threshold', 0.3)) {
      const blast = numParam(input, 'blast', 1.2) * (0.5 + 0.5 * clamp01(input.beatIntensity));
      for (let i = core; i < n; i++) {
        state.radius[i] = 0.03;
        state.velocity[i] = blast * state.speed[i];
      }
      state.heat = 1;
    }
    state.heat = clamp01(state.heat - numParam(input, 'cooling', 1.2) * dt * state.heat - 0.05 * dt);
    const drag = Math.pow(DRAG_PER_S, dt);
    const coreR = 0.03 + 0.05 * bass + 0.04 * punch - 0.015 * lead;
    for (let i = 0; i < core; i++) {
      writeEntity(
        out,
        i,
        0.5 + state.dx[(i * 7) % n] * coreR,
        0.5 + state.dy[(i * 7) % n] * coreR,
        0.5 + state.dz[(i * 7) % n] * coreR,
        0.8 + 1.2 * bass + 1.2 * punch,
        input.t * 30,
        0,
        15,
        true,
      );
    }
    for (let i = core; i < n; i++) {
      state.velocity[i] *= drag;
      // Between blasts the debris keeps a slow outward drift driven by the music.
      state.radius[i] = Math.min(0.5, state.radius[i] + (state.velocity[i] + 0.01 * input.amplitude) * dt);
      const r = state.radius[i];
      const glitter = sparkle * (0.5 + 0.5 * Math.sin(input.t * 11 + i * 2.3));
      writeEntity(
        out,
        i,
        0.5 + state.dx[i] * r,
        0.5 + state.dy[i] * r,
        0.5 + state.dz[i] * r,
        (0.25 + 0.6 * state.heat + 0.25 * glitter) * (1 - r),
        i * 23,
        Math.min(4, 1 + Math.floor(r * 7)),
        lightFrom(state.heat + glitter * 0.5, 2),
        state.heat > 0.6,
      );
    }
    hideFrom(out, n);
  },
};

export default supernova;
