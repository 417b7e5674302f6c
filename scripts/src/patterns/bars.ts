/**
 * Spectrum bars: a wall of columns across the zone, low frequencies on the left, each column a stack of
 * blocks filled up to its level. Bass columns are heavy, a beat lifts every column, and the top block of
 * each column glows with the highs.
 */
import type { Pattern } from './pattern';
import {
  beatLead,
  beatPunch,
  bandOf,
  clamp01,
  hideFrom,
  highs,
  liveCount,
  lightFrom,
  numParam,
  spectrumAt,
  writeEntity,
} from './shape-math';

interface BarsState {
  readonly capacity: number;
  /** Per column: the slowly falling peak marker, 0–1. */
  readonly peaks: Float32Array;
}

/** At most this many columns; the rest of the entities stack up. */
const MAX_COLUMNS = 32;

const bars: Pattern<BarsState> = {
  meta: {
    id: 'bars',
    name: 'Spectrum Bars',
    category: 'spectrum',
    recommendedEntities: 128,
    params: {
      sensitivity: {
        type: 'number',
        description: 'Gain on the spectrum before it fills the bars',
        default: 1,
        min: 0.1,
        max: 4,
      },
      depth: {
        type: 'number',
        description: 'Depth of the wall in the zone, 0 = flat',
        default: 0.2,
        min: 0,
        max: 1,
      },
      peak_fall: {
        type: 'number',
        description: 'How fast the peak markers fall, zone heights per second',
        default: 0.6,
        min: 0.05,
        max: 4,
      },
    },
  },
  create(entityCount) {
    return {
      capacity: entityCount,
      peaks: new Float32Array(MAX_COLUMNS),
    };
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const gain = numParam(input, 'sensitivity', 1);
    const depth = numParam(input, 'depth', 0.2);
    const fall = numParam(input, 'peak_fall', 0.6);
    const columns = Math.max(1, Math.min(MAX_COLUMNS, Math.ceil(Math.sqrt(n * 2))));
    const rows = Math.max(1, Math.ceil(n / columns));
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const sparkle = highs(input);
    const lift = 0.8 + 0.2 * lead;
    const { scale: scales, visible: visibles } = out;
    // Column by column, so what a column shares (its level, band, depth, light) is worked out once, not
    // once per block: entity i is row ⌊i / columns⌋ of column i mod columns.
    for (let c = 0; c < columns; c++) {
      const f = (c + 0.5) / columns;
      const level = clamp01(spectrumAt(input, f) * gain * (1 + 0.35 * punch));
      const fallen = state.peaks[c]! - fall * input.dt;
      const peak = level > fallen ? level : clamp01(fallen);
      state.peaks[c] = peak;
      const filled = level * rows;
      const heavy = 1 + 0.6 * (1 - f) * punch;
      const z = 0.5 + depth * (c % 2 === 0 ? 1 : -1) * 0.25 * level;
      const colour = bandOf(f);
      const light = lightFrom(level);
      // Blocks above the level are only hidden: where an unseen block sits does not matter, and skipping
      // the full write of half the wall counts in GraalJS's interpreter.
      const lit = Math.min(rows - 1, Math.ceil(filled));
      let row = 0;
      let i = c;
      for (; row < lit && i < n; row++, i += columns) {
        const over = filled - row; // > 0 below `lit`
        const fill = over < 1 ? over : 1;
        writeEntity(
          out,
          i,
          f,
          ((row + 0.5) / rows) * 0.95 + 0.02,
          z,
          fill * lift * heavy,
          0,
          colour,
          light,
          false,
        );
      }
      for (; row < rows - 1 && i < n; row++, i += columns) {
        scales[i] = 0;
        visibles[i] = 0;
      }
      // The top row shows the falling peak marker instead of the level.
      const top = (rows - 1) * columns + c;
      if (top < n) {
        writeEntity(
          out,
          top,
          f,
          peak * 0.95 + 0.02,
          z,
          lift * heavy * 0.6,
          0,
          colour,
          lightFrom(level + sparkle),
          sparkle > 0.4,
        );
      }
    }
    hideFrom(out, n);
  },
};

export default bars;
