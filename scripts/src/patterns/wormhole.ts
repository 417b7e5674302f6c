/**
 * Wormhole: a tunnel of rings rushing at the audience. Each ring flies from the back of the zone to the
 * front, growing as it comes, its rim rippling with the spectrum. The tunnel bends and twists slowly,
 * the flight speeds up with the level and lurches forward on the beat.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  beatLead,
  beatPunch,
  bandOf,
  clamp01,
  fract,
  hideFrom,
  highs,
  lightFrom,
  liveCount,
  numParam,
  spectrumAt,
  writeEntity,
  circleOf,
  circleTable,
  type CircleTable,
} from './shape-math';

interface WormholeState {
  readonly capacity: number;
  /** Flight progress 0–1 of the ring set; wraps. */
  travel: number;
  readonly circle: CircleTable;
  /** Per point of a ring (every ring alike): its spectrum level this tick, and its band. */
  readonly level: Float32Array;
  readonly band: Uint8Array;
}

const wormhole: Pattern<WormholeState> = {
  meta: {
    id: 'wormhole',
    name: 'Wormhole',
    category: 'cosmic',
    recommendedEntities: 192,
    params: {
      rings: { type: 'number', description: 'Rings in the tunnel', default: 8, min: 2, max: 24 },
      speed: {
        type: 'number',
        description: 'Tunnel lengths per second at full volume',
        default: 0.25,
        min: 0,
        max: 2,
      },
      twist: {
        type: 'number',
        description: 'Turns of the tunnel from back to front',
        default: 0.5,
        min: 0,
        max: 3,
      },
    },
  },
  create(entityCount) {
    return {
      capacity: entityCount,
      travel: 0,
      circle: circleTable(entityCount),
      level: new Float32Array(entityCount),
      band: new Uint8Array(entityCount),
    };
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const rings = Math.max(1, Math.min(n, Math.round(numParam(input, 'rings', 8))));
    const perRing = Math.max(1, Math.floor(n / rings));
    const twist = numParam(input, 'twist', 0.5) * TAU;
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const sparkle = highs(input);
    state.travel = fract(
      state.travel + numParam(input, 'speed', 0.25) * (0.15 + input.amplitude + 1.5 * punch) * input.dt,
    );
    // Every ring has the same points: their spectrum levels and bands are worked out once per tick, and
    // each ring turns the circle table by its own angle (sin(a + b) = sin a cos b + cos a sin b).
    const { cos: pointCos, sin: pointSin } = circleOf(state.circle, perRing);
    const { level: levels, band: bands } = state;
    for (let k = 0; k < perRing; k++) {
      const u = k / perRing;
      const f = u < 0.5 ? u * 2 : (1 - u) * 2;
      levels[k] = clamp01(spectrumAt(input, f));
      bands[k] = bandOf(f);
    }
    for (let r = 0; r < rings; r++) {
      // depth: 0 at the back, 1 at the front.
      const depth = fract(r / rings + state.travel);
      const bendX = 0.12 * Math.sin(depth * Math.PI + input.t * 0.5);
      const bendY = 0.1 * Math.cos(depth * Math.PI * 0.8 + input.t * 0.37);
      const base = 0.08 + 0.32 * depth * depth * (1 + 0.1 * punch - 0.05 * lead);
      const turn = depth * twist + input.t * 0.3;
      const cosTurn = Math.cos(turn);
      const sinTurn = Math.sin(turn);
      const cx = 0.5 + bendX * (1 - depth);
      const cy = 0.5 + bendY * (1 - depth);
      const near = depth > 0.8;
      const sizeAtDepth = 0.3 + depth;
      const punchSize = 0.4 * punch * depth;
      for (let k = 0, i = r * perRing; k < perRing; k++, i++) {
        const u = k / perRing;
        const f = u < 0.5 ? u * 2 : (1 - u) * 2;
        const level = levels[k]!;
        const radius = base * (1 + 0.25 * level);
        const pc = pointCos[k]!;
        const ps = pointSin[k]!;
        writeEntity(
          out,
          i,
          cx + (pc * cosTurn - ps * sinTurn) * radius,
          cy + (ps * cosTurn + pc * sinTurn) * radius,
          1 - depth,
          (0.2 + 0.6 * level) * sizeAtDepth + punchSize,
          ((u * TAU + turn) * 360) / TAU,
          bands[k]!,
          lightFrom(depth * (0.5 + level) + sparkle * 0.2 * f, 1),
          near && level > 0.5,
        );
      }
    }
    hideFrom(out, rings * perRing);
  },
};

export default wormhole;
