/**
 * Galaxy: a tilted spiral galaxy. Stars on logarithmic arms turn around a bright core, the inner ones
 * faster than the outer (differential rotation), the core swells with the bass and flares on the beat,
 * the outer stars twinkle with the highs.
 */
import type { Pattern } from './pattern';
import {
  band,
  bandOf,
  beatLead,
  beatPunch,
  hash01,
  hideFrom,
  highs,
  liveCount,
  MAX_ENTITY_SCALE,
  numParam,
  spectrumAt,
  TAU,
} from './shape-math';

interface GalaxyState {
  readonly capacity: number;
  /** Per star: distance from the core 0–1, angular offset, height offset, twinkle phase. */
  readonly radius: Float32Array;
  readonly offset: Float32Array;
  readonly height: Float32Array;
  readonly twinkle: Float32Array;
  /** Per star: the band of its radius (fixed, so worked out once). */
  readonly band: Uint8Array;
  /**
   * Stars are numbered outward (by radius), so each shell (radius quantised into SHELLS steps, whose stars turn
   * and shine alike) is one run of indices: shell k holds stars shellEnd[k-1] … shellEnd[k]-1.
   */
  readonly shellEnd: Uint16Array;
  /** Per star: sin and cos of its twinkle phase. */
  readonly twinkleSin: Float64Array;
  readonly twinkleCos: Float64Array;
  /**
   * Per star: its angle on the arms at rest as a yaw (degrees, Minecraft's sense), and that angle's cos and sin,
   * for `baseArms` and `baseWinding`.
   */
  readonly baseYaw: Float64Array;
  readonly baseCos: Float64Array;
  readonly baseSin: Float64Array;
  baseArms: number;
  baseWinding: number;
  /** Per shell, this tick: its turn as a yaw (degrees), that turn's cos and sin, and its spectrum level. */
  readonly shellYaw: Float64Array;
  readonly shellCos: Float64Array;
  readonly shellSin: Float64Array;
  readonly shellLevel: Float64Array;
  /** Accumulated rotation, radians at the core. */
  turn: number;
}

/**
 * Radius steps that share a speed and a spectrum level: each star's angle is then its resting angle plus
 * its shell's turn, added from cos/sin tables (sin(a + b) = sin a cos b + cos a sin b) instead of two Math
 * calls per star, and its level is read, not interpolated (see scripts/README.md, "Writing fast patterns").
 */
const SHELLS = 64;

/** Radians turned → Minecraft yaw degrees (its yaw turns the other way). */
const TO_YAW = -360 / TAU;
/** Tilt of the disc towards the viewer, radians. */
const TILT = 0.45;

const galaxy: Pattern<GalaxyState> = {
  meta: {
    id: 'galaxy',
    name: 'Galaxy',
    category: 'cosmic',
    recommendedEntities: 256,
    params: {
      arms: { type: 'number', description: 'Number of spiral arms', default: 3, min: 1, max: 6 },
      winding: {
        type: 'number',
        description: 'How tightly the arms wind, radians per unit of radius',
        default: 5,
        min: 0,
        max: 12,
      },
      rotation_speed: {
        type: 'number',
        description: 'Radians per second at the core, at full volume',
        default: 0.8,
        min: 0,
        max: 4,
      },
    },
  },
  create(entityCount) {
    const state: GalaxyState = {
      capacity: entityCount,
      radius: new Float32Array(entityCount),
      offset: new Float32Array(entityCount),
      height: new Float32Array(entityCount),
      twinkle: new Float32Array(entityCount),
      band: new Uint8Array(entityCount),
      shellEnd: new Uint16Array(SHELLS),
      twinkleSin: new Float64Array(entityCount),
      twinkleCos: new Float64Array(entityCount),
      baseYaw: new Float64Array(entityCount),
      baseCos: new Float64Array(entityCount),
      baseSin: new Float64Array(entityCount),
      baseArms: 0,
      baseWinding: NaN,
      shellYaw: new Float64Array(SHELLS),
      shellCos: new Float64Array(SHELLS),
      shellSin: new Float64Array(SHELLS),
      shellLevel: new Float64Array(SHELLS),
      turn: 0,
    };
    // More stars near the core, a scatter around each arm that grows outward; numbered by radius.
    const radii = new Float32Array(entityCount);
    for (let i = 0; i < entityCount; i++) radii[i] = 0.04 + 0.96 * Math.pow(hash01(i, 11), 0.7);
    radii.sort();
    for (let i = 0; i < entityCount; i++) {
      state.radius[i] = radii[i]!;
      state.offset[i] = (hash01(i, 12) - 0.5) * 0.6 * (0.3 + state.radius[i]!);
      state.height[i] = (hash01(i, 13) - 0.5) * 0.08 * (1 - state.radius[i]!);
      state.twinkle[i] = hash01(i, 14) * TAU;
      state.band[i] = bandOf(state.radius[i]!);
      state.shellEnd[Math.min(SHELLS - 1, Math.floor(state.radius[i]! * SHELLS))] = i + 1;
      state.twinkleSin[i] = Math.sin(state.twinkle[i]!);
      state.twinkleCos[i] = Math.cos(state.twinkle[i]!);
    }
    // An empty shell ends where the one before it does.
    for (let k = 1; k < SHELLS; k++) {
      if (state.shellEnd[k]! < state.shellEnd[k - 1]!) state.shellEnd[k] = state.shellEnd[k - 1]!;
    }
    return state;
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const arms = Math.max(1, Math.round(numParam(input, 'arms', 3)));
    const winding = numParam(input, 'winding', 5);
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const bass = band(input, 0);
    const sparkle = highs(input);
    state.turn =
      state.turn + numParam(input, 'rotation_speed', 0.8) * (0.2 + input.amplitude + punch) * input.dt;
    const size = 0.42 * (1 + 0.06 * punch - 0.03 * lead);
    const ct = Math.cos(TILT);
    const st = Math.sin(TILT);
    const { radius, offset, height, band: bands, shellEnd, twinkleSin, twinkleCos } = state;
    const { baseYaw, baseCos, baseSin, shellYaw, shellCos, shellSin, shellLevel } = state;
    if (state.baseArms !== arms || state.baseWinding !== winding) {
      const armAngle = TAU / arms;
      for (let i = 0; i < state.capacity; i++) {
        const a = (i % arms) * armAngle + radius[i]! * winding + offset[i]!;
        baseYaw[i] = a * TO_YAW;
        baseCos[i] = Math.cos(a);
        baseSin[i] = Math.sin(a);
      }
      state.baseArms = arms;
      state.baseWinding = winding;
    }
    // Inner shells turn faster: angular speed falls with radius.
    const turn = state.turn;
    for (let k = 0; k < SHELLS; k++) {
      const r = (k + 0.5) / SHELLS;
      const t = -turn / (0.3 + r);
      shellYaw[k] = t * TO_YAW;
      shellCos[k] = Math.cos(t);
      shellSin[k] = Math.sin(t);
      shellLevel[k] = spectrumAt(input, r);
    }
    const rise = 1 + 2 * bass;
    const sinT = Math.sin(input.t * 7);
    const cosT = Math.cos(input.t * 7);
    const core = bass + punch;
    const {
      x: ox,
      y: oy,
      z: oz,
      scale: os,
      rotation: oRot,
      band: oBand,
      brightness: oLight,
      glow: oGlow,
    } = out;
    const oVisible = out.visible;
    const scaleCap = MAX_ENTITY_SCALE;
    // writeEntity's work spelled out (its per-star call was a third of this loop in an interpreter): positions
    // stay within 0.5 ± 0.45 by construction, every star has a scale > 0, band and light are in range, so only
    // scale's upper bound and the yaw's wrap remain. A star's band and visibility never change: builtins copy
    // them, and the loop does only what moves.
    oBand.set(bands.subarray(0, n));
    oVisible.fill(1, 0, n);
    let i = 0;
    for (let k = 0; k < SHELLS; k++) {
      // What a shell's stars share, read once per shell.
      const c = shellCos[k]!;
      const sn = shellSin[k]!;
      const level = shellLevel[k]!; // 0–1
      const turnYaw = shellYaw[k]!;
      const end = shellEnd[k]! < n ? shellEnd[k]! : n;
      for (; i < end; i++) {
        const r = radius[i]!;
        const bc = baseCos[i]!;
        const bs = baseSin[i]!;
        const rs = r * size;
        const px = (bc * c - bs * sn) * rs;
        const pz = (bs * c + bc * sn) * rs;
        const py = height[i]! * rise;
        const coreGlow = r < 0.2 ? core : 0;
        const twinkle = r > 0.5 ? sparkle * (0.5 + 0.5 * (sinT * twinkleCos[i]! + cosT * twinkleSin[i]!)) : 0;
        const lit = level * 0.5 + twinkle + coreGlow; // ≥ 0
        // At least 0.25 × 0.34: every star shows.
        const scale = (0.25 + 0.5 * level + 0.4 * twinkle) * (1.3 - r) + 0.8 * coreGlow * (0.2 - r) * 5;
        const yaw = (baseYaw[i]! + turnYaw) % 360;
        ox[i] = 0.5 + px;
        oy[i] = 0.5 + py * ct + pz * st;
        oz[i] = 0.5 + pz * ct - py * st;
        os[i] = scale < scaleCap ? scale : scaleCap;
        oRot[i] = yaw >= 0 ? yaw : yaw + 360;
        oLight[i] = 2.5 + 13 * (lit < 1 ? lit : 1); // lightFrom(lit, 2) rounded by the Uint8Array's truncation
        oGlow[i] = r < 0.12 || twinkle > 0.6 ? 1 : 0;
      }
    }
    hideFrom(out, n);
  },
};

export default galaxy;
