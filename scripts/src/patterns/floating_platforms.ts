/**
 * Floating platforms: square platforms of four blocks hovering at different heights over the zone, each
 * tuned to one slice of the spectrum. They bob gently, rise with their frequency, hop on the beat (each
 * platform on its own beat of the bar) and turn slowly.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  beatLead,
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

interface PlatformState {
  readonly capacity: number;
  /** Per platform: centre x, z, resting height, frequency position, bob phase. */
  readonly px: Float32Array;
  readonly pz: Float32Array;
  readonly rest: Float32Array;
  readonly freq: Float32Array;
  readonly phase: Float32Array;
}

/** Blocks per platform (2 × 2). */
const TILES = 4;

const floatingPlatforms: Pattern<PlatformState> = {
  meta: {
    id: 'floating_platforms',
    name: 'Floating Platforms',
    category: 'organic',
    recommendedEntities: 64,
    params: {
      sensitivity: {
        type: 'number',
        description: 'Gain on the spectrum that lifts the platforms',
        default: 1,
        min: 0.1,
        max: 4,
      },
      hop: {
        type: 'number',
        description: 'Height of a beat hop, fraction of the zone height',
        default: 0.12,
        min: 0,
        max: 0.4,
      },
      bob_speed: {
        type: 'number',
        description: 'Gentle bobbing cycles per second',
        default: 0.3,
        min: 0,
        max: 2,
      },
    },
  },
  create(entityCount) {
    const platforms = Math.max(1, Math.floor(entityCount / TILES));
    const state: PlatformState = {
      capacity: entityCount,
      px: new Float32Array(platforms),
      pz: new Float32Array(platforms),
      rest: new Float32Array(platforms),
      freq: new Float32Array(platforms),
      phase: new Float32Array(platforms),
    };
    const grid = Math.ceil(Math.sqrt(platforms));
    for (let p = 0; p < platforms; p++) {
      // A jittered grid: even cover without looking regular.
      const gx = p % grid;
      const gz = Math.floor(p / grid);
      state.px[p] = 0.12 + (0.76 * (gx + 0.25 + 0.5 * hash01(p, 1))) / grid;
      state.pz[p] = 0.12 + (0.76 * (gz + 0.25 + 0.5 * hash01(p, 2))) / grid;
      state.rest[p] = 0.1 + 0.4 * hash01(p, 3);
      state.freq[p] = hash01(p, 4);
      state.phase[p] = hash01(p, 5) * TAU;
    }
    return state;
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const gain = numParam(input, 'sensitivity', 1);
    const hop = numParam(input, 'hop', 0.12);
    const bob = numParam(input, 'bob_speed', 0.3) * TAU;
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const sparkle = highs(input);
    const platforms = Math.min(state.px.length, Math.floor(n / TILES));
    const bar = input.beatCount % 4;
    const tile = 0.035;
    for (let p = 0; p < platforms; p++) {
      const f = state.freq[p]!;
      const level = clamp01(spectrumAt(input, f) * gain);
      // Each platform hops on one beat of the bar; all of them crouch before the beat.
      const mine = p % 4 === bar ? 1 : 0.35;
      const y =
        state.rest[p]! +
        0.04 * Math.sin(input.t * bob + state.phase[p]!) +
        0.3 * level +
        hop * punch * mine -
        0.02 * lead;
      const yaw = state.phase[p]! + input.t * 0.2 * (p % 2 === 0 ? 1 : -1);
      const c = Math.cos(yaw);
      const s = Math.sin(yaw);
      // What the platform's tiles share, worked out once per platform.
      const px = state.px[p]!;
      const pz = state.pz[p]!;
      const scale = 0.9 + 0.3 * level + 0.3 * punch * mine;
      const turn = (-yaw * 360) / TAU;
      const platformBand = bandOf(f);
      const light = lightFrom(level + sparkle * 0.3);
      const glow = level > 0.7;
      for (let k = 0; k < TILES; k++) {
        const ox = (k & 1 ? 1 : -1) * tile;
        const oz = (k & 2 ? 1 : -1) * tile;
        writeEntity(
          out,
          p * TILES + k,
          px + ox * c - oz * s,
          y,
          pz + ox * s + oz * c,
          scale,
          turn,
          platformBand,
          light,
          glow,
        );
      }
    }
    hideFrom(out, platforms * TILES);
  },
};

export default floatingPlatforms;
