/**
 * Drop sequence: the classic EDM build-up and drop. For 16 beats (by default) a wide sphere of blocks
 * contracts into a tight, rising, ever faster spinning knot, its pulses speeding up from quarter notes to
 * a thirty-second roll while the light climbs. Then the drop: the knot bursts to fill the zone, everything
 * glows, and for the next 8 beats the blocks hit hard on every beat with the bass. Then it builds again.
 * Without any beat it runs on an assumed 120 BPM so the sequence still plays.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  band,
  beatPunch,
  bandOf,
  clamp01,
  fibonacciSphere,
  fract,
  hideFrom,
  highs,
  liveCount,
  numParam,
  writeEntity,
} from './shape-math';

interface DropState {
  readonly capacity: number;
  readonly ux: Float32Array;
  readonly uy: Float32Array;
  readonly uz: Float32Array;
  /** Spin angle, radians. */
  spin: number;
}

/** Beats per second assumed when no beat has been heard. */
const FALLBACK_BEATS_PER_S = 2;

const dropSequence: Pattern<DropState> = {
  meta: {
    id: 'drop_sequence',
    name: 'Drop Sequence',
    category: 'beat',
    recommendedEntities: 200,
    params: {
      build_beats: {
        type: 'number',
        description: 'Beats of build-up before the drop',
        default: 16,
        min: 4,
        max: 64,
      },
      drop_beats: {
        type: 'number',
        description: 'Beats the drop lasts before the next build-up',
        default: 8,
        min: 1,
        max: 64,
      },
    },
  },
  create(entityCount) {
    const state: DropState = {
      capacity: entityCount,
      ux: new Float32Array(entityCount),
      uy: new Float32Array(entityCount),
      uz: new Float32Array(entityCount),
      spin: 0,
    };
    fibonacciSphere(state.ux, state.uy, state.uz);
    return state;
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const buildBeats = Math.max(1, Math.round(numParam(input, 'build_beats', 16)));
    const dropBeats = Math.max(1, Math.round(numParam(input, 'drop_beats', 8)));
    const heard = input.beatCount > 0;
    const position = heard
      ? input.beatCount - 1 + (input.bpm > 0 ? clamp01(input.beatPhase) : 0)
      : input.t * FALLBACK_BEATS_PER_S;
    const cycle = buildBeats + dropBeats;
    const c = position - Math.floor(position / cycle) * cycle;
    const building = c < buildBeats;
    const bass = band(input, 0);
    const sparkle = highs(input);
    const punch = beatPunch(input);
    let radius: number;
    let centreY: number;
    let scale: number;
    let light: number;
    let glow: boolean;
    let spinRate: number;
    if (building) {
      const p = c / buildBeats;
      // The roll doubles its speed over the last half: quarters, eighths, sixteenths, thirty-seconds.
      const sub = p < 0.5 ? 1 : p < 0.75 ? 2 : p < 0.875 ? 4 : 8;
      const pulse = Math.exp(-fract(c * sub) * 6);
      radius = 0.42 * (1 - 0.78 * p) * (1 + 0.08 * pulse);
      centreY = 0.4 + 0.15 * p;
      scale = 0.35 + 0.35 * p + 0.3 * pulse;
      light = 2 + 10 * p + 3 * pulse;
      glow = p > 0.875;
      spinRate = 0.5 + 7 * p * p;
    } else {
      const d = (c - buildBeats) / dropBeats;
      const beat = fract(c);
      const hit = Math.exp(-beat * 5);
      radius = 0.47 * (1 - 0.25 * d) * (0.85 + 0.15 * hit);
      centreY = 0.5;
      scale = 1 + 1.2 * hit * (1 - 0.5 * d) + 0.6 * bass + 0.4 * punch;
      light = 9 + 6 * hit;
      glow = d < 0.25 || hit > 0.6;
      spinRate = 1.2 * (1 - d);
    }
    state.spin = (state.spin + spinRate * clamp01(input.dt)) % TAU;
    const cs = Math.cos(state.spin);
    const sn = Math.sin(state.spin);
    for (let i = 0; i < n; i++) {
      const ux = state.ux[i]! * cs - state.uz[i]! * sn;
      const uz = state.ux[i]! * sn + state.uz[i]! * cs;
      const f = (state.uy[i]! + 1) * 0.5;
      const twinkle = sparkle * (0.5 + 0.5 * Math.sin(input.t * 12 + i * 3.1));
      writeEntity(
        out,
        i,
        0.5 + ux * radius,
        centreY + state.uy[i]! * radius,
        0.5 + uz * radius,
        scale * (0.85 + 0.3 * twinkle),
        (-state.spin * 360) / TAU,
        building ? bandOf(f) : 4 - bandOf(f),
        light + 2 * twinkle,
        glow,
      );
    }
    hideFrom(out, n);
  },
};

export default dropSequence;
