/**
 * Entry of the GraalJS bundle (scripts/bundle/engine.js): publishes the engine as
 * `globalThis.AudioVizEngine = { createEngine, ENGINE_VERSION }`, the one global the Java host reads.
 */
import { createEngine } from './engine';
import { ENGINE_VERSION } from './version';

(globalThis as { AudioVizEngine?: unknown }).AudioVizEngine = Object.freeze({ createEngine, ENGINE_VERSION });
