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
    return { capacity: entityCount, turn: 0 };
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
    let i = 0;
    for (let r = 0; r < rings; r++) {
      const f = rings > 1 ? r / (rings - 1) : 0;
      const level = clamp01(spectrumAt(input, f));
      const count = r === rings - 1 ? n - i : Math.max(1, Math.floor((n * (r + 1)) / total));
      const base = 0.07 + (0.36 * (r + 1)) / rings;
      const spin = (r % 2 === 0 ? 1 : -1) * state.turn * (1 + 0.2 * r);
      const push = (r % 2 === 0 ? 1 : -1) * 0.15 * punch;
      for (let k = 0; k < count && i < n; k++, i++) {
        const a = (k / count) * TAU + spin;
        // Petals: the radius bulges `symmetry` times around the ring, more with the ring's level.
        const petal = 1 + (0.1 + 0.25 * level) * Math.cos(symmetry * (a - spin) + r * Math.PI * 0.5);
        const radius = base * petal * (1 + 0.08 * punch - 0.04 * lead);
        writeEntity(
          out,
          i,
          0.5 + Math.cos(a) * radius,
          0.5 + Math.sin(a) * radius,
          0.5 + push,
          (0.3 + 0.6 * level) * (0.6 + 0.4 * petal) + 0.2 * punch,
          (a * 360) / TAU,
          bandOf(f),
          lightFrom(level + (f > 0.6 ? sparkle * 0.5 : 0), 2),
          petal > 1.2 && level > 0.4,
        );
      }
    }
    hideFrom(out, i);
  },
};

export default mandala;
