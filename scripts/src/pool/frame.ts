/**
 * A frame: the `PatternOutput` struct of typed arrays a pattern writes, sized once per zone. Helpers to
 * copy and blend (crossfades) frames without allocating.
 */
import type { PatternOutput } from '../patterns/pattern';

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
