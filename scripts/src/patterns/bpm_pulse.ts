/**
 * BPM pulse: a lattice of blocks that throbs exactly on the tempo. The pulse starts at the centre and
 * ripples outward through the lattice within the beat; the first beat of each bar hits hardest, and the
 * lattice pulls in slightly ahead of each beat.
 */
import type { Pattern } from './pattern';
import {
  band,
  beatLead,
  clamp01,
  hideFrom,
  highs,
  lightFrom,
  liveCount,
  MAX_BAND_INDEX,
  numParam,
  writeEntity,
} from './shape-math';

interface LatticeState {
  readonly capacity: number;
  /** Lattice position of each entity relative to the centre, -1…1, and its distance from the centre 0–1. */
  readonly lx: Float32Array;
  readonly ly: Float32Array;
  readonly lz: Float32Array;
  readonly dist: Float32Array;
  /** Each entity's band (by its distance), and sin / cos of i × 91.7 (its twinkle seed). */
  readonly band: Uint8Array;
  readonly seedSin: Float64Array;
  readonly seedCos: Float64Array;
}

const bpmPulse: Pattern<LatticeState> = {
  meta: {
    id: 'bpm_pulse',
    name: 'BPM Pulse',
    category: 'beat',
    recommendedEntities: 125,
    params: {
      ripple: {
        type: 'number',
        description: 'Share of a beat the pulse takes to reach the outside',
        default: 0.35,
        min: 0,
        max: 1,
      },
      spacing: {
        type: 'number',
        description: 'Lattice size at rest, fraction of the zone',
        default: 0.6,
        min: 0.2,
        max: 0.9,
      },
      accent_bar: {
        type: 'boolean',
        description: 'Hit the first beat of every bar of four harder',
        default: true,
      },
    },
  },
  create(entityCount) {
    const state: LatticeState = {
      capacity: entityCount,
      lx: new Float32Array(entityCount),
      ly: new Float32Array(entityCount),
      lz: new Float32Array(entityCount),
      dist: new Float32Array(entityCount),
      band: new Uint8Array(entityCount),
      seedSin: new Float64Array(entityCount),
      seedCos: new Float64Array(entityCount),
    };
    const side = Math.max(1, Math.ceil(Math.cbrt(entityCount)));
    for (let i = 0; i < entityCount; i++) {
      const at = (k: number): number => (side > 1 ? (k / (side - 1)) * 2 - 1 : 0);
      state.lx[i] = at(i % side);
      state.ly[i] = at(Math.floor(i / side) % side);
      state.lz[i] = at(Math.floor(i / (side * side)));
      state.dist[i] = clamp01(
        Math.sqrt(state.lx[i]! ** 2 + state.ly[i]! ** 2 + state.lz[i]! ** 2) / Math.sqrt(3),
      );
      state.band[i] = Math.min(MAX_BAND_INDEX, Math.floor(state.dist[i]! * 5));
      state.seedSin[i] = Math.sin(i * 91.7);
      state.seedCos[i] = Math.cos(i * 91.7);
    }
    return state;
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const ripple = numParam(input, 'ripple', 0.35);
    const half = numParam(input, 'spacing', 0.6) * 0.5;
    const accent = input.params.accent_bar !== false && input.beatCount % 4 === 1 ? 1 : 0.7;
    const strength = clamp01(input.beatIntensity) * accent;
    const lead = beatLead(input);
    const bass = band(input, 0);
    const sparkle = highs(input);
    // Without a tempo, time since the beat comes from the decaying intensity instead of the phase.
    const phase = input.bpm > 0 ? clamp01(input.beatPhase) : 1 - clamp01(input.beatIntensity);
    // The twinkle hashes sin(i × 91.7 + step), stepping 8 times a second: the sine is added from each
    // entity's seed (sin(a + b) = sin a cos b + cos a sin b), a few multiplications instead of a Math call.
    const step = Math.floor(input.t * 8);
    const sinStep = Math.sin(step);
    const cosStep = Math.cos(step);
    const { lx, ly, lz, dist, band: bands, seedSin, seedCos } = state;
    const bassSize = 1 + 0.1 * bass - 0.06 * lead;
    for (let i = 0; i < n; i++) {
      const local = phase - dist[i]! * ripple;
      const hit = local >= 0 ? Math.exp(-local * 7) * strength : 0;
      const size = half * (bassSize + 0.25 * hit);
      const hash = (seedSin[i]! * cosStep + seedCos[i]! * sinStep) * 437.5;
      const twinkle = sparkle * (hash - Math.floor(hash)); // fract, spelled out
      writeEntity(
        out,
        i,
        0.5 + lx[i]! * size,
        0.5 + ly[i]! * size,
        0.5 + lz[i]! * size,
        0.3 + 1.3 * hit + 0.3 * bass,
        45 * hit,
        bands[i]!,
        lightFrom(hit + twinkle * 0.4, 2),
        hit > 0.5,
      );
    }
    hideFrom(out, n);
  },
};

export default bpmPulse;
