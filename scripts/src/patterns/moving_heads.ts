/**
 * Moving heads: a row of stage lights hanging at the top front of the zone, each throwing a beam of blocks
 * down to a spot on the floor. The spots glide between positions that change on every beat, the heads
 * take turns on the bar (a snare lights them all), and each beam's brightness follows its slice of the
 * spectrum.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  approach,
  beatPunch,
  bandOf,
  clamp01,
  hash01,
  hideFrom,
  highs,
  lightFrom,
  liveCount,
  numParam,
  spectrumAt,
  writeEntity,
} from './shape-math';

interface HeadsState {
  readonly capacity: number;
  /** Where each head's spot is on the floor now (x, z), and where it is heading. */
  readonly spotX: Float32Array;
  readonly spotZ: Float32Array;
  readonly targetX: Float32Array;
  readonly targetZ: Float32Array;
  /** Beats seen, to pick the next target. */
  beats: number;
  /** All-heads flash from the latest snare, 0–1, decaying. */
  flash: number;
}

const MAX_HEADS = 12;
const HEAD_Y = 0.95;
const HEAD_Z = 0.1;

const movingHeads: Pattern<HeadsState> = {
  meta: {
    id: 'moving_heads',
    name: 'Moving Heads',
    category: 'stage',
    recommendedEntities: 128,
    params: {
      heads: { type: 'number', description: 'Number of moving heads', default: 4, min: 1, max: MAX_HEADS },
      glide: {
        type: 'number',
        description: 'How quickly the spots reach their new place, per second',
        default: 6,
        min: 0.5,
        max: 30,
      },
      chase: {
        type: 'boolean',
        description: 'Heads take turns on the bar (one head brightest per beat)',
        default: true,
      },
    },
  },
  create(entityCount) {
    const state: HeadsState = {
      capacity: entityCount,
      spotX: new Float32Array(MAX_HEADS).fill(0.5),
      spotZ: new Float32Array(MAX_HEADS).fill(0.6),
      targetX: new Float32Array(MAX_HEADS).fill(0.5),
      targetZ: new Float32Array(MAX_HEADS).fill(0.6),
      beats: 0,
      flash: 0,
    };
    return state;
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const heads = Math.max(1, Math.min(MAX_HEADS, n, Math.round(numParam(input, 'heads', 4))));
    const perHead = Math.max(1, Math.floor(n / heads));
    const punch = beatPunch(input);
    const sparkle = highs(input);
    if (input.isBeat) {
      state.beats++;
      // A new figure every beat: the spots cross, fan out or gather, picked from a fixed sequence.
      for (let h = 0; h < heads; h++) {
        state.targetX[h] = 0.15 + 0.7 * hash01(state.beats * 31 + h, 21);
        state.targetZ[h] = 0.3 + 0.6 * hash01(state.beats * 31 + h, 22);
      }
    }
    // Without beats the spots drift on slow circles.
    const drift = input.bpm > 0 ? 0 : 1;
    const glide = approach(input.dt, numParam(input, 'glide', 6));
    const chase = input.params.chase !== false;
    // A snare lights every head at once, whoever's turn it is.
    state.flash = input.onsets.snare ? 1 : state.flash * (1 - clamp01(input.dt * 6));
    for (let h = 0; h < heads; h++) {
      const tx = state.targetX[h]! + drift * 0.2 * Math.sin(input.t * 0.4 + h);
      const tz = state.targetZ[h]! + drift * 0.2 * Math.cos(input.t * 0.3 + h * 2);
      state.spotX[h]! += (tx - state.spotX[h]!) * glide;
      state.spotZ[h]! += (tz - state.spotZ[h]!) * glide;
      const headX = heads > 1 ? 0.1 + (0.8 * h) / (heads - 1) : 0.5;
      const f = heads > 1 ? h / (heads - 1) : 0.5;
      const level = clamp01(spectrumAt(input, f));
      const turn = !chase || h === state.beats % heads ? 1 : Math.max(0.4, state.flash);
      const light = lightFrom((level * 0.7 + punch * 0.6) * turn, 2);
      for (let k = 0; k < perHead; k++) {
        const d = (k + 1) / perHead;
        const floor = k === perHead - 1;
        writeEntity(
          out,
          h * perHead + k,
          headX + (state.spotX[h]! - headX) * d,
          HEAD_Y * (1 - d) + 0.02,
          HEAD_Z + (state.spotZ[h]! - HEAD_Z) * d,
          floor ? 0.8 + 0.8 * punch * turn : 0.2 + 0.15 * d + 0.25 * level * turn + 0.1 * sparkle,
          (Math.atan2(state.spotX[h]! - headX, state.spotZ[h]! - HEAD_Z) * 360) / TAU,
          bandOf(f),
          light,
          turn === 1 && (floor || level > 0.5),
        );
      }
    }
    hideFrom(out, heads * perHead);
  },
};

export default movingHeads;
