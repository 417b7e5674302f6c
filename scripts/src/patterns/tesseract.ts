/**
 * Tesseract: a four-dimensional cube turning through the fourth dimension, drawn as its 32 edges and
 * projected into the zone. It turns faster with the level, the inner cube swells with the bass, the beat
 * kicks the rotation, and edges nearer in the fourth dimension shine brighter.
 */
import type { Pattern } from './pattern';
import {
  band,
  beatLead,
  beatPunch,
  clamp01,
  hideFrom,
  highs,
  lightFrom,
  liveCount,
  MAX_BAND_INDEX,
  numParam,
  TAU,
  writeEntity,
} from './shape-math';

interface TesseractState {
  readonly capacity: number;
  /** The 32 edges as pairs of vertex indices (vertex v has coordinate bit k set → +1 on axis k). */
  readonly edgeA: Uint8Array;
  readonly edgeB: Uint8Array;
  /** The 16 vertices after rotation: x, y, z, w. */
  readonly vx: Float32Array;
  readonly vy: Float32Array;
  readonly vz: Float32Array;
  readonly vw: Float32Array;
  /** Rotation angles in the xw, yw and xz planes, radians. */
  xw: number;
  yw: number;
  xz: number;
}

const VERTICES = 16;
const EDGES = 32;
/** Viewer distance in the fourth dimension for the perspective projection. */
const W_DISTANCE = 3;

const tesseract: Pattern<TesseractState> = {
  meta: {
    id: 'tesseract',
    name: 'Tesseract',
    category: 'geometric',
    recommendedEntities: 160,
    params: {
      rotation_speed: {
        type: 'number',
        description: 'Radians per second through the fourth dimension at full volume',
        default: 0.8,
        min: 0,
        max: 4,
      },
      size: {
        type: 'number',
        description: 'Size of the outer cube, fraction of the zone',
        default: 0.7,
        min: 0.2,
        max: 1,
      },
    },
  },
  create(entityCount) {
    const state: TesseractState = {
      capacity: entityCount,
      edgeA: new Uint8Array(EDGES),
      edgeB: new Uint8Array(EDGES),
      vx: new Float32Array(VERTICES),
      vy: new Float32Array(VERTICES),
      vz: new Float32Array(VERTICES),
      vw: new Float32Array(VERTICES),
      xw: 0,
      yw: 0,
      xz: 0,
    };
    // Two vertices share an edge when they differ in exactly one coordinate.
    let e = 0;
    for (let v = 0; v < VERTICES; v++) {
      for (let bit = 1; bit < VERTICES; bit <<= 1) {
        if ((v & bit) === 0) {
          state.edgeA[e] = v;
          state.edgeB[e] = v | bit;
          e++;
        }
      }
    }
    return state;
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const punch = beatPunch(input);
    const lead = beatLead(input);
    const bass = band(input, 0);
    const sparkle = highs(input);
    const speed =
      numParam(input, 'rotation_speed', 0.8) * (0.2 + input.amplitude + 3 * punch) * clamp01(input.dt);
    state.xw = (state.xw + speed) % TAU;
    state.yw = (state.yw + speed * 0.6) % TAU;
    state.xz = (state.xz + speed * 0.3) % TAU;
    const cxw = Math.cos(state.xw);
    const sxw = Math.sin(state.xw);
    const cyw = Math.cos(state.yw);
    const syw = Math.sin(state.yw);
    const cxz = Math.cos(state.xz);
    const sxz = Math.sin(state.xz);
    const half = numParam(input, 'size', 0.7) * 0.25 * (1 + 0.12 * punch - 0.05 * lead);
    for (let v = 0; v < VERTICES; v++) {
      const x0 = v & 1 ? 1 : -1;
      const y0 = v & 2 ? 1 : -1;
      const z0 = v & 4 ? 1 : -1;
      const w0 = v & 8 ? 1 : -1;
      // Three plane rotations in turn: xw, then yw, then xz.
      const x1 = x0 * cxw - w0 * sxw;
      const w1 = x0 * sxw + w0 * cxw;
      const y = y0 * cyw - w1 * syw;
      const w = y0 * syw + w1 * cyw;
      const x = x1 * cxz - z0 * sxz;
      const z = x1 * sxz + z0 * cxz;
      // Perspective from the fourth dimension; the bass pushes the inner cube outward.
      const p = (1 + 0.25 * bass) / (W_DISTANCE - w);
      state.vx[v] = x * p * 2;
      state.vy[v] = y * p * 2;
      state.vz[v] = z * p * 2;
      state.vw[v] = w;
    }
    const perEdge = Math.max(1, Math.floor(n / EDGES));
    const edges = Math.min(EDGES, n);
    const { vx, vy, vz, vw, edgeA, edgeB } = state;
    const yaw = (state.xz * 360) / TAU;
    const tSpan = perEdge > 1 ? perEdge - 1 : 0;
    // Everything but the point along the edge is the edge's, worked out once per edge.
    for (let e = 0; e < edges; e++) {
      const a = edgeA[e]!;
      const b = edgeB[e]!;
      const nearness = clamp01((vw[a]! + vw[b]! + 2) / 4);
      const ax = vx[a]!;
      const ay = vy[a]!;
      const az = vz[a]!;
      const ex = vx[b]! - ax;
      const ey = vy[b]! - ay;
      const ez = vz[b]! - az;
      const scale = 0.25 + 0.35 * nearness + 0.3 * punch;
      const edgeBand = Math.min(MAX_BAND_INDEX, Math.floor(nearness * 5));
      const light = lightFrom(nearness * 0.7 + punch * 0.5, 2);
      const glow = nearness > 0.7;
      for (let k = 0, i = e * perEdge; k < perEdge; k++, i++) {
        const t = tSpan > 0 ? k / tSpan : 0.5;
        writeEntity(
          out,
          i,
          0.5 + (ax + ex * t) * half,
          0.5 + (ay + ey * t) * half,
          0.5 + (az + ez * t) * half,
          scale + (k === 0 ? 0.2 * sparkle : 0),
          yaw,
          edgeBand,
          light,
          glow,
        );
      }
    }
    hideFrom(out, edges * perEdge);
  },
};

export default tesseract;
