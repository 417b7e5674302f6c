/**
 * Laser fan: beams fanning up from a point at the back of the stage floor, each beam one slice of the
 * spectrum and as long as its level. The fan sweeps from side to side, opens wider with the level and
 * snaps to a new angle on every beat; a snare throws it wide open.
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
  liveCount,
  numParam,
  spectrumAt,
  writeEntity,
} from './shape-math';

interface FanState {
  readonly capacity: number;
  /** Sweep angle, radians, and the angle offset set by the latest beat. */
  sweep: number;
  kick: number;
  /** Extra opening of the fan from the latest snare, 0–1, decaying. */
  open: number;
}

/** The beams' origin: back of the stage floor. */
const ORIGIN_X = 0.5;
const ORIGIN_Y = 0.04;
const ORIGIN_Z = 0.9;

const laserFan: Pattern<FanState> = {
  meta: {
    id: 'laser_fan',
    name: 'Laser Fan',
    category: 'stage',
    recommendedEntities: 160,
    params: {
      beams: { type: 'number', description: 'Number of beams in the fan', default: 8, min: 2, max: 24 },
      spread: {
        type: 'number',
        description: 'Opening of the fan at full volume, degrees',
        default: 100,
        min: 10,
        max: 170,
      },
      sweep_speed: {
        type: 'number',
        description: 'Side-to-side sweeps per second',
        default: 0.15,
        min: 0,
        max: 2,
      },
    },
  },
  create(entityCount) {
    return { capacity: entityCount, sweep: 0, kick: 0, open: 0 };
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const beams = Math.max(1, Math.min(n, Math.round(numParam(input, 'beams', 8))));
    const perBeam = Math.max(1, Math.floor(n / beams));
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const sparkle = highs(input);
    state.sweep = (state.sweep + numParam(input, 'sweep_speed', 0.15) * TAU * input.dt) % TAU;
    // Every beat throws the fan to the other side; it glides back between beats.
    if (input.isBeat) state.kick = state.kick > 0 ? -0.35 : 0.35;
    state.kick *= 1 - clamp01(input.dt * 2);
    // A snare throws the fan wide open for a moment.
    state.open = input.onsets.snare ? 1 : state.open * (1 - clamp01(input.dt * 4));
    const spread =
      ((numParam(input, 'spread', 100) * Math.PI) / 180) *
      (0.5 + 0.5 * clamp01(input.amplitude * 1.5) + 0.35 * state.open);
    const centre = Math.sin(state.sweep) * 0.4 + state.kick;
    for (let b = 0; b < beams; b++) {
      const f = beams > 1 ? b / (beams - 1) : 0.5;
      const level = clamp01(spectrumAt(input, f));
      const length = 0.25 + 0.65 * level + 0.2 * punch - 0.05 * lead;
      const a = centre + (f - 0.5) * spread;
      // Beams lean towards the audience (towards z = 0) as they rise.
      const dx = Math.sin(a);
      const dy = Math.cos(a);
      for (let k = 0; k < perBeam; k++) {
        const d = ((k + 1) / perBeam) * length;
        writeEntity(
          out,
          b * perBeam + k,
          ORIGIN_X + dx * d * 0.6,
          ORIGIN_Y + dy * d,
          ORIGIN_Z - d * 0.55,
          0.22 + 0.25 * level + 0.2 * punch + (k === perBeam - 1 ? 0.3 * sparkle : 0),
          (a * 360) / TAU,
          bandOf(f),
          15,
          true,
        );
      }
    }
    hideFrom(out, beams * perBeam);
  },
};

export default laserFan;
