/**
 * The built-in patterns, as an explicit sorted list (a bundle has no folder to scan), and a registry
 * holding them all. Adding a pattern: its file `<id>.ts`, one import and one entry here.
 */
import type { Pattern } from './pattern';
import { PatternRegistry } from './registry';
import bars from './bars';
import circle from './circle';

export type { ParamSpec, ParamValue, Pattern, PatternInput, PatternMeta, PatternOutput } from './pattern';
export { PatternRegistry } from './registry';
export type { RegisterOptions } from './registry';

/** Every built-in pattern, sorted by id. */
export const BUILT_IN_PATTERNS: readonly Pattern[] = Object.freeze([bars, circle] as Pattern[]);

/** A new registry holding every built-in pattern. */
export function createPatternRegistry(): PatternRegistry {
  const registry = new PatternRegistry();
  for (const pattern of BUILT_IN_PATTERNS) registry.register(pattern);
  return registry;
}
