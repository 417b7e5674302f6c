/**
 * Aurora: curtains of light hanging high in the zone, rippling slowly as if in a solar wind. Each column
 * of a curtain hangs as far down as its frequency's level, the folds deepen with the bass and surge on
 * the beat, and the highs make the curtains shimmer.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  band,
  beatPunch,
  clamp01,
  hideFrom,
  hideRange,
  highs,
  lightFrom,
  liveCount,
  numParam,
  spectrumAt,
  writeEntity,
} from './shape-math';

interface AuroraState {
  readonly capacity: number;
  /** Phase of the drifting folds, radians. */
  drift: number;
  /** sin and cos of i × 1.9: entity i's shimmer phase. */
  readonly shimmerSin: Float64Array;
  readonly shimmerCos: Float64Array;
}

const MAX_CURTAINS = 4;

const aurora: Pattern<AuroraState> = {
  meta: {
    id: 'aurora',
    name: 'Aurora',
    category: 'organic',
    recommendedEntities: 192,
    params: {
      curtains: {
        type: 'number',
        description: 'Number of curtains, one behind the other',
        default: 2,
        min: 1,
        max: MAX_CURTAINS,
      },
      rows: {
        type: 'number',
        description: 'Blocks from the top of a curtain to its lowest edge',
        default: 6,
        min: 2,
        max: 16,
      },
      drift_speed: {
        type: 'number',
        description: 'How fast the folds drift along the curtains, radians per second',
        default: 0.6,
        min: 0,
        max: 4,
      },
    },
  },
  create(entityCount) {
    const state: AuroraState = {
      capacity: entityCount,
      drift: 0,
      shimmerSin: new Float64Array(entityCount),
      shimmerCos: new Float64Array(entityCount),
    };
    for (let i = 0; i < entityCount; i++) {
      state.shimmerSin[i] = Math.sin(i * 1.9);
      state.shimmerCos[i] = Math.cos(i * 1.9);
    }
    return state;
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const curtains = Math.max(1, Math.min(MAX_CURTAINS, n, Math.round(numParam(input, 'curtains', 2))));
    const perCurtain = Math.max(1, Math.floor(n / curtains));
    const rows = Math.max(1, Math.min(perCurtain, Math.round(numParam(input, 'rows', 6))));
    const cols = Math.max(1, Math.floor(perCurtain / rows));
    const punch = beatPunch(input);
    const bass = band(input, 0);
    const sparkle = highs(input);
    state.drift =
      (state.drift + numParam(input, 'drift_speed', 0.6) * (0.4 + input.amplitude) * input.dt) % (TAU * 64);
    const fold = 0.06 + 0.08 * bass + 0.08 * punch;
    // The shimmer sin(13t + 1.9i) is added from each entity's phase (sin(a + b) = sin a cos b + cos a sin b):
    // a few multiplications per entity instead of a Math call (see scripts/README.md, "Writing fast patterns").
    const sinT = Math.sin(input.t * 13);
    const cosT = Math.cos(input.t * 13);
    const { shimmerSin, shimmerCos } = state;
    const rowSpan = Math.max(1, rows - 1);
    for (let c = 0; c < curtains; c++) {
      const depth = curtains > 1 ? 0.25 + (0.5 * c) / (curtains - 1) : 0.5;
      for (let col = 0; col < cols; col++) {
        const u = cols > 1 ? col / (cols - 1) : 0.5;
        const level = clamp01(spectrumAt(input, u));
        // Two drifting sines make folds that never quite repeat.
        const wave = Math.sin(u * 7 + state.drift + c * 1.3) + 0.5 * Math.sin(u * 13 - state.drift * 1.7);
        const z = depth + fold * wave;
        const hang = 0.2 + 0.45 * level;
        const x = 0.05 + 0.9 * u + 0.02 * wave;
        const scale = 0.45 + 0.5 * level;
        const yaw = (wave * 30 + 360) % 360;
        const glowBase = 0.4 + level;
        let i = c * perCurtain + col * rows;
        for (let row = 0; row < rows; row++, i++) {
          const v = row / rowSpan;
          const shimmer = sparkle * (0.5 + 0.5 * (sinT * shimmerCos[i]! + cosT * shimmerSin[i]!));
          writeEntity(
            out,
            i,
            x,
            0.95 - v * hang,
            z + 0.03 * v * wave,
            scale * (1 - 0.5 * v) + 0.25 * punch,
            yaw,
            // Top of a curtain glows in the high bands' colours, the hem in the low ones (+ 0.5 and the
            // store's truncation round it).
            4.5 - v * 3,
            lightFrom((1 - 0.6 * v) * glowBase + shimmer * 0.5, 2),
            shimmer > 0.6,
          );
        }
      }
    }
    // Slack: entities a curtain's columns do not fill, and those past the last curtain.
    for (let c = 0; c < curtains; c++) hideRange(out, c * perCurtain + cols * rows, (c + 1) * perCurtain);
    hideFrom(out, curtains * perCurtain);
  },
};

export default aurora;
