/**
 * Random, valid-looking messages for each port: every message type, every field in range, at its limits and
 * past them, of the wrong type or missing; names in every case (Bukkit materials, MCAV's zone and pattern
 * names, unknown ones); plus garbage (not JSON, not objects, deep nesting, unknown types, oversized strings).
 * Built with fast-check so a seed reproduces a run.
 */
import fc from 'fast-check';

type Arb<T> = fc.Arbitrary<T>;

/** Numbers a hostile or sloppy client sends: limits, just past them, huge, negative, fractional. */
const edgeNumber: Arb<number> = fc.oneof(
  fc.constantFrom(0, 1, -1, 0.5, 4, 5, 15, 16, 64, 65, 100, 101, 255, 256, 360, 361, 400, 1000, 1024, 1025),
  fc.constantFrom(1e308, -1e308, 2 ** 53, -(2 ** 53), 1e-320, -0),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.integer({ min: -5000, max: 5000 }),
);

/** Any JSON value, small. */
const junk: Arb<unknown> = fc.oneof(
  edgeNumber,
  fc.string({ maxLength: 24 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(edgeNumber, { maxLength: 7 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

/** Mostly `valid`, sometimes anything at all. */
function field<T>(valid: Arb<T>): Arb<unknown> {
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: junk });
}

const unit = field(
  fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 1.0001, 5, -0.01)),
);
const bands = field(fc.array(unit, { minLength: 4, maxLength: 6 }));
const zoneName = field(
  fc.constantFrom(
    'main',
    'MAIN',
    'stage',
    'Stage',
    'nowhere',
    '',
    'bad name',
    '../x',
    'z'.repeat(65),
    'ñandú',
  ),
);
export const MATERIAL_NAMES = [
  'SEA_LANTERN',
  'sea_lantern',
  'minecraft:sea_lantern',
  'Minecraft:Sea_Lantern',
  'GLOWSTONE',
  'minecraft:not_a_block',
  'not:a:block',
  'STONE ',
  'air',
  'minecraft:light',
  '',
  'x'.repeat(80),
] as const;
const material = field(fc.constantFrom(...MATERIAL_NAMES));
const pattern = field(fc.constantFrom('bars', 'spectrum', 'galaxy', 'wormhole', 'SPECTRUM', 'nope', ''));
const entityId = field(
  fc.oneof(
    fc.integer({ min: 0, max: 1100 }).map((i) => `block_${i}`),
    fc.constantFrom('block_', 'block_-1', 'zombie_1', 'block_99999'),
  ),
);
const entityIds = field(fc.array(entityId, { maxLength: 8 }));

/** Keys left out at random: a partial message is as likely as a full one. */
function message(type: string, fields: Record<string, Arb<unknown>>): Arb<Record<string, unknown>> {
  return fc
    .record(
      { ...fields, _seq: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: undefined }) },
      { requiredKeys: [] },
    )
    .map((m) => ({ type, ...m }));
}

const entity = fc.record(
  {
    id: entityId,
    x: unit,
    y: unit,
    z: unit,
    scale: field(fc.double({ min: 0, max: 4, noNaN: true })),
    rotation: field(edgeNumber),
    band: field(fc.integer({ min: -1, max: 5 })),
    visible: field(fc.boolean()),
    glow: field(fc.boolean()),
    brightness: field(fc.integer({ min: -1, max: 16 })),
    interpolation: field(fc.integer({ min: -1, max: 101 })),
    material,
    text: fc.string({ maxLength: 8 }),
  },
  { requiredKeys: [] },
);

/** Requests MCAV's VJ server makes that this server does not have, and names nobody knows. */
const foreignType = fc.constantFrom(
  'get_stages',
  'get_bitmap_patterns',
  'set_render_mode',
  'banner_config',
  'teleport',
  '',
  'Ping',
);

/** Every :8765 message a client may send, liberal and hostile alike. */
export const pluginMessage: Arb<unknown> = fc.oneof(
  message('audio_state', {
    zone: zoneName,
    bands,
    amplitude: unit,
    is_beat: field(fc.boolean()),
    beat_intensity: unit,
    bpm: field(fc.double({ min: 0, max: 500, noNaN: true })),
    tempo_confidence: unit,
    beat_phase: unit,
    frame: field(fc.nat()),
  }),
  message('batch_update', {
    zone: zoneName,
    entities: field(fc.array(entity, { maxLength: 40 })),
    bands,
    amplitude: unit,
    is_beat: field(fc.boolean()),
    beat_intensity: unit,
  }),
  entity.map((e) => ({ type: 'update_entity', zone: 'main', ...e })),
  message('get_zones', {}),
  message('get_zone', { zone: zoneName }),
  message('get_renderer_capabilities', { zone: zoneName }),
  message('set_zone_config', {
    zone: zoneName,
    config: field(
      fc.record(
        {
          rotation: field(edgeNumber),
          block_type: material,
          materials: field(fc.array(material, { minLength: 4, maxLength: 6 })),
          brightness: field(fc.integer({ min: -1, max: 16 })),
          interpolation: field(fc.integer({ min: -1, max: 101 })),
          glow_on_beat: field(fc.boolean()),
          pattern,
        },
        { requiredKeys: [] },
      ),
    ),
  }),
  message('init_pool', {
    zone: zoneName,
    count: field(fc.integer({ min: 1, max: 64 })),
    material,
    block_type: material,
  }),
  message('set_visible', { zone: zoneName, visible: field(fc.boolean()), entities: entityIds }),
  message('set_entity_glow', { zone: zoneName, glow: field(fc.boolean()), entities: entityIds }),
  message('set_entity_brightness', {
    zone: zoneName,
    brightness: field(fc.integer({ min: -1, max: 16 })),
    entities: entityIds,
  }),
  message('set_pattern', {
    zone: zoneName,
    zones: field(fc.array(zoneName, { maxLength: 3 })),
    pattern,
    transition_s: unit,
  }),
  message('trigger_effect', {
    zone: zoneName,
    effect: field(fc.constantFrom('flash', 'strobe', 'explode', 'spin_up', 'nuke')),
    intensity: unit,
    duration: field(fc.integer({ min: -1, max: 70_000 })),
  }),
  message('set_blackout', { enabled: field(fc.boolean()), zone: zoneName }),
  message('set_freeze', { enabled: field(fc.boolean()), zone: zoneName }),
  message('list_patterns', {}),
  message('dj_info', {
    dj_name: field(fc.string({ maxLength: 70 })),
    dj_id: zoneName,
    bpm: field(edgeNumber),
    is_active: field(fc.boolean()),
  }),
  message('ping', { timestamp: field(edgeNumber) }),
  message('auth', { token: field(fc.string({ maxLength: 10 })) }),
  foreignType.map((type) => ({ type, zone: 'main' })),
);

/** :9000: auth attempts and, on an authenticated socket, frames and heartbeats. */
export const djMessage: Arb<unknown> = fc.oneof(
  message('dj_auth', {
    dj_id: zoneName,
    dj_key: field(fc.string({ maxLength: 10 })),
    dj_name: field(fc.string({ maxLength: 70 })),
    direct_mode: field(fc.boolean()),
  }),
  message('code_auth', {
    code: field(fc.constantFrom('DISCO-AB12', 'disco-ab12', 'X-1')),
    dj_name: field(fc.string()),
  }),
  message('dj_audio_frame', {
    seq: field(fc.nat()),
    ts: field(edgeNumber),
    bands,
    peak: unit,
    beat: field(fc.boolean()),
    beat_i: unit,
    bpm: field(edgeNumber),
    tempo_conf: unit,
    beat_phase: unit,
    i_bass: unit,
    i_kick: field(fc.boolean()),
    spectrum: field(fc.array(unit, { maxLength: 300 })),
  }),
  message('dj_heartbeat', { ts: field(edgeNumber), latency_ms: field(edgeNumber) }),
  message('clock_sync_response', { dj_recv_time: field(edgeNumber), dj_send_time: field(edgeNumber) }),
  message('ping', {}),
  message('going_offline', {}),
  foreignType.map((type) => ({ type })),
);

/** :8766: every operator command with edge values. */
export const browserMessage: Arb<unknown> = fc.oneof(
  message('get_state', {}),
  message('set_pattern', { pattern, zones: field(fc.array(zoneName, { maxLength: 3 })) }),
  message('set_transition_duration', { duration: field(edgeNumber) }),
  message('set_entity_count', { count: field(edgeNumber), zone: zoneName }),
  message('set_active_dj', { dj_id: zoneName }),
  message('kick_dj', { dj_id: zoneName }),
  message('reorder_dj_queue', { dj_id: zoneName, new_position: field(edgeNumber) }),
  message('generate_connect_code', { ttl_minutes: field(edgeNumber) }),
  message('set_preset', { preset: field(fc.constantFrom('edm', 'EDM', 'auto', 'metal')) }),
  message('set_band_sensitivity', {
    band: field(fc.integer({ min: -1, max: 5 })),
    sensitivity: field(edgeNumber),
  }),
  message('set_band_materials', { materials: field(fc.array(material, { minLength: 4, maxLength: 6 })) }),
  message('set_audio_setting', {
    setting: field(fc.constantFrom('attack', 'release', 'Attack', '')),
    value: junk,
  }),
  message('trigger_effect', {
    effect: field(fc.constantFrom('flash', 'nuke')),
    intensity: unit,
    duration: field(edgeNumber),
  }),
  message('set_blackout', { enabled: field(fc.boolean()) }),
  message('set_freeze', { enabled: field(fc.boolean()) }),
  message('save_scene', { name: zoneName }),
  message('load_scene', { name: zoneName }),
  message('delete_scene', { name: zoneName }),
  message('list_scenes', {}),
  message('get_zones', {}),
  foreignType.map((type) => ({ type })),
);

/** Frames that are not messages at all. */
export const garbage: Arb<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('{', '[]', 'null', '42', '"type"', '{"type":null}', '{"type":{"x":1}}', '{"type":"ping",'),
  fc.integer({ min: 50, max: 400 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 50, max: 400 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  fc.constant(
    JSON.stringify({ type: 'dj_info', dj_name: 'x'.repeat(60_000), dj_id: 'a', bpm: 1, is_active: true }),
  ),
);

/** `count` frames for one port from a seed: mostly messages, some garbage, as text. */
export function frames(port: Arb<unknown>, count: number, seed: number): string[] {
  const frame = fc.oneof(
    { weight: 9, arbitrary: port.map((m) => JSON.stringify(m)) },
    { weight: 1, arbitrary: garbage },
  );
  return fc.sample(frame, { numRuns: count, seed });
}
