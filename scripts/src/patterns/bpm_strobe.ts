/**
 * BPM strobe: four walls of light around the zone fire one after another, one wall per beat, flashing for
 * the first part of the beat and going dark. On hi-hats a scatter of the dark blocks flickers.
 */
import type { Pattern } from './pattern';
import { beatPunch, clamp01, hideFrom, highs, liveCount, numParam, writeEntity } from './shape-math';

interface StrobeState {
  readonly capacity: number;
  /** The wall lit by the latest beat, 0–3. */
  wall: number;
}

const WALLS = 4;
/** 'across' order: each beat jumps to the opposite side, then turns: north, south, east, west. */
const NEXT_ACROSS: readonly number[] = [2, 3, 1, 0];

const bpmStrobe: Pattern<StrobeState> = {
  meta: {
    id: 'bpm_strobe',
    name: 'BPM Strobe',
    category: 'beat',
    recommendedEntities: 128,
    params: {
      duty: {
        type: 'number',
        description: 'Share of each beat a wall stays lit',
        default: 0.3,
        min: 0.05,
        max: 1,
      },
      order: {
        type: 'choice',
        description: 'How the walls take turns',
        default: 'around',
        choices: ['around', 'across', 'all'],
      },
    },
  },
  create(entityCount) {
    return { capacity: entityCount, wall: 0 };
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const duty = numParam(input, 'duty', 0.3);
    const order = input.params.order;
    if (input.isBeat)
      state.wall = order === 'across' ? (NEXT_ACROSS[state.wall] ?? 0) : (state.wall + 1) % WALLS;
    const phase = input.bpm > 0 ? clamp01(input.beatPhase) : 1 - clamp01(input.beatIntensity);
    const lit = phase < duty && input.beatIntensity > 0.05;
    const punch = beatPunch(input);
    const sparkle = highs(input);
    const perWall = Math.max(1, Math.ceil(n / WALLS));
    const cols = Math.max(1, Math.ceil(Math.sqrt(perWall)));
    const rows = Math.max(1, Math.ceil(perWall / cols));
    for (let i = 0; i < n; i++) {
      const wall = Math.floor(i / perWall);
      const k = i - wall * perWall;
      const u = ((k % cols) + 0.5) / cols;
      const v = (Math.floor(k / cols) + 0.5) / rows;
      const along = 0.1 + 0.8 * u;
      // Walls: 0 north, 1 east, 2 south, 3 west, each 0.08 in from the edge.
      const x = wall === 0 ? along : wall === 1 ? 0.92 : wall === 2 ? 1 - along : 0.08;
      const z = wall === 0 ? 0.08 : wall === 1 ? along : wall === 2 ? 0.92 : 1 - along;
      const on = lit && (order === 'all' || wall === state.wall);
      const flicker = input.onsets.hat && ((i * 2654435761) >>> 0) % 7 === input.beatCount % 7 ? sparkle : 0;
      writeEntity(
        out,
        i,
        x,
        0.05 + 0.9 * v,
        z,
        on ? 0.9 + 0.6 * punch : 0.35 + 0.5 * flicker,
        wall * 90,
        on ? 4 : wall,
        on ? 15 : 1 + 10 * flicker,
        on,
      );
    }
    hideFrom(out, n);
  },
};

export default bpmStrobe;
