/**
 * Spectrum circle: a ring of entities around the zone's centre, the spectrum wrapped once around it
 * (mirrored so bass sits at both ends and the ring is symmetric). Each entity rises with its frequency's
 * level; the ring slowly turns, widens on the beat and leans in just before it.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  bandOf,
  beatLead,
  beatPunch,
  clamp01,
  hideFrom,
  highs,
  liveCount,
  numParam,
  writeEntity,
  SPECTRUM_STEPS,
  spectrumStep,
  spectrumSteps,
  circleOf,
  circleTable,
  type CircleTable,
} from './shape-math';

interface CircleState {
  readonly capacity: number;
  /** Ring rotation, radians. */
  angle: number;
  readonly circle: CircleTable;
  /** Per block (for `circle.count` blocks): its frequency position, band and spectrum step. */
  readonly freq: Float32Array;
  readonly band: Uint8Array;
  readonly step: Uint8Array;
  /** This tick's spectrum levels (`spectrumSteps`). */
  readonly levels: Float32Array;
}

const circle: Pattern<CircleState> = {
  meta: {
    id: 'circle',
    name: 'Spectrum Circle',
    category: 'spectrum',
    recommendedEntities: 96,
    params: {
      sensitivity: {
        type: 'number',
        description: 'Gain on the spectrum before it lifts the ring',
        default: 1,
        min: 0.1,
        max: 4,
      },
      radius: {
        type: 'number',
        description: 'Ring radius as a fraction of half the zone',
        default: 0.7,
        min: 0.1,
        max: 1,
      },
      spin_speed: {
        type: 'number',
        description: 'Turns per second of the ring at full volume',
        default: 0.1,
        min: 0,
        max: 2,
      },
    },
  },
  create(entityCount) {
    return {
      capacity: entityCount,
      angle: 0,
      circle: circleTable(entityCount),
      freq: new Float32Array(entityCount),
      band: new Uint8Array(entityCount),
      step: new Uint8Array(entityCount),
      levels: new Float32Array(SPECTRUM_STEPS),
    };
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const gain = numParam(input, 'sensitivity', 1);
    const radius = numParam(input, 'radius', 0.7) * 0.45;
    const spin = numParam(input, 'spin_speed', 0.1);
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const bass = clamp01(input.bands[0] ?? 0);
    const sparkle = highs(input);
    state.angle = (state.angle + TAU * spin * (0.3 + input.amplitude) * input.dt) % TAU;
    const r0 = radius * (1 + 0.25 * punch - 0.08 * lead + 0.1 * bass);
    // Each block's angle is its point on the circle table turned by the ring's angle (sin(a + b) =
    // sin a cos b + cos a sin b), its level is read from this tick's spectrum table, its band and frequency
    // are the layout's: no call per block but writeEntity (see scripts/README.md, "Writing fast patterns").
    if (state.circle.count !== n) layOut(state, n);
    const { cos: pointCos, sin: pointSin } = circleOf(state.circle, n);
    const { freq, band: bands, step: steps } = state;
    const levels = spectrumSteps(input, gain, state.levels);
    const cosTurn = Math.cos(state.angle);
    const sinTurn = Math.sin(state.angle);
    const yawTurn = (-state.angle * 360) / TAU;
    const shine = 0.5 * sparkle;
    for (let i = 0; i < n; i++) {
      const f = freq[i]!;
      const level = levels[steps[i]!]!;
      const r = r0 * (1 + 0.15 * level);
      const pc = pointCos[i]!;
      const ps = pointSin[i]!;
      const lit = level + shine * f; // ≥ 0
      writeEntity(
        out,
        i,
        0.5 + (pc * cosTurn - ps * sinTurn) * r,
        0.1 + 0.75 * level,
        0.5 + (ps * cosTurn + pc * sinTurn) * r,
        0.4 + 1.2 * level + 0.6 * punch * (1 - f),
        yawTurn - (i / n) * 360,
        bands[i]!,
        3 + 12 * (lit < 1 ? lit : 1), // lightFrom(lit), spelled out
        f > 0.7 && sparkle > 0.5,
      );
    }
    hideFrom(out, n);
  },
};

/** Each block's frequency position (0 → 0.5 → 1 around the ring maps to low → high → low), band and step. */
function layOut(state: CircleState, n: number): void {
  for (let i = 0; i < n; i++) {
    const u = i / n;
    const f = u < 0.5 ? u * 2 : (1 - u) * 2;
    state.freq[i] = f;
    state.band[i] = bandOf(f);
    state.step[i] = spectrumStep(f);
  }
}

export default circle;
