/**
 * docs/protocol.md ":8766 — browser ⇄ hub": every message of the admin panel / preview socket.
 */
import { Type, type Static } from '@sinclair/typebox';
import { BandIndex, Bands, Bpm, Material, Name, Unit, message } from './common';
import { EffectNameSchema, PresetNameSchema } from './effects';
import { MAX_BAND_SENSITIVITY, MAX_EFFECT_MS, MAX_ENTITIES_PER_ZONE, MAX_TRANSITION_S } from './limits';
import { BatchEntity, PatternInfo, PatternParams, SetPatternParams, ZoneConfig, ZoneInfo } from './plugin';
import { RosterEntry } from './dj';

/** Absent: toggles, as MCAV's admin panel sends it. */
const Enabled = { enabled: Type.Optional(Type.Boolean()) };
const SceneName = { name: Name };

/** A DJ waiting for operator approval after `code_auth`. */
export const PendingDj = Type.Object({
  dj_id: Name,
  dj_name: Type.String({ maxLength: 64 }),
  requested_at: Type.Optional(Type.Number()),
});
/** The hub's health figures (docs/protocol.md "Keeping a link alive"). */
export const Health = Type.Object({
  dj_connects: Type.Integer({ minimum: 0 }),
  dj_disconnects: Type.Integer({ minimum: 0 }),
  browser_connects: Type.Integer({ minimum: 0 }),
  browser_disconnects: Type.Integer({ minimum: 0 }),
  mc_reconnect_count: Type.Integer({ minimum: 0 }),
  current_djs: Type.Integer({ minimum: 0 }),
  current_browsers: Type.Integer({ minimum: 0 }),
  mc_connected: Type.Boolean(),
  uptime_s: Type.Optional(Type.Number({ minimum: 0 })),
});
export type Health = Static<typeof Health>;

// ---- browser → hub ----

export const VjAuth = message('vj_auth', { password: Type.String({ maxLength: 256 }) });
export const BrowserPing = message('ping', { timestamp: Type.Optional(Type.Number()) });
export const BrowserPong = message('pong', { timestamp: Type.Optional(Type.Number()) });
export const GetState = message('get_state', {});
export const BrowserSetPattern = message('set_pattern', {
  pattern: Name,
  zones: Type.Optional(Type.Array(Name, { maxItems: 256 })),
});
export const SetTransitionDuration = message('set_transition_duration', {
  duration: Type.Number({ minimum: 0, maximum: MAX_TRANSITION_S }),
});
export const SetEntityCount = message('set_entity_count', {
  count: Type.Integer({ minimum: 1, maximum: MAX_ENTITIES_PER_ZONE }),
  zone: Type.Optional(Name),
});
export const SetActiveDj = message('set_active_dj', { dj_id: Name });
export const KickDj = message('kick_dj', { dj_id: Name });
export const ReorderDjQueue = message('reorder_dj_queue', {
  dj_id: Name,
  new_position: Type.Integer({ minimum: 0, maximum: 255 }),
});
export const ApproveDj = message('approve_dj', { dj_id: Name });
export const DenyDj = message('deny_dj', { dj_id: Name });
export const GenerateConnectCode = message('generate_connect_code', {
  ttl_minutes: Type.Optional(Type.Number({ minimum: 1, maximum: 24 * 60 })),
});
export const RevokeConnectCode = message('revoke_connect_code', {
  code: Type.String({ maxLength: 17 }),
});
export const SetPreset = message('set_preset', { preset: PresetNameSchema });
export const SetBandSensitivity = message('set_band_sensitivity', {
  band: BandIndex,
  sensitivity: Type.Number({ minimum: 0, maximum: MAX_BAND_SENSITIVITY }),
});
export const SetBandMaterials = message('set_band_materials', {
  materials: Type.Array(Material, { minItems: 5, maxItems: 5 }),
  zone: Type.Optional(Name),
});
export const SetAudioSetting = message('set_audio_setting', {
  setting: Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }),
  value: Type.Union([Type.Number(), Type.Boolean(), Type.String({ maxLength: 64 })]),
});
export const BrowserTriggerEffect = message('trigger_effect', {
  effect: EffectNameSchema,
  intensity: Type.Optional(Unit),
  duration: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_EFFECT_MS })),
  zone: Type.Optional(Name),
});
export const BrowserSetBlackout = message('set_blackout', Enabled);
export const BrowserSetFreeze = message('set_freeze', Enabled);
export const SaveScene = message('save_scene', SceneName);
export const LoadScene = message('load_scene', SceneName);
export const DeleteScene = message('delete_scene', SceneName);
export const ListScenes = message('list_scenes', {});
export const BrowserSetZoneConfig = message('set_zone_config', { zone: Name, config: ZoneConfig });
export const BrowserInitPool = message('init_pool', {
  zone: Name,
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ENTITIES_PER_ZONE })),
  material: Type.Optional(Material),
});
export const BrowserCleanupZone = message('cleanup_zone', { zone: Name });
export const BrowserGetZones = message('get_zones', {});
/** (MCAV) The questions MCAV's admin panel asks on connect, each answered in its shape (see the replies). */
export const GetZone = message('get_zone', { zone: Type.Optional(Name) });
export const GetPendingDjs = message('get_pending_djs', {});
export const GetConnectCodes = message('get_connect_codes', {});
export const GetStages = message('get_stages', {});
export const GetVoiceStatus = message('get_voice_status', {});
export const GetParticleEffects = message('get_particle_effects', {});
export const GetBitmapPatterns = message('get_bitmap_patterns', {});
export const GetBitmapTransitions = message('get_bitmap_transitions', {});
export const GetBitmapPalettes = message('get_bitmap_palettes', {});

// ---- hub → browser ----

export const BrowserAuthSuccess = message('auth_success', {});
export const BrowserAuthError = message('auth_error', { error: Type.String({ maxLength: 512 }) });
export const VjState = message('vj_state', {
  patterns: Type.Array(PatternInfo, { maxItems: 512 }),
  current_patterns: Type.Record(Type.String(), Name),
  zones: Type.Array(ZoneInfo, { maxItems: 256 }),
  djs: Type.Array(RosterEntry, { maxItems: 256 }),
  active_dj_id: Type.Union([Name, Type.Null()]),
  pending_djs: Type.Array(PendingDj, { maxItems: 256 }),
  presets: Type.Array(PresetNameSchema),
  preset: PresetNameSchema,
  scenes: Type.Optional(Type.Array(Name, { maxItems: 256 })),
  /** (ext) As `scenes_list.built_in`. */
  built_in_scenes: Type.Optional(Type.Array(Name, { maxItems: 16 })),
  transition_duration: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_TRANSITION_S })),
  band_sensitivity: Type.Optional(
    Type.Array(Type.Number({ minimum: 0, maximum: MAX_BAND_SENSITIVITY }), { minItems: 5, maxItems: 5 }),
  ),
  blackout: Type.Optional(Type.Boolean()),
  freeze: Type.Optional(Type.Boolean()),
  health: Health,
  minecraft_connected: Type.Boolean(),
  /** (MCAV) `djs`, `active_dj_id` and `current_patterns` again, under the names MCAV's admin panel reads. */
  dj_roster: Type.Optional(Type.Array(RosterEntry, { maxItems: 256 })),
  active_dj: Type.Optional(Type.Union([Name, Type.Null()])),
  zone_patterns: Type.Optional(Type.Record(Type.String(), Name)),
  /** (MCAV) The first zone's pattern, where MCAV's panel reads the current one. */
  current_pattern: Type.Optional(Name),
});
export const State = message('state', {
  entities: Type.Record(Type.String(), Type.Array(BatchEntity, { maxItems: MAX_ENTITIES_PER_ZONE })),
  bands: Bands,
  amplitude: Unit,
  is_beat: Type.Boolean(),
  beat_intensity: Unit,
  bpm: Bpm,
  beat_phase: Unit,
  pattern: Name,
  active_dj: Type.Union([Name, Type.Null()]),
  latency_ms: Type.Number({ minimum: 0 }),
  fps: Type.Number({ minimum: 0 }),
  /** (MCAV) `bpm` again, where MCAV's admin panel reads the tempo. */
  zone_status: Type.Optional(Type.Object({ bpm_estimate: Bpm })),
});
export const BrowserDjRoster = message('dj_roster', {
  djs: Type.Array(RosterEntry, { maxItems: 256 }),
  active_dj_id: Type.Union([Name, Type.Null()]),
  /** (MCAV) the same roster under the names MCAV's admin panel reads. */
  roster: Type.Optional(Type.Array(RosterEntry, { maxItems: 256 })),
  active_dj: Type.Optional(Type.Union([Name, Type.Null()])),
});
/** `dj` repeats the DJ as MCAV's profile object; `dj_left.dj_name` is MCAV's too. */
export const DjJoined = message('dj_joined', {
  dj_id: Name,
  dj_name: Type.String({ maxLength: 64 }),
  dj: Type.Optional(Type.Object({ dj_id: Name, dj_name: Type.String({ maxLength: 64 }) })),
});
export const DjLeft = message('dj_left', {
  dj_id: Name,
  dj_name: Type.Optional(Type.String({ maxLength: 64 })),
});
export const DjPending = message('dj_pending', { dj: PendingDj });
export const MinecraftStatus = message('minecraft_status', { connected: Type.Boolean() });
export const BrowserPatternChanged = message('pattern_changed', {
  pattern: Name,
  zones: Type.Optional(Type.Array(Name, { maxItems: 256 })),
});
export const PresetChanged = message('preset_changed', { preset: PresetNameSchema });
export const BrowserEffectTriggered = message('effect_triggered', {
  effect: EffectNameSchema,
  intensity: Type.Optional(Unit),
  duration: Type.Optional(Type.Number({ minimum: 0 })),
});
export const ScenesList = message('scenes_list', {
  scenes: Type.Array(Name, { maxItems: 256 }),
  /** (ext) Which of `scenes` ship with the engine: they load like the others but cannot be deleted or replaced. */
  built_in: Type.Optional(Type.Array(Name, { maxItems: 16 })),
});
export const ConnectCodeGenerated = message('connect_code_generated', {
  code: Type.String({ maxLength: 17 }),
  expires_at: Type.Number(),
  /** The same as a duration (MCAV's panel reads it). */
  ttl_minutes: Type.Optional(Type.Number({ minimum: 0 })),
});
export const BrowserZones = message('zones', { zones: Type.Array(ZoneInfo, { maxItems: 256 }) });
/** (MCAV) Answer to `get_zone`: the zone (MCAV's default `main` is the first one), null when there is none. */
export const BrowserZone = message('zone', {
  zone: Type.Union([ZoneInfo, Type.Null()]),
  entity_count: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ENTITIES_PER_ZONE })),
});
/** (MCAV) Answer to `get_pending_djs`. */
export const PendingDjs = message('pending_djs', { pending: Type.Array(PendingDj, { maxItems: 256 }) });
/** (MCAV) Answer to `get_connect_codes`: the live codes. */
export const ConnectCodes = message('connect_codes', {
  codes: Type.Array(Type.Object({ code: Type.String({ maxLength: 17 }), expires_at: Type.Number() }), {
    maxItems: 256,
  }),
});
/**
 * (MCAV) Answers for features this hub does not have, each in the shape MCAV's panel reads, saying there is none:
 * no stages, no voice chat, no particle effects, no LED-wall (bitmap) patterns. (An `error` reply would put MCAV's
 * panel in its "Error" connection state.)
 */
export const Stages = message('stages', {
  stages: Type.Array(Type.Never(), { maxItems: 0 }),
  count: Type.Literal(0),
});
export const VoiceStatus = message('voice_status', {
  available: Type.Literal(false),
  streaming: Type.Literal(false),
  channel_type: Type.Literal('static'),
  connected_players: Type.Literal(0),
});
export const ParticleEffects = message('particle_effects', {
  effects: Type.Array(Type.Never(), { maxItems: 0 }),
  global_intensity: Type.Literal(1),
});
export const BitmapPatterns = message('bitmap_patterns', {
  patterns: Type.Array(Type.Never(), { maxItems: 0 }),
});
export const BitmapTransitions = message('bitmap_transitions', {
  transitions: Type.Array(Type.Never(), { maxItems: 0 }),
});
export const BitmapPalettes = message('bitmap_palettes', {
  palettes: Type.Array(Type.Never(), { maxItems: 0 }),
});
export const BrowserAck = message('ack', { request: Type.String({ maxLength: 64 }) });
export const BrowserError = message('error', {
  message: Type.String({ maxLength: 2048 }),
  code: Type.Optional(Type.String({ maxLength: 64 })),
});

/** Everything a browser may send to the hub on :8766. */
export const BROWSER_INBOUND = {
  vj_auth: VjAuth,
  ping: BrowserPing,
  pong: BrowserPong,
  get_state: GetState,
  set_pattern: BrowserSetPattern,
  /** (ext) The same message as on :8765; the hub checks it against the pattern's controls and forwards it. */
  set_pattern_params: SetPatternParams,
  set_transition_duration: SetTransitionDuration,
  set_entity_count: SetEntityCount,
  set_active_dj: SetActiveDj,
  kick_dj: KickDj,
  reorder_dj_queue: ReorderDjQueue,
  approve_dj: ApproveDj,
  deny_dj: DenyDj,
  generate_connect_code: GenerateConnectCode,
  revoke_connect_code: RevokeConnectCode,
  set_preset: SetPreset,
  set_band_sensitivity: SetBandSensitivity,
  set_band_materials: SetBandMaterials,
  set_audio_setting: SetAudioSetting,
  trigger_effect: BrowserTriggerEffect,
  set_blackout: BrowserSetBlackout,
  set_freeze: BrowserSetFreeze,
  save_scene: SaveScene,
  load_scene: LoadScene,
  delete_scene: DeleteScene,
  list_scenes: ListScenes,
  set_zone_config: BrowserSetZoneConfig,
  init_pool: BrowserInitPool,
  cleanup_zone: BrowserCleanupZone,
  get_zones: BrowserGetZones,
  get_zone: GetZone,
  get_pending_djs: GetPendingDjs,
  get_connect_codes: GetConnectCodes,
  get_stages: GetStages,
  get_voice_status: GetVoiceStatus,
  get_particle_effects: GetParticleEffects,
  get_bitmap_patterns: GetBitmapPatterns,
  get_bitmap_transitions: GetBitmapTransitions,
  get_bitmap_palettes: GetBitmapPalettes,
} as const;

/** Everything the hub may send to a browser. */
export const BROWSER_OUTBOUND = {
  auth_success: BrowserAuthSuccess,
  auth_error: BrowserAuthError,
  vj_state: VjState,
  state: State,
  dj_roster: BrowserDjRoster,
  dj_joined: DjJoined,
  dj_left: DjLeft,
  dj_pending: DjPending,
  minecraft_status: MinecraftStatus,
  pattern_changed: BrowserPatternChanged,
  pattern_params: PatternParams,
  preset_changed: PresetChanged,
  effect_triggered: BrowserEffectTriggered,
  scenes_list: ScenesList,
  connect_code_generated: ConnectCodeGenerated,
  zones: BrowserZones,
  zone: BrowserZone,
  pending_djs: PendingDjs,
  connect_codes: ConnectCodes,
  stages: Stages,
  voice_status: VoiceStatus,
  particle_effects: ParticleEffects,
  bitmap_patterns: BitmapPatterns,
  bitmap_transitions: BitmapTransitions,
  bitmap_palettes: BitmapPalettes,
  ack: BrowserAck,
  error: BrowserError,
  ping: BrowserPing,
  pong: BrowserPong,
} as const;

export type BrowserInbound = { [K in keyof typeof BROWSER_INBOUND]: Static<(typeof BROWSER_INBOUND)[K]> };
export type BrowserOutbound = { [K in keyof typeof BROWSER_OUTBOUND]: Static<(typeof BROWSER_OUTBOUND)[K]> };
export type BrowserInboundMessage = BrowserInbound[keyof BrowserInbound];
export type BrowserOutboundMessage = BrowserOutbound[keyof BrowserOutbound];
