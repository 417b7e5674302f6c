/**
 * What MCAV's components (its VJ server, DJ client, admin panel and Minecraft renderer) require of each message
 * on the three links we share with them: field names, which are required, types, ranges and allowed values, as
 * its message schemas and clients state them. Written down here as facts, in our own notation.
 *
 * `client` is the side that opens the socket: on :8765 the VJ server (MCAV's, our hub or our agent) talking to a
 * renderer (MCAV's plugin or ours); on :9000 a DJ client; on :8766 a browser. MCAV's schemas forbid unknown
 * fields, but none of its components enforces that at run time, so extra fields are not checked.
 */
import {
  any,
  arr,
  bool,
  either,
  int,
  map,
  nullable,
  num,
  obj,
  oneOf,
  opt,
  str,
  type Fields,
} from './field-spec';

export type Link = 'plugin' | 'dj' | 'browser';
export type Direction = 'client-to-server' | 'server-to-client';

export interface McavMessage {
  readonly type: string;
  readonly link: Link;
  readonly direction: Direction;
  readonly fields: Fields;
}

const zone = str({ minLength: 1 });
const level = num(0, 1);
const bands = arr(level, 5, 5);
const backend = oneOf('display_entities', 'particles', 'hologram');
const effect = oneOf('blackout', 'freeze', 'flash', 'strobe', 'pulse', 'wave', 'spiral', 'explode');
/** MCAV's renderer names its pool entities `block_0`, `block_1`, ...; any other id names nothing there either. */
const entityId = str({ pattern: '^block_(0|[1-9][0-9]{0,2})$' });
const entityUpdate = obj({
  id: entityId,
  x: opt(level),
  y: opt(level),
  z: opt(level),
  scale: opt(num(0, 4)),
  rotation: opt(num()),
  band: opt(int(0, 4)),
  visible: opt(bool()),
  text: opt(str()),
  material: opt(str()),
  glow: opt(bool()),
  brightness: opt(int(0, 15)),
  interpolation: opt(int(0, 100)),
});
const particleSpawn = obj({
  particle: str({ minLength: 1 }),
  x: opt(level),
  y: opt(level),
  z: opt(level),
  count: opt(int(1, 5000)),
});
const djProfile = obj({
  dj_id: str(),
  dj_name: str(),
  avatar_url: opt(nullable(str())),
  slug: opt(nullable(str())),
  bio: opt(nullable(str())),
  genres: opt(nullable(str())),
});
const rosterEntry = obj({
  dj_id: opt(str()),
  dj_name: opt(str()),
  queue_position: opt(int()),
  is_active: opt(bool()),
});
const pendingDj = obj({
  dj_id: str(),
  dj_name: str(),
  waiting_since: opt(num()),
  direct_mode: opt(bool()),
});
const presetValues = {
  attack: opt(num(0, 1)),
  release: opt(num(0, 1)),
  beat_threshold: opt(num(0)),
  min_db: opt(num()),
  max_db: opt(num()),
};
const patternConfig = obj({
  entity_count: opt(int(0)),
  zone_size: opt(num()),
  beat_boost: opt(num()),
  base_scale: opt(num()),
  max_scale: opt(num()),
});

function messages(link: Link, direction: Direction, table: Record<string, Fields>): McavMessage[] {
  return Object.entries(table).map(([type, fields]) => ({ type, link, direction, fields }));
}

/** :8765, MCAV's VJ server → renderer. */
const PLUGIN_REQUESTS = messages('plugin', 'client-to-server', {
  ping: {},
  get_zones: {},
  get_zone: { zone },
  audio_state: {
    zone,
    bands,
    amplitude: level,
    is_beat: bool(),
    beat_intensity: num(0),
    frame: int(0),
    bpm: opt(num(0)),
  },
  batch_update: {
    zone,
    entities: arr(entityUpdate),
    particles: opt(arr(particleSpawn)),
    bands: opt(bands),
    amplitude: opt(num(0)),
    is_beat: opt(bool()),
    beat_intensity: opt(num(0)),
  },
  update_entity: {
    zone,
    id: entityId,
    x: opt(level),
    y: opt(level),
    z: opt(level),
    scale: opt(num(0, 4)),
    visible: opt(bool()),
    text: opt(str()),
    material: opt(str()),
  },
  // The schema names the material `block_type`; MCAV's VJ client sends it as `material` (default "GLOWSTONE").
  init_pool: { zone, count: int(1, 256), block_type: opt(str()), material: opt(str()) },
  set_visible: { zone, visible: bool(), entities: opt(arr(str())) },
  cleanup_zone: { zone },
  set_zone_config: {
    zone,
    config: obj({
      entity_count: opt(int(1, 1024)),
      block_type: opt(str()),
      base_scale: opt(num(0)),
      max_scale: opt(num(0)),
      brightness: opt(int(0, 15)),
      interpolation: opt(int(0, 20)),
      glow_on_beat: opt(bool()),
      dynamic_brightness: opt(bool()),
      size: opt(obj({ x: opt(num()), y: opt(num()), z: opt(num()) })),
      rotation: opt(num()),
      show_bpm: opt(bool()),
      show_pattern: opt(bool()),
      show_bands: opt(bool()),
      render_mode: opt(oneOf('entities', 'particles', 'hybrid')),
    }),
  },
  set_pattern: { pattern: str({ minLength: 1 }), zones: opt(arr(str({ minLength: 1 }))) },
  trigger_effect: { effect, intensity: level, duration: opt(int(0)) },
  dj_info: { dj_name: str(), dj_id: str(), bpm: opt(num(0)), is_active: bool() },
  get_renderer_capabilities: { zone: opt(zone) },
  set_renderer_backend: { zone, backend, fallback_backend: opt(backend) },
  set_render_mode: { zone, mode: str() },
  set_hologram_config: { zone, config: obj({}) },
  get_stages: {},
  get_bitmap_patterns: {},
  set_bitmap_pattern: { zone, pattern: str({ minLength: 1 }) },
  bitmap_frame: { zone, pixels: opt(str()), width: opt(int(1)), height: opt(int(1)) },
  banner_config: {
    banner_mode: opt(str()),
    text_style: opt(str()),
    grid_width: opt(int()),
    grid_height: opt(int()),
  },
  scan_stage_blocks: { stage: str() },
});

/** :8765, renderer → MCAV's VJ server: the replies its client reads. */
const PLUGIN_REPLIES = messages('plugin', 'server-to-client', {
  pong: { timestamp: int() },
  error: { message: str(), code: opt(str()) },
  zones: {
    zones: arr(
      obj({
        name: str({ minLength: 1 }),
        world: opt(str()),
        corner1: opt(obj({ x: num(), y: num(), z: num() })),
        corner2: opt(obj({ x: num(), y: num(), z: num() })),
        entity_count: opt(int(0)),
      }),
    ),
  },
  zone: { zone: obj({ name: str({ minLength: 1 }) }) },
  renderer_capabilities: {
    zone: opt(str()),
    supported_backends: arr(backend, 1),
    active_backend: backend,
    fallback_backend: opt(backend),
  },
  // Read by type alone.
  pool_initialized: {},
  batch_updated: {},
  entity_updated: {},
  zone_cleaned: {},
});

/**
 * The reply type MCAV's VJ client waits for after each request; any other answer counts as a failure there.
 * (MCAV's client, `viz_client.py`.)
 */
export const MCAV_PLUGIN_REPLY_TO: Readonly<Record<string, string>> = {
  ping: 'pong',
  get_zones: 'zones',
  get_zone: 'zone',
  init_pool: 'pool_initialized',
  batch_update: 'batch_updated',
  update_entity: 'entity_updated',
  set_visible: 'visibility_updated',
  cleanup_zone: 'zone_cleaned',
  get_renderer_capabilities: 'renderer_capabilities',
};

/** :9000, MCAV's DJ client → VJ server (and what our agent sends to MCAV's VJ server). */
const DJ_REQUESTS = messages('dj', 'client-to-server', {
  dj_auth: {
    dj_id: str({ minLength: 1 }),
    dj_name: str({ minLength: 1 }),
    dj_key: str(),
    direct_mode: opt(bool()),
  },
  code_auth: {
    code: str({ pattern: '^[A-Z]{4}-[A-Z2-9]{4}$' }),
    dj_name: str({ minLength: 1 }),
    direct_mode: opt(bool()),
    dj_session_id: opt(str()),
  },
  dj_audio_frame: {
    seq: int(0),
    ts: num(),
    bands,
    peak: num(0),
    beat: bool(),
    beat_i: num(0),
    bpm: num(0),
    tempo_conf: opt(num(0, 1)),
    beat_phase: opt(num(0, 1)),
    i_bass: opt(num(0)),
    i_kick: opt(bool()),
    direct_mode: opt(bool()),
  },
  dj_heartbeat: { ts: num(), mc_connected: opt(bool()) },
  clock_sync_response: { dj_recv_time: num(), dj_send_time: num() },
  going_offline: {},
  set_my_palette: { palette: arr(nullable(str()), 5, 5) },
  set_my_preset: { preset: str({ minLength: 1 }) },
  voice_audio: { data: str(), seq: int(0), codec: opt(oneOf('pcm', 'opus')) },
});

/** :9000, VJ server → DJ client. */
const DJ_REPLIES = messages('dj', 'server-to-client', {
  auth_success: {},
  auth_error: { error: str() },
  auth_pending: { message: str(), dj_id: str() },
  auth_denied: { message: opt(str()) },
  heartbeat_ack: { server_time: num(), echo_ts: opt(num()) },
  clock_sync_request: { server_time: num() },
  status_update: { is_active: bool() },
  dj_roster: {
    roster: opt(arr(rosterEntry)),
    djs: opt(arr(rosterEntry)),
    active_dj: opt(nullable(str())),
    active_dj_id: opt(nullable(str())),
    your_position: opt(int()),
  },
  preset_sync: {
    preset: obj({ name: opt(str()), ...presetValues, band_sensitivity: opt(arr(num())) }),
  },
  stream_route: {
    route_mode: oneOf('relay', 'dual'),
    is_active: opt(bool()),
    minecraft_host: opt(str()),
    minecraft_port: opt(int(1, 65535)),
    zone: opt(str()),
    entity_count: opt(int(0)),
    current_pattern: opt(str()),
    pattern_config: opt(patternConfig),
    pattern_scripts: opt(map(str())),
    band_sensitivity: opt(arr(num())),
    preset: opt(str()),
    relay_fallback: opt(bool()),
    reason: opt(str()),
  },
  pattern_sync: { pattern: str(), config: opt(patternConfig), scripts: opt(map(str())) },
  config_sync: { entity_count: int(0), zone: str() },
  error: { message: str(), code: opt(str()) },
  pong: { timestamp: int() },
});

/** :8766, MCAV's admin panel → VJ server. */
const BROWSER_REQUESTS = messages('browser', 'client-to-server', {
  ping: {},
  get_zones: {},
  set_pattern: { pattern: str({ minLength: 1 }), zones: opt(arr(str({ minLength: 1 }))) },
  // MCAV's presets have our names; its panel sends them lower case, the server lower-cases any other spelling.
  set_preset: {
    preset: either(
      oneOf('auto', 'edm', 'chill', 'rock', 'hiphop', 'folk', 'classical', 'EDM', 'Chill'),
      obj(presetValues),
    ),
  },
  trigger_effect: { effect, intensity: level, duration: opt(int(0)) },
  blackout: { enabled: opt(bool()) },
  set_blackout: { enabled: opt(bool()) },
  freeze: { enabled: opt(bool()) },
  set_freeze: { enabled: opt(bool()) },
  flash: { intensity: opt(level), duration: opt(int(0)) },
  get_stages: {},
  set_render_mode: { zone, mode: str() },
  get_renderer_capabilities: { zone: opt(zone) },
  set_zone_config: { zone, config: obj({ entity_count: opt(int(1, 1024)), block_type: opt(str()) }) },
});

/** :8766, VJ server → MCAV's admin panel. */
const BROWSER_REPLIES = messages('browser', 'server-to-client', {
  auth_success: {},
  auth_error: { error: str() },
  vj_state: {
    // Its schema says names; its admin panel reads `p.id` and `p.category` of each, so objects are what works.
    patterns: opt(arr(obj({ id: str() }))),
    current_pattern: opt(str()),
    entity_count: opt(int(0)),
    zone: opt(str()),
    zone_patterns: opt(map(str())),
    dj_roster: opt(arr(any())),
    active_dj: opt(nullable(str())),
    minecraft_connected: opt(bool()),
    pending_djs: opt(arr(any())),
  },
  state: {
    bands,
    amplitude: num(0),
    is_beat: bool(),
    beat_intensity: num(0),
    bpm: opt(num(0)),
    frame: opt(int(0)),
    latency_ms: opt(num(0)),
    pattern: opt(str()),
    entities: opt(arr(entityUpdate)),
    // Its 3D preview with several zones (stage mode): each zone's list by name.
    zone_entities: opt(map(arr(entityUpdate))),
    instant_bass: opt(num(0)),
    active_dj: opt(nullable(djProfile)),
  },
  dj_roster: {
    roster: opt(arr(rosterEntry)),
    djs: opt(arr(rosterEntry)),
    active_dj: opt(nullable(str())),
    active_dj_id: opt(nullable(str())),
  },
  dj_joined: { dj: djProfile },
  dj_left: { dj_id: str(), dj_name: str() },
  dj_pending: { dj: pendingDj },
  minecraft_status: { connected: bool() },
  pattern_changed: { pattern: str(), patterns: opt(arr(str())), zone_patterns: opt(map(str())) },
  patterns: { patterns: arr(obj({ id: str() })), current_pattern: opt(str()) },
  preset_changed: { preset: str(), settings: opt(obj({})) },
  effect_triggered: { effect: str() },
  scenes_list: { scenes: arr(str()) },
  connect_code_generated: { code: str(), expires_at: num(), ttl_minutes: int() },
  error: { message: str(), code: opt(str()) },
  pong: { timestamp: int() },
});

export const MCAV_MESSAGES: readonly McavMessage[] = [
  ...PLUGIN_REQUESTS,
  ...PLUGIN_REPLIES,
  ...DJ_REQUESTS,
  ...DJ_REPLIES,
  ...BROWSER_REQUESTS,
  ...BROWSER_REPLIES,
];

/** The MCAV requirement for one message on one link and direction, if MCAV has that message there. */
export function mcavMessage(link: Link, direction: Direction, type: string): McavMessage | undefined {
  return MCAV_MESSAGES.find((m) => m.link === link && m.direction === direction && m.type === type);
}
