/**
 * Atom: a nucleus that throbs with the bass, and electrons racing around tilted orbits as comets with
 * fading tails. Orbit speed follows the energy and kicks on every beat; orbits widen with the mids.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  band,
  beatLead,
  beatPunch,
  clamp01,
  fibonacciSphere,
  hideFrom,
  highs,
  lightFrom,
  liveCount,
  numParam,
  writeEntity,
} from './shape-math';

interface AtomState {
  readonly capacity: number;
  /** Unit directions of the nucleus entities. */
  readonly nx: Float32Array;
  readonly ny: Float32Array;
  readonly nz: Float32Array;
  /** Angle of each orbit's electron, radians. */
  readonly angles: Float64Array;
}

const MAX_ORBITS = 8;
/** Share of the entities that form the nucleus. */
const NUCLEUS_SHARE = 0.2;
/** Radians between two tail entities of an electron. */
const TAIL_SPACING = 0.16;

const atom: Pattern<AtomState> = {
  meta: {
    id: 'atom',
    name: 'Atom',
    category: 'geometric',
    recommendedEntities: 96,
    params: {
      orbits: {
        type: 'number',
        description: 'Number of electron orbits',
        default: 3,
        min: 1,
        max: MAX_ORBITS,
      },
      orbit_speed: {
        type: 'number',
        description: 'Electron turns per second at full volume',
        default: 0.6,
        min: 0,
        max: 3,
      },
      tilt: {
        type: 'number',
        description: 'Tilt of the orbits from the floor, degrees',
        default: 60,
        min: 0,
        max: 90,
      },
    },
  },
  create(entityCount) {
    const nucleus = Math.max(1, Math.round(entityCount * NUCLEUS_SHARE));
    const state: AtomState = {
      capacity: entityCount,
      nx: new Float32Array(nucleus),
      ny: new Float32Array(nucleus),
      nz: new Float32Array(nucleus),
      angles: new Float64Array(MAX_ORBITS),
    };
    fibonacciSphere(state.nx, state.ny, state.nz);
    for (let o = 0; o < MAX_ORBITS; o++) state.angles[o] = (o * TAU) / MAX_ORBITS;
    return state;
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const orbits = Math.max(1, Math.min(MAX_ORBITS, Math.round(numParam(input, 'orbits', 3))));
    const tilt = (numParam(input, 'tilt', 60) * Math.PI) / 180;
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const bass = band(input, 0);
    const sparkle = highs(input);
    const nucleus = Math.min(n, state.nx.length);
    const coreR = 0.04 + 0.06 * bass + 0.05 * punch - 0.015 * lead;
    for (let i = 0; i < nucleus; i++) {
      const wobble = 1 + 0.25 * Math.sin(input.t * 5 + i * 1.7) * bass;
      writeEntity(
        out,
        i,
        0.5 + state.nx[i] * coreR * wobble,
        0.5 + state.ny[i] * coreR * wobble,
        0.5 + state.nz[i] * coreR * wobble,
        0.6 + 0.8 * bass + 0.8 * punch,
        input.t * 40,
        i % 2,
        lightFrom(bass + punch),
        punch > 0.5,
      );
    }
    const speed = numParam(input, 'orbit_speed', 0.6) * TAU * (0.3 + input.amplitude + 2.5 * punch);
    for (let o = 0; o < orbits; o++)
      state.angles[o] = (state.angles[o] + speed * input.dt * (1 + o * 0.15)) % TAU;
    const electrons = n - nucleus;
    const perOrbit = Math.max(1, Math.floor(electrons / orbits));
    const orbitR = 0.28 + 0.12 * band(input, 2);
    for (let j = 0; j < electrons; j++) {
      const o = Math.min(orbits - 1, Math.floor(j / perOrbit));
      const k = j - o * perOrbit;
      const a = state.angles[o] - k * TAIL_SPACING;
      const yaw = (o * Math.PI) / orbits;
      const r = orbitR * (1 - 0.05 * o);
      const px = Math.cos(a) * r;
      const py = Math.sin(a) * r * Math.sin(tilt);
      const pz = Math.sin(a) * r * Math.cos(tilt);
      const fade = 1 - k / perOrbit;
      writeEntity(
        out,
        nucleus + j,
        0.5 + px * Math.cos(yaw) - pz * Math.sin(yaw),
        0.5 + py,
        0.5 + px * Math.sin(yaw) + pz * Math.cos(yaw),
        (0.3 + 0.7 * fade) * (0.6 + 0.5 * sparkle + 0.5 * punch),
        0,
        2 + (o % 3),
        lightFrom(fade * (0.5 + sparkle)),
        k === 0 && clamp01(sparkle + punch) > 0.5,
      );
    }
    hideFrom(out, n);
  },
};

export default atom;
