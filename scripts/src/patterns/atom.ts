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
    const speed = numParam(input, 'orbit_speed', 0.6) * TAU * (0.3 + input.amplitude + 2.5 * punch);
    for (let o = 0; o < orbits; o++) {
      state.angles[o] = (state.angles[o] + speed * input.dt * (1 + o * 0.15)) % TAU;
    }
    const perOrbit = Math.max(1, Math.floor((n - nucleus) / orbits));
    const orbitR = 0.28 + 0.12 * band(input, 2);
    const coreScale = 0.6 + 0.8 * bass + 0.8 * punch;
    const coreLight = lightFrom(bass + punch);
    const sinTilt = Math.sin(tilt);
    const cosTilt = Math.cos(tilt);
    // The first `nucleus` entities form the nucleus, the rest the electrons.
    for (let i = 0; i < n; i++) {
      let x: number;
      let y: number;
      let z: number;
      let scale: number;
      let light: number;
      let glow: boolean;
      let bandIndex: number;
      if (i < nucleus) {
        const wobble = coreR * (1 + 0.25 * Math.sin(input.t * 5 + i * 1.7) * bass);
        x = 0.5 + state.nx[i] * wobble;
        y = 0.5 + state.ny[i] * wobble;
        z = 0.5 + state.nz[i] * wobble;
        scale = coreScale;
        light = coreLight;
        glow = punch > 0.5;
        bandIndex = i % 2;
      } else {
        const j = i - nucleus;
        const o = Math.min(orbits - 1, Math.floor(j / perOrbit));
        // Electrons are comets: a head (k = 0) and a fading tail behind it.
        const k = j - o * perOrbit;
        const a = state.angles[o] - k * TAIL_SPACING;
        const yaw = (o * Math.PI) / orbits;
        const r = orbitR * (1 - 0.05 * o);
        const px = Math.cos(a) * r;
        const pz = Math.sin(a) * r * cosTilt;
        const fade = k < perOrbit ? 1 - k / perOrbit : 0;
        x = 0.5 + px * Math.cos(yaw) - pz * Math.sin(yaw);
        y = 0.5 + Math.sin(a) * r * sinTilt;
        z = 0.5 + px * Math.sin(yaw) + pz * Math.cos(yaw);
        scale = fade > 0 ? (0.3 + 0.7 * fade) * (0.6 + 0.5 * sparkle + 0.5 * punch) : 0;
        light = lightFrom(fade * (0.5 + sparkle));
        glow = k === 0 && clamp01(sparkle + punch) > 0.5;
        bandIndex = 2 + (o % 3);
      }
      writeEntity(out, i, x, y, z, scale, i < nucleus ? input.t * 40 : 0, bandIndex, light, glow);
    }
    hideFrom(out, n);
  },
};

export default atom;
