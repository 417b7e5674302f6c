/**
 * Mandala: concentric rings standing upright in the middle of the zone, each ring folded into petals with
 * the same symmetry. Inner rings answer the bass, outer rings the highs; petals open with their ring's
 * level, neighbouring rings turn against each other, and rings pop forward and back on the beat.
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

interface MandalaState {
  readonly capacity: number;
  /** Turn of the rings, radians (odd rings use its negative). */
  turn: number;
  /** Per entity: cos and sin of its point on its ring (k / count × 2π), for `layoutN` entities in `layoutRings`. */
  readonly pointCos: Float64Array;
  readonly pointSin: Float64Array;
  layoutN: number;
  layoutRings: number;
}

const mandala: Pattern<MandalaState> = {
  meta: {
    id: 'mandala',
    name: 'Mandala',
    category: 'geometric',
    recommendedEntities: 192,
    params: {
      rings: { type: 'number', description: 'Number of concentric rings', default: 5, min: 1, max: 10 },
      symmetry: {
        type: 'number',
        description: "Petals per ring (the mandala's fold)",
        default: 8,
        min: 3,
        max: 16,
      },
      turn_speed: {
        type: 'number',
        description: 'Radians per second the rings turn at full volume',
        default: 0.5,
        min: 0,
        max: 3,
      },
    },
  },
  create(entityCount) {
    return {
      capacity: entityCount,
      turn: 0,
      pointCos: new Float64Array(entityCount),
      pointSin: new Float64Array(entityCount),
      layoutN: -1,
      layoutRings: -1,
    };
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const rings = Math.max(1, Math.min(n, Math.round(numParam(input, 'rings', 5))));
    const symmetry = Math.max(1, Math.round(numParam(input, 'symmetry', 8)));
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const sparkle = highs(input);
    state.turn = (state.turn + numParam(input, 'turn_speed', 0.5) * (0.2 + input.amplitude) * input.dt) % TAU;
    // Outer rings are longer: entities are shared out in proportion to ring number (1 + 2 + … + rings).
    const total = (rings * (rings + 1)) / 2;
    // Angles are added from each entity's point on its ring (sin(a + b) = sin a cos b + cos a sin b), made
    // once per layout: a few multiplications per entity instead of Math calls. The petal's angle, symmetry
    // times the point's, is the point (symmetry × k) mod count of the same ring.
    const { pointCos, pointSin } = state;
    const fresh = state.layoutN === n && state.layoutRings === rings;
    const size = 1 + 0.08 * punch - 0.04 * lead;
    let i = 0;
    for (let r = 0; r < rings; r++) {
      const f = rings > 1 ? r / (rings - 1) : 0;
      const level = clamp01(spectrumAt(input, f));
      const count = r === rings - 1 ? n - i : Math.max(1, Math.floor((n * (r + 1)) / total));
      const base = 0.07 + (0.36 * (r + 1)) / rings;
      const spin = (r % 2 === 0 ? 1 : -1) * state.turn * (1 + 0.2 * r);
      const push = (r % 2 === 0 ? 1 : -1) * 0.15 * punch;
      const start = i;
      const end = Math.min(n, start + count);
      if (!fresh) {
        for (let k = 0; start + k < end; k++) {
          pointCos[start + k] = Math.cos((k / count) * TAU);
          pointSin[start + k] = Math.sin((k / count) * TAU);
        }
      }
      const cosSpin = Math.cos(spin);
      const sinSpin = Math.sin(spin);
      const petalPhase = r * Math.PI * 0.5;
      const cosPetal = Math.cos(petalPhase);
      const sinPetal = Math.sin(petalPhase);
      const bulge = 0.1 + 0.25 * level;
      const ringBand = bandOf(f);
      const light = lightFrom(level + (f > 0.6 ? sparkle * 0.5 : 0), 2);
      const scale = 0.3 + 0.6 * level;
      for (let k = 0; i < end; k++, i++) {
        const pc = pointCos[i]!;
        const ps = pointSin[i]!;
        // Petals: the radius bulges `symmetry` times around the ring, more with the ring's level.
        const p = start + ((symmetry * k) % count);
        const petal = 1 + bulge * (pointCos[p]! * cosPetal - pointSin[p]! * sinPetal);
        const radius = base * petal * size;
        writeEntity(
          out,
          i,
          0.5 + (pc * cosSpin - ps * sinSpin) * radius,
          0.5 + (ps * cosSpin + pc * sinSpin) * radius,
          0.5 + push,
          scale * (0.6 + 0.4 * petal) + 0.2 * punch,
          (((k / count) * TAU + spin) * 360) / TAU,
          ringBand,
          light,
          petal > 1.2 && level > 0.4,
        );
      }
    }
    state.layoutN = n;
    state.layoutRings = rings;
    hideFrom(out, i);
  },
};

export default mandala;
