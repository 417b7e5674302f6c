/**
 * Small math every pattern shares: writing one entity with its ranges enforced, sampling the spectrum,
 * beat envelopes and reading parameters. Pure functions only, no state, no allocation, so a pattern bundle
 * that inlines this file stays standalone.
 *
 * The helpers a pattern calls once per entity (`writeEntity`, `spectrumAt`, `bandOf`, `lightFrom`) spell
 * their clamps out instead of calling `clamp`: GraalJS without its optimizing compiler runs every call as a
 * real call, and nested calls made up a third of a 1024-entity tick there.
 */
import { MAX_BAND_INDEX, MAX_BRIGHTNESS, MAX_ENTITY_SCALE } from '@audioviz/shared-types';
import type { PatternInput, PatternOutput } from './pattern';

/** The output ranges, for patterns that write the output arrays themselves (patterns import only this module). */
export { MAX_BAND_INDEX, MAX_BRIGHTNESS, MAX_ENTITY_SCALE };
// Module-local copies for the per-entity code: in Node's CommonJS build every read of an imported binding is a
// getter call, which made a 1024-entity tick four times slower.
const SCALE_CAP = MAX_ENTITY_SCALE;
const BAND_CAP = MAX_BAND_INDEX;
const LIGHT_CAP = MAX_BRIGHTNESS;

export const TAU = Math.PI * 2;

/** Clamps to [lo, hi]; NaN becomes `lo` (comparisons with NaN are false), so no NaN reaches a frame. */
export function clamp(value: number, lo: number, hi: number): number {
  return value >= lo ? (value <= hi ? value : hi) : lo;
}

/** Clamps to [0, 1]; NaN becomes 0. */
export function clamp01(value: number): number {
  return value >= 0 ? (value <= 1 ? value : 1) : 0;
}

/** Fractional part in [0, 1), also for negative input; NaN becomes 0. */
export function fract(value: number): number {
  const f = value - Math.floor(value);
  return f >= 0 && f < 1 ? f : 0;
}

/**
 * Writes entity `i` into the frame, enforcing every range of `PatternOutput`: position 0–1, scale 0–4,
 * yaw wrapped to 0–360°, band 0–4, brightness 0–15 (rounded). An entity with (near) zero scale is hidden.
 * An index outside the frame's live count is ignored, so no layout arithmetic can write past `out.count`.
 */
export function writeEntity(
  out: PatternOutput,
  i: number,
  x: number,
  y: number,
  z: number,
  scale: number,
  yawDeg: number,
  band: number,
  brightness: number,
  glow: boolean,
): void {
  if (!(i >= 0 && i < out.count)) return;
  out.x[i] = x >= 0 ? (x <= 1 ? x : 1) : 0;
  out.y[i] = y >= 0 ? (y <= 1 ? y : 1) : 0;
  out.z[i] = z >= 0 ? (z <= 1 ? z : 1) : 0;
  const s = scale >= 0 ? (scale <= SCALE_CAP ? scale : SCALE_CAP) : 0;
  out.scale[i] = s;
  const yaw = yawDeg % 360;
  out.rotation[i] = yaw >= 0 ? yaw : yaw < 0 ? yaw + 360 : 0;
  // The Uint8Array stores truncate, which is floor for these non-negative values.
  out.band[i] = band >= 0 ? (band <= BAND_CAP ? band : BAND_CAP) : 0;
  out.brightness[i] = brightness >= 0 ? (brightness <= LIGHT_CAP ? brightness + 0.5 : LIGHT_CAP) : 0;
  out.glow[i] = glow ? 1 : 0;
  out.visible[i] = s > 0.001 ? 1 : 0;
}

/** Hides entities `from … out.count-1` (used when the zone has more entities than a shape needs). */
export function hideFrom(out: PatternOutput, from: number): void {
  hideRange(out, from, out.count);
}

/** Hides entities `from … to-1` (within the frame), parked at the floor centre. */
export function hideRange(out: PatternOutput, from: number, to: number): void {
  const end = to < out.count ? to : out.count;
  for (let i = from; i < end; i++) {
    out.x[i] = 0.5;
    out.y[i] = 0;
    out.z[i] = 0.5;
    out.scale[i] = 0;
    out.rotation[i] = 0;
    out.band[i] = 0;
    out.brightness[i] = 0;
    out.glow[i] = 0;
    out.visible[i] = 0;
  }
}

/**
 * The level of the spectrum at `f` (0 = lowest frequency, 1 = highest), 0–1, interpolated between bins.
 * Falls back to the five bands when the source sends no spectrum.
 */
export function spectrumAt(input: PatternInput, f: number): number {
  const bins = input.spectrum.length > 0 ? input.spectrum : input.bands;
  const n = bins.length;
  if (n === 0) {
    const a = input.amplitude;
    return a >= 0 ? (a <= 1 ? a : 1) : 0;
  }
  const pos = (f >= 0 ? (f <= 1 ? f : 1) : 0) * (n - 1);
  const lo = pos | 0; // floor: pos is 0 … n − 1
  const hi = lo + 1 < n ? lo + 1 : lo;
  // Bins are clamped before mixing, so one NaN or out-of-range bin cannot spoil its neighbour.
  const a = bins[lo]!;
  const b = bins[hi]!;
  const low = a >= 0 ? (a <= 1 ? a : 1) : 0;
  const high = b >= 0 ? (b <= 1 ? b : 1) : 0;
  return low + (high - low) * (pos - lo);
}

/** Frequency positions a spectrum table holds: 0, 1/63, …, 1 (as fine as the spectrum itself). */
export const SPECTRUM_STEPS = 64;

/**
 * Fills `levels` (SPECTRUM_STEPS long) with the spectrum at each step times `gain`, within 0–1, once per tick:
 * a pattern then reads the level at frequency position f as `levels[spectrumStep(f)]`, the step worked out
 * once per entity, instead of calling `spectrumAt` per entity (see scripts/README.md, "Writing fast patterns").
 */
/** The step of a spectrum table nearest to frequency position `f` (0–1). */
export function spectrumStep(f: number): number {
  return Math.round(clamp01(f) * (SPECTRUM_STEPS - 1));
}

export function spectrumSteps(input: PatternInput, gain: number, levels: Float32Array): Float32Array {
  for (let k = 0; k < SPECTRUM_STEPS; k++)
    levels[k] = clamp01(spectrumAt(input, k / (SPECTRUM_STEPS - 1)) * gain);
  return levels;
}

/** The band (0 bass … 4 air) that frequency position `f` (0–1) falls into: it picks the block material. */
export function bandOf(f: number): number {
  const b = f * 5;
  return b >= 4 ? 4 : b >= 0 ? b | 0 : 0; // | 0 floors the non-negative b; NaN lands on 0
}

/** Level of band `b` (0–4), 0–1. */
export function band(input: PatternInput, b: number): number {
  return clamp01(input.bands[b] ?? 0);
}

/** Mean of the two highest bands (high, air), 0–1: what drives sparkle. */
export function highs(input: PatternInput): number {
  return clamp01(((input.bands[3] ?? 0) + (input.bands[4] ?? 0)) * 0.5);
}

/**
 * The punch of the latest beat, 0–1: the beat's strength with a sharp decay over the beat when the tempo
 * is known, else the engine's own decaying intensity.
 */
export function beatPunch(input: PatternInput): number {
  const intensity = clamp01(input.beatIntensity);
  if (input.bpm <= 0) return intensity;
  const since = 1 - clamp01(input.beatPhase);
  return intensity * since * since;
}

/**
 * Anticipation of the next beat, 0–1: rises over the last quarter of the beat, so motion leads into the
 * beat instead of lagging it (0 when the tempo is unknown).
 */
export function beatLead(input: PatternInput): number {
  if (input.bpm <= 0) return 0;
  const p = clamp01((clamp01(input.beatPhase) - 0.75) * 4);
  return p * p;
}

/** A numeric parameter, or `fallback` when missing or not a finite number. */
export function numParam(input: PatternInput, key: string, fallback: number): number {
  const v = input.params[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Brightness 0–15 from a level 0–1 with a floor, so quiet parts stay faintly lit. */
export function lightFrom(level: number, floor = 3): number {
  return floor + (15 - floor) * (level >= 0 ? (level <= 1 ? level : 1) : 0);
}

/** Frame-rate independent exponential approach: the fraction of the gap to close in `dt` s at `ratePerS`. */
export function approach(dt: number, ratePerS: number): number {
  return 1 - Math.exp(-clamp(dt, 0, 1) * ratePerS);
}

/** Number of live entities a pattern may write: the frame's count, capped by what `create` allocated. */
export function liveCount(out: PatternOutput, capacity: number): number {
  return out.count < capacity ? out.count : capacity;
}

/** Golden angle in radians: successive points turned by it never line up (sunflower, Fibonacci sphere). */
export const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Fills `xs`, `ys`, `zs` with evenly spread unit vectors (a Fibonacci sphere), `ys` running from +1 (first)
 * to -1 (last). For `create`: layouts are fixed, so they are computed once.
 */
export function fibonacciSphere(xs: Float32Array, ys: Float32Array, zs: Float32Array): void {
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    const y = 1 - (2 * (i + 0.5)) / n;
    const r = Math.sqrt(Math.max(0, 1 - y * y));
    const a = i * GOLDEN_ANGLE;
    xs[i] = Math.cos(a) * r;
    ys[i] = y;
    zs[i] = Math.sin(a) * r;
  }
}

/**
 * A circle of `count` points: cos and sin of k / count × 2π for k < count. Patterns keep one in their state
 * (remade when the count changes) and turn it by adding angles, sin(a + b) = sin a cos b + cos a sin b: a few
 * multiplications per entity instead of Math.cos and Math.sin (see scripts/README.md, "Writing fast patterns").
 */
export interface CircleTable {
  count: number;
  readonly cos: Float64Array;
  readonly sin: Float64Array;
}

/** A circle table with room for `capacity` points (count 0: fill it with `circleOf`). */
export function circleTable(capacity: number): CircleTable {
  return { count: 0, cos: new Float64Array(capacity), sin: new Float64Array(capacity) };
}

/** The table filled for `count` points (≤ its capacity), remade only when the count changed. */
export function circleOf(table: CircleTable, count: number): CircleTable {
  if (table.count === count) return table;
  table.count = count;
  for (let k = 0; k < count; k++) {
    table.cos[k] = Math.cos((k / count) * TAU);
    table.sin[k] = Math.sin((k / count) * TAU);
  }
  return table;
}

/**
 * A fixed pseudo-random value in [0, 1) for entity `i` (and a `salt` per use): for layouts made in `create`,
 * which has no random source, so a zone looks the same every time it starts.
 */
export function hash01(i: number, salt: number): number {
  return fract(Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453);
}
