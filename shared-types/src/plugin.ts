/**
 * docs/protocol.md ":8765 — hub or agent ⇄ Minecraft": every message of the Minecraft plugin socket.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Bands, BandIndex, Bpm, Material, Name, Onsets, Spectrum, Unit, message } from './common';
import { EffectNameSchema, PresetNameSchema } from './effects';
import {
  MAX_EFFECT_MS,
  MAX_ENTITIES_PER_ZONE,
  MAX_ENTITY_SCALE,
  MAX_SCRIPT_SOURCE_BYTES,
  MAX_TRANSITION_S,
  MAX_ZONE_SIZE,
  MAX_BRIGHTNESS,
  MAX_INTERPOLATION_TICKS,
  MAX_ROTATION_DEG,
  MIN_ZONE_SIZE,
} from './limits';
import { PatternParamSpecs, PatternParamValues } from './pattern-params';

const Vec3 = Type.Object({ x: Type.Number(), y: Type.Number(), z: Type.Number() });
const Edge = Type.Number({ minimum: MIN_ZONE_SIZE, maximum: MAX_ZONE_SIZE });
const Size = Type.Object({ x: Edge, y: Edge, z: Edge });
const EntityCount = Type.Integer({ minimum: 0, maximum: MAX_ENTITIES_PER_ZONE });
const EntityIds = Type.Array(Type.String({ maxLength: 16 }), { maxItems: MAX_ENTITIES_PER_ZONE });

/**
 * One entity of an external renderer's frame; position is zone-local 0–1. Every field but `id` may be left
 * out: the entity keeps its last value (an entity that only hides sends `{"id", "scale": 0}`).
 */
const BATCH_ENTITY_FIELDS = {
  id: Type.String({ pattern: '^block_[0-9]{1,4}$', maxLength: 10 }),
  x: Type.Optional(Unit),
  y: Type.Optional(Unit),
  z: Type.Optional(Unit),
  scale: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_ENTITY_SCALE })),
  rotation: Type.Optional(Type.Number({ minimum: -MAX_ROTATION_DEG, maximum: MAX_ROTATION_DEG })),
  band: Type.Optional(BandIndex),
  visible: Type.Optional(Type.Boolean()),
  glow: Type.Optional(Type.Boolean()),
  brightness: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_BRIGHTNESS })),
  interpolation: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_INTERPOLATION_TICKS })),
  material: Type.Optional(Material),
};
export const BatchEntity = Type.Object(BATCH_ENTITY_FIELDS);
export type BatchEntity = Static<typeof BatchEntity>;

/** The display backends a renderer may offer (MCAV's names); this server draws with display entities only. */
const RendererBackend = Type.Union([
  Type.Literal('display_entities'),
  Type.Literal('particles'),
  Type.Literal('hologram'),
]);

/** A zone as the plugin reports it. */
export const ZoneInfo = Type.Object({
  name: Name,
  world: Type.String({ maxLength: 128 }),
  origin: Vec3,
  size: Size,
  rotation: Type.Number(),
  entity_count: EntityCount,
  pattern: Name,
  /** (ext) Parameters set on the zone's pattern; the rest play at their defaults. */
  params: Type.Optional(PatternParamValues),
});
export type ZoneInfo = Static<typeof ZoneInfo>;

/** Settings an operator may change on a zone; every field optional. */
export const ZoneConfig = Type.Object({
  size: Type.Optional(Size),
  rotation: Type.Optional(Type.Number({ minimum: -MAX_ROTATION_DEG, maximum: MAX_ROTATION_DEG })),
  entity_count: Type.Optional(EntityCount),
  block_type: Type.Optional(Material),
  materials: Type.Optional(Type.Array(Material, { minItems: 5, maxItems: 5 })),
  brightness: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_BRIGHTNESS })),
  interpolation: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_INTERPOLATION_TICKS })),
  glow_on_beat: Type.Optional(Type.Boolean()),
  dynamic_brightness: Type.Optional(Type.Boolean()),
  pattern: Type.Optional(Name),
});
export type ZoneConfig = Static<typeof ZoneConfig>;

/** Pattern summary listed by `patterns`. */
export const PatternInfo = Type.Object({
  id: Name,
  name: Type.String({ maxLength: 128 }),
  category: Type.String({ maxLength: 64 }),
  recommended_entities: Type.Integer({ minimum: 1, maximum: MAX_ENTITIES_PER_ZONE }),
  /** (ext) The pattern's controls. */
  params: Type.Optional(PatternParamSpecs),
});
export type PatternInfo = Static<typeof PatternInfo>;

// ---- client → plugin ----

export const Auth = message('auth', { token: Type.String({ minLength: 1, maxLength: 512 }) });
export const Ping = message('ping', { timestamp: Type.Optional(Type.Number()) });
export const AudioState = message('audio_state', {
  zone: Type.Optional(Name),
  bands: Bands,
  amplitude: Unit,
  is_beat: Type.Boolean(),
  beat_intensity: Unit,
  bpm: Bpm,
  tempo_confidence: Type.Optional(Unit),
  beat_phase: Type.Optional(Unit),
  frame: Type.Optional(Type.Integer({ minimum: 0 })),
  ts: Type.Optional(Type.Number()),
  spectrum: Type.Optional(Spectrum),
  onsets: Type.Optional(Onsets),
});
export const BatchUpdate = message('batch_update', {
  zone: Name,
  entities: Type.Array(BatchEntity, { maxItems: MAX_ENTITIES_PER_ZONE }),
  bands: Type.Optional(Bands),
  amplitude: Type.Optional(Unit),
  is_beat: Type.Optional(Type.Boolean()),
  beat_intensity: Type.Optional(Unit),
});
/** One entity changed on its own (MCAV's `update_entity`), applied at once. */
export const UpdateEntity = message('update_entity', { zone: Name, ...BATCH_ENTITY_FIELDS });
export const GetRendererCapabilities = message('get_renderer_capabilities', { zone: Type.Optional(Name) });
export const GetZones = message('get_zones', {});
export const GetZone = message('get_zone', { zone: Name });
export const SetZoneConfig = message('set_zone_config', { zone: Name, config: ZoneConfig });
export const InitPool = message('init_pool', {
  zone: Name,
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ENTITIES_PER_ZONE })),
  material: Type.Optional(Material),
});
export const CleanupZone = message('cleanup_zone', { zone: Name });
export const SetVisible = message('set_visible', {
  zone: Name,
  visible: Type.Boolean(),
  entities: Type.Optional(EntityIds),
});
export const SetEntityGlow = message('set_entity_glow', {
  zone: Name,
  glow: Type.Boolean(),
  entities: Type.Optional(EntityIds),
});
export const SetEntityBrightness = message('set_entity_brightness', {
  zone: Name,
  brightness: Type.Integer({ minimum: 0, maximum: MAX_BRIGHTNESS }),
  entities: Type.Optional(EntityIds),
});
/** (ext) */
export const SetPattern = message('set_pattern', {
  zone: Type.Optional(Name),
  pattern: Name,
  transition_s: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_TRANSITION_S })),
});
/** (ext) */
export const TriggerEffect = message('trigger_effect', {
  zone: Type.Optional(Name),
  effect: EffectNameSchema,
  intensity: Type.Optional(Unit),
  duration: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_EFFECT_MS })),
});
/**
 * (ext) Blackout (every entity hidden) or freeze (the last frame held) on or off, in one zone or, without `zone`,
 * in every zone. They are the engine's own show state: per-entity `set_visible` overrides are left as they were.
 */
const ShowSwitch = { enabled: Type.Boolean(), zone: Type.Optional(Name) };
export const SetBlackout = message('set_blackout', ShowSwitch);
export const SetFreeze = message('set_freeze', ShowSwitch);
/**
 * (ext) Sets parameters of a zone's pattern; every value is checked before any is applied. `replace` drops
 * the ones not named (back to their defaults) instead of keeping them.
 */
export const SetPatternParams = message('set_pattern_params', {
  zone: Name,
  params: PatternParamValues,
  replace: Type.Optional(Type.Boolean()),
});
/**
 * (ext) The audio preset the engine eases its entities with (the one the operator picked at the hub, which the
 * DJs' analyzers smooth their levels with too). Answered by `ack`; kept across restarts.
 */
export const SetPreset = message('set_preset', { preset: PresetNameSchema });
/** (ext) */
export const ListPatterns = message('list_patterns', {});
/** (ext) Hot push of a bundled pattern; needs auth. */
export const LoadScript = message('load_script', {
  name: Name,
  source: Type.String({ minLength: 1, maxLength: MAX_SCRIPT_SOURCE_BYTES }),
});
export const DjInfo = message('dj_info', {
  dj_name: Type.String({ maxLength: 64 }),
  dj_id: Name,
  bpm: Bpm,
  is_active: Type.Boolean(),
});

// ---- plugin → client ----

export const Connected = message('connected', {
  version: Type.String({ maxLength: 32 }),
  server_type: Type.Union([Type.Literal('paper'), Type.Literal('standalone')]),
});
export const AuthOk = message('auth_ok', {});
export const Pong = message('pong', { timestamp: Type.Number() });
/** An error reply; `code` (ext) is a stable machine-readable cause. */
export const ErrorReply = message('error', {
  message: Type.String({ maxLength: 2048 }),
  code: Type.Optional(Type.String({ maxLength: 64 })),
});
export const BatchUpdated = message('batch_updated', { zone: Name, updated: Type.Integer({ minimum: 0 }) });
export const EntityUpdated = message('entity_updated', { zone: Name, id: BATCH_ENTITY_FIELDS.id });
export const RendererCapabilities = message('renderer_capabilities', {
  zone: Type.Optional(Name),
  supported_backends: Type.Array(RendererBackend, { minItems: 1, maxItems: 3 }),
  active_backend: RendererBackend,
});
export const Zones = message('zones', { zones: Type.Array(ZoneInfo, { maxItems: 256 }) });
export const ZoneReply = message('zone', { zone: ZoneInfo });
export const ZoneConfigUpdated = message('zone_config_updated', {
  zone: Name,
  config: Type.Optional(ZoneConfig),
});
export const PoolInitialized = message('pool_initialized', { zone: Name, count: EntityCount });
export const ZoneCleaned = message('zone_cleaned', { zone: Name });
export const Patterns = message('patterns', { patterns: Type.Array(PatternInfo, { maxItems: 512 }) });
export const ScriptLoaded = message('script_loaded', { name: Name });
/** (ext) Answer to `set_pattern`. */
export const PatternChanged = message('pattern_changed', {
  pattern: Name,
  zone: Type.Optional(Name),
  zones: Type.Optional(Type.Array(Name, { maxItems: 256 })),
});
/** (ext) Answer to `set_pattern_params`: every parameter now set on the zone's pattern. */
export const PatternParams = message('pattern_params', {
  zone: Name,
  pattern: Name,
  params: PatternParamValues,
});
/** (ext) Answer to `trigger_effect`. */
export const EffectTriggered = message('effect_triggered', {
  effect: EffectNameSchema,
  zone: Type.Optional(Name),
  intensity: Type.Optional(Unit),
  duration: Type.Optional(Type.Number({ minimum: 0 })),
});
/**
 * (ext) Sent unasked to every connected client when an in-game command changed the show's preset, blackout or
 * freeze, so a hub mirrors what was switched in game. `blackout` / `freeze`: the show-wide switches (a zone's
 * own or a timed one is that zone's effect).
 */
export const ShowState = message('show_state', {
  preset: PresetNameSchema,
  blackout: Type.Boolean(),
  freeze: Type.Boolean(),
});
/** (ext) Acknowledges a request that has no named reply, sent when `_seq` is given. */
export const Ack = message('ack', { request: Type.String({ maxLength: 64 }) });

/** Everything a hub or agent may send to the plugin. */
export const PLUGIN_INBOUND = {
  auth: Auth,
  ping: Ping,
  audio_state: AudioState,
  batch_update: BatchUpdate,
  update_entity: UpdateEntity,
  get_renderer_capabilities: GetRendererCapabilities,
  get_zones: GetZones,
  get_zone: GetZone,
  set_zone_config: SetZoneConfig,
  init_pool: InitPool,
  cleanup_zone: CleanupZone,
  set_visible: SetVisible,
  set_entity_glow: SetEntityGlow,
  set_entity_brightness: SetEntityBrightness,
  set_pattern: SetPattern,
  set_pattern_params: SetPatternParams,
  set_preset: SetPreset,
  trigger_effect: TriggerEffect,
  set_blackout: SetBlackout,
  set_freeze: SetFreeze,
  list_patterns: ListPatterns,
  load_script: LoadScript,
  dj_info: DjInfo,
} as const;

/** Everything the plugin may send back. */
export const PLUGIN_OUTBOUND = {
  connected: Connected,
  auth_ok: AuthOk,
  pong: Pong,
  error: ErrorReply,
  batch_updated: BatchUpdated,
  entity_updated: EntityUpdated,
  renderer_capabilities: RendererCapabilities,
  zones: Zones,
  zone: ZoneReply,
  zone_config_updated: ZoneConfigUpdated,
  pool_initialized: PoolInitialized,
  zone_cleaned: ZoneCleaned,
  patterns: Patterns,
  script_loaded: ScriptLoaded,
  pattern_changed: PatternChanged,
  pattern_params: PatternParams,
  effect_triggered: EffectTriggered,
  show_state: ShowState,
  ack: Ack,
} as const;

export type PluginInbound = { [K in keyof typeof PLUGIN_INBOUND]: Static<(typeof PLUGIN_INBOUND)[K]> };
export type PluginOutbound = { [K in keyof typeof PLUGIN_OUTBOUND]: Static<(typeof PLUGIN_OUTBOUND)[K]> };
/** Union of every message a client may send to the plugin. */
export type PluginInboundMessage = PluginInbound[keyof PluginInbound];
/** Union of every message the plugin may send. */
export type PluginOutboundMessage = PluginOutbound[keyof PluginOutbound];
export type AudioState = PluginInbound['audio_state'];
export type BatchUpdate = PluginInbound['batch_update'];
