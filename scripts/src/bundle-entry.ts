/**
 * Entry of the GraalJS bundle (scripts/bundle/engine.js): publishes the engine as
 * `globalThis.AudioVizEngine = { createEngine, rehearse, ENGINE_VERSION, ZONE_HEADER, ZONE_FRAME_FIELDS,
 * zoneFrameLayout }`, the
 * one global the Java host reads. The frame layout travels with the bundle so that a check can read frames the
 * way this engine writes them (the Java host's golden-frame test does, and fails when Java reads them otherwise).
 */
import { createEngine } from './engine';
import { ZONE_FRAME_FIELDS, ZONE_HEADER, zoneFrameLayout } from './host';
import { rehearse } from './rehearsal';
import { ENGINE_VERSION } from './version';

(globalThis as { AudioVizEngine?: unknown }).AudioVizEngine = Object.freeze({
  createEngine,
  rehearse,
  ENGINE_VERSION,
  ZONE_HEADER,
  ZONE_FRAME_FIELDS,
  zoneFrameLayout,
});
