/**
 * Entry of the GraalJS bundle (scripts/bundle/engine.js): publishes the engine as
 * `globalThis.AudioVizEngine = { createEngine, rehearse, ENGINE_VERSION }`, the one global the Java host reads.
 */
import { createEngine } from './engine';
import { rehearse } from './rehearsal';
import { ENGINE_VERSION } from './version';

(globalThis as { AudioVizEngine?: unknown }).AudioVizEngine = Object.freeze({
  createEngine,
  rehearse,
  ENGINE_VERSION,
});
