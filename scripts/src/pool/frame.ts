/**
 * A frame: the `PatternOutput` struct of typed arrays a pattern writes, sized once per zone. Helpers to
 * copy and blend (crossfades) frames without allocating.
 */
import { MAX_BAND_INDEX, MAX_BRIGHTNESS, MAX_ENTITY_SCALE } from '@audioviz/shared-types';
import type { PatternOutput } from '../patterns/pattern';
import { clamp, clamp01 } from '../patterns/shape-math';

// Module-local copies for the per-entity loop: in Node's CommonJS build an imported binding is a getter call.
const SCALE_CAP = MAX_ENTITY_SCALE;
const LIGHT_CAP = MAX_BRIGHTNESS;
const BAND_CAP = MAX_BAND_INDEX;

/** A `PatternOutput` the engine owns and may resize by replacing. */
export interface Frame extends PatternOutput {
  count: number;
}

export function createFrame(capacity: number): Frame {
  return {
    count: capacity,
    x: new Float32Array(capacity),
    y: new Float32Array(capacity),
    z: new Float32Array(capacity),
    scale: new Float32Array(capacity),
    rotation: new Float32Array(capacity),
    band: new Uint8Array(capacity),
    brightness: new Uint8Array(capacity),
    glow: new Uint8Array(capacity),
    visible: new Uint8Array(capacity),
  };
}

/** Copies the first `from.count` entities of `from` into `to` (same capacity). */
export function copyFrame(from: PatternOutput, to: Frame): void {
  to.count = from.count;
  to.x.set(from.x);
  to.y.set(from.y);
  to.z.set(from.z);
  to.scale.set(from.scale);
  to.rotation.set(from.rotation);
  to.band.set(from.band);
  to.brightness.set(from.brightness);
  to.glow.set(from.glow);
  to.visible.set(from.visible);
}

/**
 * Crossfade: `into` becomes `from` blended towards `into` by `w` (0 = all `from`, 1 = all `into`).
 * Continuous fields interpolate; discrete ones switch at the midpoint. A hidden entity counts as scale 0,
 * so entities fade in and out rather than pop.
 */
export function blendInto(from: PatternOutput, into: Frame, w: number): void {
  const v = 1 - w;
  const n = into.count;
  for (let i = 0; i < n; i++) {
    const fromScale = from.visible[i] === 0 ? 0 : from.scale[i]!;
    const intoScale = into.visible[i] === 0 ? 0 : into.scale[i]!;
    into.x[i] = from.x[i]! * v + into.x[i]! * w;
    into.y[i] = from.y[i]! * v + into.y[i]! * w;
    into.z[i] = from.z[i]! * v + into.z[i]! * w;
    into.scale[i] = fromScale * v + intoScale * w;
    into.visible[i] = fromScale > 0 || intoScale > 0 ? 1 : 0;
    into.rotation[i] = from.rotation[i]! * v + into.rotation[i]! * w;
    into.brightness[i] = Math.round(from.brightness[i]! * v + into.brightness[i]! * w);
    if (w < 0.5) {
      into.band[i] = from.band[i]!;
      into.glow[i] = from.glow[i]!;
    }
  }
}

/**
 * Forces every field of the first `out.count` entities into the range the engine's frames promise: positions
 * 0–1 (NaN to 0), scale 0–MAX_ENTITY_SCALE, yaw finite (else 0), band 0–MAX_BAND_INDEX, brightness
 * 0–MAX_BRIGHTNESS. The built-in patterns and effects keep these ranges by construction (their tests check every
 * tick), batches are checked by their schema; a hot-loaded pattern may write anything, so its output passes
 * through here (`PatternLibrary.load`).
 */
export function forceIntoRange(out: PatternOutput): void {
  const { x, y, z, scale, rotation, band, brightness } = out;
  for (let i = 0; i < out.count; i++) {
    x[i] = clamp01(x[i]!);
    y[i] = clamp01(y[i]!);
    z[i] = clamp01(z[i]!);
    scale[i] = clamp(scale[i]!, 0, SCALE_CAP);
    const r = rotation[i]!;
    if (r - r !== 0) rotation[i] = 0; // r − r is 0 only for finite r
    if (band[i]! > BAND_CAP) band[i] = BAND_CAP;
    if (brightness[i]! > LIGHT_CAP) brightness[i] = LIGHT_CAP;
  }
}
