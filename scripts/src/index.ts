/**
 * The AudioViz engine: one platform-free show engine driven by a `Host` (GraalJS in the plugin, Node in
 * the hub and the tests). `createEngine(host, options)` is the only entry point.
 */
export { createEngine, DEFAULT_PATTERN_BUDGET_MS } from './engine';
export { ENGINE_VERSION } from './version';
export type { CreateEngine, Engine, EngineOptions, EngineStatus } from './engine-api';
export {
  ENTITY_KINDS,
  ZONE_FRAME_BYTES_PER_ENTITY,
  ZONE_HEADER,
  ZONE_HEADER_BYTES,
  ZONE_HEADER_SLOTS,
  zoneFrameLayout,
} from './host';
export type {
  CommandReply,
  CommandSender,
  DocumentName,
  Host,
  LogLevel,
  TickFrame,
  ZoneAnchor,
} from './host';
export { PERMISSIONS } from './commands/command';
export { ZONE_TEMPLATES } from './zones/zone';
export { BUILT_IN_SCENES, MAX_SCENES, SceneBook } from './show/scene-book';
export type { Scene, SceneZone } from './show/scene-book';
export type {
  Pattern,
  PatternInput,
  PatternMeta,
  PatternOutput,
  ParamSpec,
  ParamValue,
} from './patterns/pattern';
export type { Effect, EffectMeta, EffectRun } from './effects/effect';
