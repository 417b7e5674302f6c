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
  /** sin and cos of i × 2.3: piece i's glitter phase. */
  readonly glitterSin: Float64Array;
  readonly glitterCos: Float64Array;
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
      glitterSin: new Float64Array(entityCount),
      glitterCos: new Float64Array(entityCount),
    };
    fibonacciSphere(state.dx, state.dy, state.dz);
    for (let i = 0; i < entityCount; i++) {
      state.speed[i] = 0.5 + 0.5 * hash01(i, 7);
      state.glitterSin[i] = Math.sin(i * 2.3);
      state.glitterCos[i] = Math.cos(i * 2.3);
    }
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
        state.velocity[i] = blast * state.speed[i]!;
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
        0.5 + state.dx[(i * 7) % n]! * coreR,
        0.5 + state.dy[(i * 7) % n]! * coreR,
        0.5 + state.dz[(i * 7) % n]! * coreR,
        0.8 + 1.2 * bass + 1.2 * punch,
        input.t * 30,
        0,
        15,
        true,
      );
    }
    // State in locals, each value read once; the glitter sin(11t + 2.3i) added from each piece's phase
    // (sin(a + b) = sin a cos b + cos a sin b) instead of a Math call (scripts/README.md, "Writing fast patterns").
    const { dx, dy, dz, radius, velocity, glitterSin, glitterCos } = state;
    const heat = state.heat;
    const sinT = Math.sin(input.t * 11);
    const cosT = Math.cos(input.t * 11);
    const drift = 0.01 * input.amplitude;
    const size = 0.25 + 0.6 * heat;
    const hot = heat > 0.6;
    for (let i = core; i < n; i++) {
      const v = velocity[i]! * drag;
      velocity[i] = v;
      // Between blasts the debris keeps a slow outward drift driven by the music.
      const grown = radius[i]! + (v + drift) * dt;
      const r = grown < 0.5 ? grown : 0.5;
      radius[i] = r;
      const glitter = sparkle * (0.5 + 0.5 * (sinT * glitterCos[i]! + cosT * glitterSin[i]!));
      writeEntity(
        out,
        i,
        0.5 + dx[i]! * r,
        0.5 + dy[i]! * r,
        0.5 + dz[i]! * r,
        (size + 0.25 * glitter) * (1 - r),
        i * 23,
        1 + r * 7, // band: writeEntity keeps it within 0–4 and the store truncates it
        lightFrom(heat + glitter * 0.5, 2),
        hot,
      );
    }
    hideFrom(out, n);
  },
};

export default supernova;
