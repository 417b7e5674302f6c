/**
 * DNA helix: two strands winding up the zone, joined by rungs. The twist runs in time with the tempo,
 * the helix swells with the bass, each rung lights with its height's slice of the spectrum, and the
 * strands spring apart on the beat.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  beatLead,
  beatPunch,
  bandOf,
  band,
  clamp01,
  hideFrom,
  highs,
  lightFrom,
  liveCount,
  numParam,
  spectrumAt,
  writeEntity,
} from './shape-math';

interface HelixState {
  readonly capacity: number;
  /** Twist of the helix, radians. */
  phase: number;
}

/** Entities per step: two strand points and two rung points between them. */
const PER_STEP = 4;

const dnaHelix: Pattern<HelixState> = {
  meta: {
    id: 'dna_helix',
    name: 'DNA Helix',
    category: 'organic',
    recommendedEntities: 128,
    params: {
      sensitivity: {
        type: 'number',
        description: 'Gain on the spectrum that lights the rungs',
        default: 1,
        min: 0.1,
        max: 4,
      },
      turns: {
        type: 'number',
        description: 'Full turns of the helix over the zone height',
        default: 2,
        min: 0.5,
        max: 6,
      },
      twist_per_beat: {
        type: 'number',
        description: 'Radians the helix turns per beat (per half second without tempo)',
        default: 0.8,
        min: 0,
        max: 4,
      },
    },
  },
  create(entityCount) {
    return { capacity: entityCount, phase: 0 };
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const gain = numParam(input, 'sensitivity', 1);
    const turns = numParam(input, 'turns', 2);
    const beatsPerS = input.bpm > 0 ? input.bpm / 60 : 2;
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const sparkle = highs(input);
    state.phase =
      (state.phase +
        numParam(input, 'twist_per_beat', 0.8) * beatsPerS * input.dt * (0.5 + input.amplitude)) %
      TAU;
    const steps = Math.max(1, Math.floor(n / PER_STEP));
    const radius = 0.16 + 0.12 * band(input, 0) + 0.1 * punch - 0.03 * lead;
    for (let s = 0; s < steps; s++) {
      const h = steps > 1 ? s / (steps - 1) : 0.5;
      const level = clamp01(spectrumAt(input, h) * gain);
      const a = h * turns * TAU + state.phase;
      const y = 0.05 + 0.9 * h;
      const ax = Math.cos(a) * radius;
      const az = Math.sin(a) * radius;
      const base = s * PER_STEP;
      const strandScale = 0.7 + 0.5 * band(input, 1) + 0.6 * punch;
      writeEntity(
        out,
        base,
        0.5 + ax,
        y,
        0.5 + az,
        strandScale,
        (-a * 360) / TAU,
        0,
        lightFrom(0.4 + punch),
        false,
      );
      writeEntity(
        out,
        base + 1,
        0.5 - ax,
        y,
        0.5 - az,
        strandScale,
        (-a * 360) / TAU,
        1,
        lightFrom(0.4 + punch),
        false,
      );
      for (let k = 1; k <= 2; k++) {
        // Rung points sit at a third and two thirds between the strands.
        const t = k / 3;
        const rx = ax * (1 - 2 * t);
        const rz = az * (1 - 2 * t);
        writeEntity(
          out,
          base + 1 + k,
          0.5 + rx,
          y,
          0.5 + rz,
          0.25 + 0.7 * level,
          (-a * 360) / TAU,
          bandOf(h),
          lightFrom(level + sparkle * h),
          level > 0.6 && sparkle > 0.4,
        );
      }
    }
    hideFrom(out, steps * PER_STEP);
  },
};

export default dnaHelix;
