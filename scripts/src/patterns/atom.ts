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
  /** cos and sin of k × TAIL_SPACING (the k-th tail entity's lag behind its head). */
  readonly tailCos: Float32Array;
  readonly tailSin: Float32Array;
  /** cos and sin of i × 1.7 (nucleus entity i's wobble phase). */
  readonly wobbleCos: Float32Array;
  readonly wobbleSin: Float32Array;
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
      tailCos: new Float32Array(entityCount),
      tailSin: new Float32Array(entityCount),
      wobbleCos: new Float32Array(nucleus),
      wobbleSin: new Float32Array(nucleus),
    };
    fibonacciSphere(state.nx, state.ny, state.nz);
    for (let k = 0; k < entityCount; k++) {
      state.tailCos[k] = Math.cos(k * TAIL_SPACING);
      state.tailSin[k] = Math.sin(k * TAIL_SPACING);
    }
    for (let i = 0; i < nucleus; i++) {
      state.wobbleCos[i] = Math.cos(i * 1.7);
      state.wobbleSin[i] = Math.sin(i * 1.7);
    }
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
      state.angles[o] = (state.angles[o]! + speed * input.dt * (1 + o * 0.15)) % TAU;
    }
    const perOrbit = Math.max(1, Math.floor((n - nucleus) / orbits));
    const orbitR = 0.28 + 0.12 * band(input, 2);
    const coreScale = 0.6 + 0.8 * bass + 0.8 * punch;
    const coreLight = lightFrom(bass + punch);
    const sinTilt = Math.sin(tilt);
    const cosTilt = Math.cos(tilt);
    // Angles are added from tables (sin(a + b) = sin a cos b + cos a sin b): per entity a few
    // multiplications instead of Math calls (see scripts/README.md, "Writing fast patterns").
    const { nx, ny, nz, wobbleCos, wobbleSin, tailCos, tailSin } = state;
    // The first `nucleus` entities form the nucleus.
    const wobbleT = input.t * 5;
    const sinT = Math.sin(wobbleT);
    const cosT = Math.cos(wobbleT);
    const coreGlow = punch > 0.5;
    const coreYaw = input.t * 40;
    for (let i = 0; i < nucleus; i++) {
      const wobble = coreR * (1 + 0.25 * (sinT * wobbleCos[i]! + cosT * wobbleSin[i]!) * bass);
      const x = 0.5 + nx[i]! * wobble;
      const y = 0.5 + ny[i]! * wobble;
      const z = 0.5 + nz[i]! * wobble;
      writeEntity(out, i, x, y, z, coreScale, coreYaw, i % 2, coreLight, coreGlow);
    }
    // The rest are the electrons, orbit by orbit (the last takes the remainder): comets with a head (k = 0)
    // and a fading tail behind it.
    const electronScale = 0.6 + 0.5 * sparkle + 0.5 * punch;
    const headGlow = clamp01(sparkle + punch) > 0.5;
    for (let o = 0, i = nucleus; o < orbits && i < n; o++) {
      const end = o === orbits - 1 ? n : Math.min(n, i + perOrbit);
      const head = state.angles[o]!;
      const cosHead = Math.cos(head);
      const sinHead = Math.sin(head);
      const yaw = (o * Math.PI) / orbits;
      const cosYaw = Math.cos(yaw);
      const sinYaw = Math.sin(yaw);
      const r = orbitR * (1 - 0.05 * o);
      const bandIndex = 2 + (o % 3);
      for (let k = 0; i < end; k++, i++) {
        // The tail entity's angle is head − k × TAIL_SPACING.
        const cosA = cosHead * tailCos[k]! + sinHead * tailSin[k]!;
        const sinA = sinHead * tailCos[k]! - cosHead * tailSin[k]!;
        const px = cosA * r;
        const pz = sinA * r * cosTilt;
        const fade = k < perOrbit ? 1 - k / perOrbit : 0;
        writeEntity(
          out,
          i,
          0.5 + px * cosYaw - pz * sinYaw,
          0.5 + sinA * r * sinTilt,
          0.5 + px * sinYaw + pz * cosYaw,
          fade > 0 ? (0.3 + 0.7 * fade) * electronScale : 0,
          0,
          bandIndex,
          lightFrom(fade * (0.5 + sparkle)),
          k === 0 && headGlow,
        );
      }
    }
    hideFrom(out, n);
  },
};

export default atom;
