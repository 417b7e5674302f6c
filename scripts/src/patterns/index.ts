/**
 * The built-in patterns, as an explicit sorted list (a bundle has no folder to scan), and a registry
 * holding them all. Adding a pattern: its file `<id>.ts`, one import and one entry here.
 */
import type { Pattern } from './pattern';
import { PatternRegistry } from './registry';
import atom from './atom';
import aurora from './aurora';
import bars from './bars';
import bpmPulse from './bpm_pulse';
import bpmStrobe from './bpm_strobe';
import breathingSphere from './breathing_sphere';
import circle from './circle';
import dnaHelix from './dna_helix';
import dropSequence from './drop_sequence';
import fireflies from './fireflies';
import floatingPlatforms from './floating_platforms';
import fountain from './fountain';
import galaxy from './galaxy';
import laserFan from './laser_fan';
import mandala from './mandala';
import movingHeads from './moving_heads';
import oceanWaves from './ocean_waves';
import pyramid from './pyramid';
import shockwaveRings from './shockwave_rings';
import stackedTower from './stacked_tower';
import supernova from './supernova';
import tesseract from './tesseract';
import vortex from './vortex';
import wormhole from './wormhole';

export type { ParamSpec, ParamValue, Pattern, PatternInput, PatternMeta, PatternOutput } from './pattern';
export { PatternRegistry } from './registry';
export type { RegisterOptions } from './registry';

/** Every built-in pattern, sorted by id. */
export const BUILT_IN_PATTERNS: readonly Pattern[] = Object.freeze([
  atom,
  aurora,
  bars,
  bpmPulse,
  bpmStrobe,
  breathingSphere,
  circle,
  dnaHelix,
  dropSequence,
  fireflies,
  floatingPlatforms,
  fountain,
  galaxy,
  laserFan,
  mandala,
  movingHeads,
  oceanWaves,
  pyramid,
  shockwaveRings,
  stackedTower,
  supernova,
  tesseract,
  vortex,
  wormhole,
]);

/** A new registry holding every built-in pattern. */
export function createPatternRegistry(): PatternRegistry {
  const registry = new PatternRegistry();
  for (const pattern of BUILT_IN_PATTERNS) registry.register(pattern);
  return registry;
}
