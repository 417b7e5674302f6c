/**
 * Pyramid: a stepped pyramid of square terraces, bass at the base and highs at the top. Each terrace lights
 * with its band, the terraces lift apart on the beat like an exploded drawing and settle back, the whole
 * pyramid turns slowly, and the capstone flares on every beat.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  beatLead,
  beatPunch,
  bandOf,
  clamp01,
  hideFrom,
  highs,
  lightFrom,
  liveCount,
  numParam,
  spectrumAt,
  writeEntity,
} from './shape-math';

interface PyramidState {
  readonly capacity: number;
  /** Turn around the vertical axis, radians. */
  turn: number;
}

/** Perimeter of a unit square, walked from its corner: position 0–4 → (x, z) offset −1…1. */
function squareX(p: number): number {
  return p < 1 ? -1 + 2 * p : p < 2 ? 1 : p < 3 ? 1 - 2 * (p - 2) : -1;
}
function squareZ(p: number): number {
  return p < 1 ? -1 : p < 2 ? -1 + 2 * (p - 1) : p < 3 ? 1 : 1 - 2 * (p - 3);
}

const pyramid: Pattern<PyramidState> = {
  meta: {
    id: 'pyramid',
    name: 'Pyramid',
    category: 'geometric',
    recommendedEntities: 160,
    params: {
      layers: { type: 'number', description: 'Number of terraces', default: 5, min: 2, max: 10 },
      lift: {
        type: 'number',
        description: 'How far terraces lift apart on a beat, fraction of the zone height',
        default: 0.06,
        min: 0,
        max: 0.2,
      },
      turn_speed: {
        type: 'number',
        description: 'Radians per second the pyramid turns',
        default: 0.25,
        min: 0,
        max: 2,
      },
    },
  },
  create(entityCount) {
    return { capacity: entityCount, turn: 0 };
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const layers = Math.max(1, Math.min(n, Math.round(numParam(input, 'layers', 5))));
    const lift = numParam(input, 'lift', 0.06);
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const sparkle = highs(input);
    state.turn =
      (state.turn + numParam(input, 'turn_speed', 0.25) * (0.3 + input.amplitude) * input.dt) % TAU;
    const c = Math.cos(state.turn);
    const s = Math.sin(state.turn);
    // One entity is the capstone; the terraces share the rest in proportion to their perimeter.
    const body = Math.max(0, n - 1);
    const total = (layers * (layers + 1)) / 2;
    let i = 0;
    for (let l = 0; l < layers; l++) {
      const f = layers > 1 ? l / (layers - 1) : 0;
      const level = clamp01(spectrumAt(input, f));
      const count = l === layers - 1 ? body - i : Math.floor((body * (layers - l)) / total);
      const half = (0.42 * (layers - l)) / layers;
      const y = 0.04 + (0.7 * l) / layers + lift * l * punch - 0.01 * l * lead;
      for (let k = 0; k < count && i < body; k++, i++) {
        const p = (4 * k) / count;
        const lx = squareX(p) * half;
        const lz = squareZ(p) * half;
        writeEntity(
          out,
          i,
          0.5 + lx * c - lz * s,
          y,
          0.5 + lx * s + lz * c,
          0.6 + 0.6 * level + 0.3 * punch * (1 - f),
          (-state.turn * 360) / TAU,
          bandOf(f),
          lightFrom(level + (f > 0.7 ? sparkle * 0.4 : 0)),
          level > 0.75,
        );
      }
    }
    if (n > 0) {
      const capY = 0.08 + 0.7 + lift * layers * punch;
      writeEntity(
        out,
        i,
        0.5,
        capY,
        0.5,
        0.8 + 1.6 * punch + 0.4 * lead,
        (state.turn * 720) / TAU,
        4,
        lightFrom(0.5 + punch + sparkle),
        true,
      );
      i++;
    }
    hideFrom(out, i);
  },
};

export default pyramid;
