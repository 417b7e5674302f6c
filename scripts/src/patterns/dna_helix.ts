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
    const strandScale = 0.7 + 0.5 * band(input, 1) + 0.6 * punch;
    const strandLight = lightFrom(0.4 + punch);
    for (let s = 0; s < steps; s++) {
      const h = steps > 1 ? s / (steps - 1) : 0.5;
      const level = clamp01(spectrumAt(input, h) * gain);
      const a = h * turns * TAU + state.phase;
      const y = 0.05 + 0.9 * h;
      const ax = Math.cos(a) * radius;
      const az = Math.sin(a) * radius;
      const rungLight = lightFrom(level + sparkle * h);
      for (let k = 0; k < PER_STEP; k++) {
        // k = 0 and 3 are the strands; 1 and 2 the rung points a third and two thirds across.
        const strand = k === 0 || k === PER_STEP - 1;
        const across = 1 - (2 * k) / (PER_STEP - 1);
        writeEntity(
          out,
          s * PER_STEP + k,
          0.5 + ax * across,
          y,
          0.5 + az * across,
          strand ? strandScale : 0.25 + 0.7 * level,
          (-a * 360) / TAU,
          strand ? k % 2 : bandOf(h),
          strand ? strandLight : rungLight,
          !strand && level > 0.6 && sparkle > 0.4,
        );
      }
    }
    hideFrom(out, steps * PER_STEP);
  },
};

export default dnaHelix;
