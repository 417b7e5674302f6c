/** What several effects share: the fade envelope and turning an entity around the zone's vertical axis. */
import type { PatternOutput } from '../patterns/pattern';
import { clamp01 } from '../patterns/shape-math';
import type { EffectRun } from './effect';

/** Full turns a spin effect makes over its whole duration. */
export const SPIN_TURNS = 3;

/** Strength of a timed effect, 0–1: its intensity, falling to 0 at the end (toggles stay at full intensity). */
export function fadeOut(run: EffectRun): number {
  return clamp01(run.intensity) * (1 - clamp01(run.progress));
}

/**
 * A spin's angle in radians from `fraction` (0–1) of its turns. Toggled spins (progress stays 0) turn at
 * one turn per second instead.
 */
export function spinAngle(run: EffectRun, fraction: number): number {
  const turns = run.progress > 0 ? SPIN_TURNS * fraction : run.elapsed;
  return turns * Math.PI * 2 * clamp01(run.intensity);
}

/**
 * Turns entity `i` by `angle` radians around the zone's vertical centre line and adds it to its yaw.
 * Corners that would leave the zone are pulled in to its edge.
 */
export function rotateAroundCentre(out: PatternOutput, i: number, angle: number): void {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const dx = out.x[i]! - 0.5;
  const dz = out.z[i]! - 0.5;
  out.x[i] = clamp01(0.5 + dx * c - dz * s);
  out.z[i] = clamp01(0.5 + dx * s + dz * c);
  const yaw = (out.rotation[i]! - (angle * 180) / Math.PI) % 360;
  out.rotation[i] = yaw >= 0 ? yaw : yaw + 360;
}
