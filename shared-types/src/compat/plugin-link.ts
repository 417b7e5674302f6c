/**
 * MCAV compatibility of the :8765 link, applied by the engine before validation. MCAV's VJ server and renderers
 * send Bukkit material names (`SEA_LANTERN`), hot levels (amplitude and beat intensity up to 5), frames without
 * `bpm`, entities that only hide (`{"id","scale":0}`), `init_pool.block_type`, pattern names of their own, and
 * requests for features we do not have. Each is mapped onto our shapes here, once; the schemas in `plugin.ts`
 * stay what we send. A bad entity in a batch is dropped and reported, never the whole frame.
 */
import {
  MAX_BAND_INDEX,
  MAX_BPM,
  MAX_BRIGHTNESS,
  MAX_EFFECT_MS,
  MAX_ENTITIES_PER_ZONE,
  MAX_ENTITY_SCALE,
  MAX_INTERPOLATION_TICKS,
  MAX_ROTATION_DEG,
  MAX_PLUGIN_MESSAGE_BYTES,
  MAX_ZONE_SIZE,
  MIN_ZONE_SIZE,
} from '../limits';
import type { BatchEntity, PluginInboundMessage } from '../plugin';
import { pluginValidator } from '../ports';
import { exceedsUtf8Bytes } from '../validate';
import { ERROR_CODES } from '../error-codes';
import { type CompatError } from './dj-link';

/** MCAV's default zone; a server without a zone of that name gives its first zone instead. */
export const MCAV_DEFAULT_ZONE = 'main';

/** MCAV pattern names that are one of ours under another name. */
export const MCAV_PATTERN_ALIASES: Readonly<Record<string, string>> = {
  spectrum: 'bars',
  dropsequence: 'drop_sequence',
  laserfan: 'laser_fan',
  movingheads: 'moving_heads',
  ocean: 'ocean_waves',
  shockwave: 'shockwave_rings',
};

/** :8765 requests MCAV's VJ server may send that this server has no feature for: answered `UNSUPPORTED`. */
export const MCAV_PLUGIN_UNSUPPORTED: ReadonlySet<string> = new Set([
  'get_stages',
  'get_stage',
  'get_stage_templates',
  'create_stage',
  'update_stage',
  'delete_stage',
  'activate_stage',
  'deactivate_stage',
  'get_bitmap_patterns',
  'get_bitmap_status',
  'get_bitmap_transitions',
  'get_bitmap_palettes',
  'set_render_mode',
  'set_renderer_backend',
  'set_hologram_config',
  'banner_config',
  'init_bitmap',
  'teardown_bitmap',
  'bitmap_frame',
  'set_bitmap_pattern',
  'bitmap_transition',
  'bitmap_marquee',
  'bitmap_track_display',
  'bitmap_countdown',
  'bitmap_effects',
  'bitmap_palette',
  'bitmap_layer',
  'bitmap_image',
  'bitmap_firework',
  'bitmap_chat',
  'bitmap_composition',
  'bitmap_dj_logo',
  'set_particle_effect',
  'set_particle_config',
  'set_particle_viz_config',
  'set_ambient_lights',
  'scan_stage_blocks',
  'query_zone_status',
  'set_stage_zone_config',
  'voice_audio',
  'voice_config',
  'get_voice_status',
]);

/** MCAV request types that are one of ours under another name (its renderer answers both). */
export const MCAV_PLUGIN_ALIASES: Readonly<Record<string, string>> = {
  renderer_capabilities: 'get_renderer_capabilities',
};

/** A namespaced block id part: what Minecraft accepts in `namespace:path`. */
const RESOURCE_PART = /^[a-z0-9_.-]{1,64}$/;

/**
 * A material name in canonical form, `namespace:path` in lower case: `SEA_LANTERN`, `sea_lantern` and
 * `minecraft:Sea_Lantern` all become `minecraft:sea_lantern`. Null when it cannot be a block id at all. Whether
 * the block exists is for the server to say (it falls back to a default block with one warning).
 */
export function canonicalMaterial(name: string): string | null {
  if (name.length > 128) return null;
  const lower = name.trim().toLowerCase();
  const colon = lower.indexOf(':');
  const namespace = colon === -1 ? 'minecraft' : lower.slice(0, colon);
  const path = colon === -1 ? lower : lower.slice(colon + 1);
  if (!RESOURCE_PART.test(namespace) || !RESOURCE_PART.test(path)) return null;
  const id = `${namespace}:${path}`;
  return id.length <= 64 ? id : null;
}

/** An entity dropped from a batch, and why: reported to the sender, the rest of the batch is applied. */
export interface SkippedEntity {
  readonly index: number;
  readonly id: string | null;
  readonly reason: string;
}

export type PluginReadResult =
  | { ok: true; value: PluginInboundMessage; skipped: readonly SkippedEntity[] }
  | { ok: false; error: CompatError };

type Fields = Record<string, unknown>;

/** Size-checks, parses, maps and validates one :8765 text frame. */
export function readPluginMessage(text: string): PluginReadResult {
  if (exceedsUtf8Bytes(text, MAX_PLUGIN_MESSAGE_BYTES))
    return failure(
      ERROR_CODES.MESSAGE_TOO_BIG,
      `message of more than ${MAX_PLUGIN_MESSAGE_BYTES} bytes refused`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return failure(ERROR_CODES.INVALID_JSON, 'message is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return pluginValidator.validate(value) as PluginReadResult & { ok: false };
  const sent = typeof (value as Fields)['type'] === 'string' ? String((value as Fields)['type']) : null;
  const type = sent === null ? null : (MCAV_PLUGIN_ALIASES[sent] ?? sent);
  if (type !== null && MCAV_PLUGIN_UNSUPPORTED.has(type))
    return failure(
      ERROR_CODES.UNSUPPORTED,
      `"${type}" is an MCAV feature this server does not have; the show goes on without it`,
      type,
    );
  // The frames that arrive 20–60 times a second are usually already in our shape: one compiled check, and
  // only material names to rewrite. Everything else (and any frame that fails) takes the mapping path.
  if (type === 'batch_update' || type === 'audio_state') {
    const fast = pluginValidator.validate(value);
    if (fast.ok) {
      if (fast.value.type === 'batch_update') canonicaliseMaterials(fast.value.entities);
      return { ok: true, value: fast.value, skipped: NONE_SKIPPED };
    }
  }
  const skipped: SkippedEntity[] = [];
  const mapped = type === null ? value : normalise(type, { ...(value as Fields), type }, skipped);
  const lone = skipped[0];
  if (type === 'update_entity' && lone !== undefined)
    return failure(ERROR_CODES.INVALID_FIELD, `update_entity ${lone.id ?? ''}: ${lone.reason}`, type);
  const result = pluginValidator.validate(mapped);
  if (!result.ok) return { ok: false, error: { ...result.error, type } };
  return { ok: true, value: result.value, skipped };
}

const NONE_SKIPPED: readonly SkippedEntity[] = [];
const CANONICAL_MATERIAL = /^[a-z0-9_.-]+:[a-z0-9_.-]+$/;

/** Rewrites, in place, the material names of valid entities that are not yet in canonical form. */
function canonicaliseMaterials(entities: BatchEntity[]): void {
  for (const e of entities) {
    if (e.material === undefined || CANONICAL_MATERIAL.test(e.material)) continue;
    const material = canonicalMaterial(e.material);
    if (material === null) delete e.material;
    else e.material = material;
  }
}

function failure(code: CompatError['code'], message: string, type: string | null = null): PluginReadResult {
  return { ok: false, error: { code, message, path: '', type } };
}

function normalise(type: string, m: Fields, skipped: SkippedEntity[]): Fields {
  switch (type) {
    case 'audio_state':
      // MCAV's renderer also reads its DJ frames' name for the tempo confidence.
      return withLevels(withDefaults(m, { bpm: 0, tempo_confidence: m['tempo_conf'] }), [
        'amplitude',
        'beat_intensity',
        'tempo_confidence',
        'beat_phase',
      ]);
    case 'batch_update': {
      const out = withLevels(m, ['amplitude', 'beat_intensity']);
      if (Array.isArray(m['entities'])) out['entities'] = entitiesOf(m['entities'], skipped);
      return out;
    }
    case 'update_entity': {
      const entity = entityOf(m, 0, skipped);
      // Only what the entity check kept: an empty material, say, is left out rather than refused.
      return entity === null ? m : defined({ type, zone: m['zone'], _seq: m['_seq'], ...entity });
    }
    case 'init_pool': {
      const { block_type: blockType, ...rest } = m;
      const material = rest['material'] ?? blockType;
      const count =
        typeof rest['count'] === 'number'
          ? clamp(Math.round(rest['count']), 1, MAX_ENTITIES_PER_ZONE)
          : rest['count'];
      return defined({ ...rest, count, material: materialField(material) });
    }
    case 'set_zone_config':
      return mcavZoneConfig(m);
    case 'trigger_effect':
      return mcavEffect(m);
    case 'set_pattern': {
      const { zones, ...rest } = m;
      // MCAV names the zones in a list; a single one is our `zone`, none (or all) means every zone.
      const zone = rest['zone'] ?? (Array.isArray(zones) && zones.length === 1 ? zones[0] : undefined);
      const pattern = typeof rest['pattern'] === 'string' ? patternName(rest['pattern']) : rest['pattern'];
      return defined({ ...rest, zone, pattern });
    }
    case 'dj_info':
      return withLevels(
        withDefaults({ ...m, dj_id: djId(m['dj_id']), dj_name: djName(m['dj_name']) }, { bpm: 0 }),
        [],
      );
    default:
      return m;
  }
}

/**
 * `set_zone_config` (on :8765 and :8766) with MCAV's values brought into our ranges: any angle is a yaw, a size
 * is clamped to what a zone may be, an empty material means none, interpolation is whole ticks.
 */
export function mcavZoneConfig(m: Fields): Fields {
  const config = m['config'];
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return m;
  const c = { ...(config as Fields) };
  if (c['block_type'] !== undefined) c['block_type'] = materialField(c['block_type']);
  if (Array.isArray(c['materials'])) c['materials'] = c['materials'].map(materialField);
  if (typeof c['pattern'] === 'string') c['pattern'] = patternName(c['pattern']);
  if (finite(c['interpolation']))
    c['interpolation'] = clamp(Math.round(c['interpolation']), 0, MAX_INTERPOLATION_TICKS);
  if (finite(c['rotation'])) c['rotation'] = c['rotation'] % MAX_ROTATION_DEG;
  const size = c['size'];
  if (typeof size === 'object' && size !== null && !Array.isArray(size)) {
    const s: Fields = { ...(size as Fields) };
    for (const axis of ['x', 'y', 'z']) {
      const v = s[axis];
      if (finite(v)) s[axis] = clamp(v, MIN_ZONE_SIZE, MAX_ZONE_SIZE);
    }
    c['size'] = s;
  }
  return { ...m, config: defined(c) };
}

/** `trigger_effect` (on :8765 and :8766): MCAV sets no upper bound on intensity or duration; ours are 0–1 and 60 s. */
export function mcavEffect(m: Fields): Fields {
  const out = { ...m };
  if (finite(out['intensity'])) out['intensity'] = clamp(out['intensity'], 0, 1);
  if (finite(out['duration'])) out['duration'] = clamp(out['duration'], 0, MAX_EFFECT_MS);
  return out;
}

function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** MCAV says "no DJ" with an empty id; its ids are free text. Ours are names, so both become one. */
function djId(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const id = value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  return id.length === 0 ? 'none' : id;
}

function djName(value: unknown): unknown {
  return typeof value === 'string' ? value.slice(0, 64) : value;
}

/** A pattern name with MCAV's names mapped onto ours. */
export function patternName(name: string): string {
  return MCAV_PATTERN_ALIASES[name] ?? name;
}

/** A material name in canonical form; an empty one (MCAV's "no material") is left out. */
function materialField(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.trim() === '' ? undefined : (canonicalMaterial(value) ?? value);
}

function entitiesOf(list: unknown[], skipped: SkippedEntity[]): Fields[] {
  const out: Fields[] = [];
  const limit = Math.min(list.length, MAX_ENTITIES_PER_ZONE);
  for (let i = 0; i < limit; i++) {
    const entity = entityOf(list[i], i, skipped);
    if (entity !== null) out.push(entity);
  }
  if (list.length > limit)
    skipped.push({
      index: limit,
      id: null,
      reason: `only ${MAX_ENTITIES_PER_ZONE} entities fit in a zone; ${list.length - limit} dropped`,
    });
  return out;
}

const ENTITY_ID = /^block_[0-9]{1,4}$/;
/** Numeric entity fields and the range each is clamped into (integers are rounded first). */
const ENTITY_NUMBERS: readonly (readonly [string, { min: number; max: number; integer: boolean }])[] = [
  ['x', { min: 0, max: 1, integer: false }],
  ['y', { min: 0, max: 1, integer: false }],
  ['z', { min: 0, max: 1, integer: false }],
  ['scale', { min: 0, max: MAX_ENTITY_SCALE, integer: false }],
  ['band', { min: 0, max: MAX_BAND_INDEX, integer: true }],
  ['brightness', { min: 0, max: MAX_BRIGHTNESS, integer: true }],
  ['interpolation', { min: 0, max: MAX_INTERPOLATION_TICKS, integer: true }],
];
const ENTITY_FLAGS = ['visible', 'glow'] as const;

/** One entity in our shape, or null (and a reason in `skipped`) when it cannot be applied. */
function entityOf(raw: unknown, index: number, skipped: SkippedEntity[]): Fields | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    skipped.push({ index, id: null, reason: 'not an object' });
    return null;
  }
  const e = raw as Fields;
  const id = typeof e['id'] === 'string' ? e['id'] : null;
  const skip = (reason: string): null => {
    skipped.push({ index, id, reason });
    return null;
  };
  if (id === null || !ENTITY_ID.test(id)) return skip('id must look like "block_12"');
  const out: Fields = { id };
  for (const [field, range] of ENTITY_NUMBERS) {
    const v = e[field];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) return skip(`${field} must be a number`);
    out[field] = clamp(range.integer ? Math.round(v) : v, range.min, range.max);
  }
  const rotation = e['rotation'];
  if (rotation !== undefined) {
    if (typeof rotation !== 'number' || !Number.isFinite(rotation)) return skip('rotation must be a number');
    out['rotation'] = rotation % MAX_ROTATION_DEG; // any angle is a yaw; ours are within ±360
  }
  for (const field of ENTITY_FLAGS) {
    const v = e[field];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') return skip(`${field} must be true or false`);
    out[field] = v;
  }
  if (e['material'] !== undefined && e['material'] !== '') {
    const material = typeof e['material'] === 'string' ? canonicalMaterial(e['material']) : null;
    if (material === null)
      return skip(`material ${JSON.stringify(e['material']).slice(0, 40)} is not a block id`);
    out['material'] = material;
  }
  return out satisfies Partial<BatchEntity>;
}

/** Levels clamped into 0–1 (MCAV's renderers allow up to 5 for some): a hot frame shows at full, not at all. */
function withLevels(m: Fields, fields: readonly string[]): Fields {
  const out = { ...m };
  for (const field of fields) {
    const v = out[field];
    if (typeof v === 'number' && Number.isFinite(v)) out[field] = clamp(v, 0, 1);
  }
  const bands = out['bands'];
  if (Array.isArray(bands))
    out['bands'] = bands.map((b) => (typeof b === 'number' && Number.isFinite(b) ? clamp(b, 0, 1) : b));
  const bpm = out['bpm'];
  if (typeof bpm === 'number' && Number.isFinite(bpm)) out['bpm'] = clamp(bpm, 0, MAX_BPM);
  return out;
}

function withDefaults(m: Fields, defaults: Fields): Fields {
  const out = { ...m };
  for (const [key, value] of Object.entries(defaults))
    if (out[key] === undefined && value !== undefined) out[key] = value;
  return out;
}

function defined(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out;
}

function clamp(v: number, min: number, max: number): number {
  return v < min ? min : v > max ? max : v;
}
