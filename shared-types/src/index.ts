/**
 * @audioviz/shared-types — the wire contract of docs/protocol.md as schemas, types and validators, plus the
 * connection-policy numbers and the backoff/heartbeat primitives every client reuses.
 */
export {
  NAME_PATTERN,
  Name,
  Bands,
  Unit,
  Spectrum,
  Onsets,
  Material,
  BandIndex,
  isPlainObject,
  message,
} from './common';
export { EFFECT_NAMES, PRESET_NAMES, EffectNameSchema, PresetNameSchema } from './effects';
export type { EffectName, PresetName } from './effects';
export * from './limits';
export { BAND_GLOW_COLORS } from './band-look';
export {
  ZONE_HEADER,
  ZONE_HEADER_SLOTS,
  ZONE_HEADER_BYTES,
  ENTITY_KINDS,
  ZONE_FRAME_FIELDS,
  ZONE_FRAME_BYTES_PER_ENTITY,
  zoneFrameArrays,
  zoneFrameLayout,
} from './zone-frame';
export type { ZoneFrameArrays, ZoneFrameField, ZoneFrameType } from './zone-frame';
export { CLOSE_CODES, NON_RETRYABLE_CLOSE_CODES } from './close-codes';
export { ERROR_CODES, ERROR_CODE_INFO } from './error-codes';
export type { ErrorCode } from './error-codes';
export type { CloseCode, CloseCodeName } from './close-codes';
export {
  PARAM_NAME_PATTERN,
  MAX_PATTERN_PARAMS,
  MAX_PARAM_DESCRIPTION,
  MAX_PARAM_CHOICES,
  MAX_CHOICE_LENGTH,
  PatternParamSpec,
  PatternParamSpecs,
  PatternParamValue,
  PatternParamValues,
  describeParamRange,
  paramValuesProblem,
  readParamValues,
} from './pattern-params';
export { PLUGIN_INBOUND, PLUGIN_OUTBOUND, BatchEntity, ZoneInfo, ZoneConfig, PatternInfo } from './plugin';
export type {
  PluginInbound,
  PluginOutbound,
  PluginInboundMessage,
  PluginOutboundMessage,
  AudioState,
  BatchUpdate,
} from './plugin';
export { DJ_INBOUND, DJ_OUTBOUND, RosterEntry } from './dj';
export type { DjInbound, DjOutbound, DjInboundMessage, DjOutboundMessage, DjAudioFrame } from './dj';
export { BROWSER_INBOUND, BROWSER_OUTBOUND, Health, PendingDj } from './browser';
export type {
  BrowserInbound,
  BrowserOutbound,
  BrowserInboundMessage,
  BrowserOutboundMessage,
} from './browser';
export { createPortValidator, exceedsUtf8Bytes } from './validate';
export type { PortValidator, ValidationError, ValidationResult, ValidationCode, MessageOf } from './validate';
export { pluginValidator, djValidator, browserValidator, MAX_HUB_MESSAGE_BYTES } from './ports';
export { systemClock, systemRandom, seededRandom, FakeClock } from './clock';
export type { Clock, RandomSource, TimerHandle } from './clock';
export { Backoff, Reconnector } from './backoff';
export type { ReconnectorEvents } from './backoff';
export { HeartbeatMonitor } from './heartbeat';
export type { HeartbeatFailure, HeartbeatHandlers } from './heartbeat';
export { AUDIO_PRESETS, presetStepFraction } from './presets';
export type { AudioPreset } from './presets';
export {
  MCAV_DEFAULT_ZONE,
  MCAV_PATTERN_ALIASES,
  MCAV_PLUGIN_UNSUPPORTED,
  canonicalMaterial,
  patternName,
  readPluginMessage,
} from './compat/plugin-link';
export type { PluginReadResult, SkippedEntity } from './compat/plugin-link';
export {
  DJ_FRAME_DEFAULTS,
  MCAV_BROWSER_ALIASES,
  MCAV_BROWSER_QUERIES,
  MCAV_BROWSER_UNSUPPORTED,
  MCAV_DJ_UNSUPPORTED,
  browserRosterMessage,
  djJoinedMessage,
  mcavPresetSettings,
  mcavPreviewState,
  mcavVjStateFields,
  normaliseDjAudioFrame,
  readBrowserMessage,
  readDjMessage,
} from './compat/dj-link';
export type { CompatError, CompatResult, McavPresetSettings, McavPreviewState } from './compat/dj-link';
export { presetNameOf, presetSyncSettings, readHubMessage } from './compat/hub-replies';
export type { HubMessage, HubRead, HubReadError, StreamRoute } from './compat/hub-replies';
