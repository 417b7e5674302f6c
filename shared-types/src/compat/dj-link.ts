/**
 * MCAV compatibility of the hub's two client links, :9000 (DJs) and :8766 (browsers): the shapes and names
 * MCAV's DJ client and admin panel send, mapped onto ours before validation, and a stable `UNSUPPORTED`
 * answer for the requests we have no feature for. Liberal in what is accepted (absent fields get defaults),
 * strict in what is sent: the schemas in `dj.ts` and `browser.ts` still describe what our own clients send.
 */
import type { BrowserInboundMessage, BrowserOutbound } from '../browser';
import type { BatchEntity } from '../plugin';
import type { DjInboundMessage } from '../dj';
import { PRESET_NAMES, type PresetName } from '../effects';
import { browserValidator, djValidator, MAX_HUB_MESSAGE_BYTES } from '../ports';
import { AUDIO_PRESETS } from '../presets';
import { mcavEffect, mcavZoneConfig } from './plugin-link';
import { ERROR_CODES, type ErrorCode } from '../error-codes';
import { exceedsUtf8Bytes } from '../validate';

/** Why a message was not accepted, and its `type` when it had a readable one (null otherwise). */
export interface CompatError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly path: string;
  readonly type: string | null;
}
export type CompatResult<T> = { ok: true; value: T } | { ok: false; error: CompatError };

/**
 * What a `dj_audio_frame` gets for the fields MCAV's schema leaves optional (only `seq, ts, bands, peak,
 * beat, beat_i, bpm` are required there). No tempo estimate: confidence 0, phase 0, and no instant kick.
 */
export const DJ_FRAME_DEFAULTS = { tempo_conf: 0, beat_phase: 0, i_kick: false } as const;
/** The highest tempo a frame may carry; MCAV sets no maximum, so anything faster is clamped to it. */
const MAX_FRAME_BPM = 1000;

/** Message types MCAV's DJ client may send that this hub does not implement. */
export const MCAV_DJ_UNSUPPORTED: ReadonlySet<string> = new Set([
  'voice_audio',
  'set_my_palette',
  'set_my_preset',
]);

/** MCAV admin-panel requests that are one of ours under another name (fields stay as they are). */
export const MCAV_BROWSER_ALIASES: Readonly<Record<string, BrowserInboundMessage['type']>> = {
  set_block_count: 'set_entity_count',
  blackout: 'set_blackout',
  freeze: 'set_freeze',
};

/**
 * MCAV admin-panel questions (its panel asks them all on connect), answered in its shapes and counted apart from
 * the commands (`BROWSER_MCAV_QUERIES_PER_SECOND`).
 */
export const MCAV_BROWSER_QUERIES: ReadonlySet<string> = new Set([
  'get_zone',
  'get_pending_djs',
  'get_connect_codes',
  'get_stages',
  'get_voice_status',
  'get_particle_effects',
  'get_bitmap_patterns',
  'get_bitmap_transitions',
  'get_bitmap_palettes',
]);

/** MCAV admin-panel requests this hub has no feature for: answered `UNSUPPORTED`, never silently dropped. */
export const MCAV_BROWSER_UNSUPPORTED: ReadonlySet<string> = new Set([
  'get_banner_profile',
  'get_renderer_capabilities',
  'set_render_mode',
  'set_visual_delay',
  'set_visual_delay_mode',
  'set_bloom',
  'set_ambient_lights',
  'set_particle_effect',
  'set_particle_config',
  'set_particle_viz_config',
  'set_bitmap_pattern',
  'set_banner_profile',
  'banner_config',
  'upload_banner_logo',
  'scan_stage_blocks',
  'request_parity_check',
  'sync_test',
  'voice_config',
  'init_bitmap',
  'bitmap_effects',
  'bitmap_dj_logo',
  'bitmap_composition',
  'bitmap_layer',
  'bitmap_countdown',
  'bitmap_transition',
  'bitmap_track_display',
  'bitmap_palette',
  'bitmap_marquee',
  'bitmap_firework',
  'bitmap_chat',
]);

type Fields = Record<string, unknown>;

/**
 * A `dj_audio_frame` in our full shape: MCAV-optional fields that are absent get `DJ_FRAME_DEFAULTS`
 * (`i_bass` defaults to the bass band), and a tempo above the maximum is clamped. A field that is present
 * with the wrong type is left as it is, so validation still names it.
 */
export function normaliseDjAudioFrame(frame: Fields): Fields {
  const out: Fields = { ...frame };
  for (const [key, value] of Object.entries(DJ_FRAME_DEFAULTS)) if (out[key] === undefined) out[key] = value;
  if (out['i_bass'] === undefined) {
    const bass = Array.isArray(out['bands']) ? (out['bands'] as unknown[])[0] : undefined;
    out['i_bass'] = typeof bass === 'number' ? bass : 0;
  }
  const bpm = out['bpm'];
  if (typeof bpm === 'number' && bpm > MAX_FRAME_BPM) out['bpm'] = MAX_FRAME_BPM;
  return out;
}

/** Size-checks, parses, maps and validates one :9000 text frame. */
export function readDjMessage(text: string): CompatResult<DjInboundMessage> {
  const parsed = parseObject(text);
  if (!parsed.ok) return parsed;
  const { value, type } = parsed;
  if (type !== null && MCAV_DJ_UNSUPPORTED.has(type)) return unsupported(type, ':9000');
  const mapped = type === 'dj_audio_frame' ? normaliseDjAudioFrame(value as Fields) : value;
  const result = djValidator.validate(mapped);
  return result.ok ? result : { ok: false, error: { ...result.error, type } };
}

/** Size-checks, parses, maps and validates one :8766 text frame. */
export function readBrowserMessage(text: string): CompatResult<BrowserInboundMessage> {
  const parsed = parseObject(text);
  if (!parsed.ok) return parsed;
  const { value, type } = parsed;
  // No type (no object, or no string type): nothing to map, the validator says what is wrong.
  if (type === null) {
    const result = browserValidator.validate(value);
    return result.ok ? result : { ok: false, error: { ...result.error, type } };
  }
  if (MCAV_BROWSER_UNSUPPORTED.has(type)) return unsupported(type, ':8766');
  const preset = (value as Fields)['preset'];
  if (type === 'set_preset' && typeof preset === 'object' && preset !== null)
    return {
      ok: false,
      error: {
        code: ERROR_CODES.UNSUPPORTED,
        message: `set_preset with values is an MCAV feature this hub does not have; name a preset (${PRESET_NAMES.join(', ')})`,
        path: 'preset',
        type,
      },
    };
  const alias = MCAV_BROWSER_ALIASES[type];
  const named = alias === undefined ? (value as Fields) : { ...(value as Fields), type: alias };
  const result = browserValidator.validate(mcavBrowserRequest(named));
  return result.ok ? result : { ok: false, error: { ...result.error, type } };
}

/** MCAV's admin-panel values brought into our ranges and names (fields keep their names). */
function mcavBrowserRequest(m: Fields): Fields {
  switch (m['type']) {
    case 'flash':
      // MCAV's panel has a flash button of its own; ours is one of the effects.
      return mcavEffect({
        type: 'trigger_effect',
        effect: 'flash',
        intensity: m['intensity'] ?? 1,
        ...durationOf(m),
      });
    case 'trigger_effect':
      return showSwitchOf(m) ?? mcavEffect(m);
    case 'set_zone_config':
      return mcavZoneConfig(m);
    case 'set_preset':
      return typeof m['preset'] === 'string' ? { ...m, preset: m['preset'].toLowerCase() } : m;
    default:
      return m;
  }
}

/**
 * MCAV's panel switches blackout and freeze with `trigger_effect` {effect, intensity 1 or 0} for the whole show:
 * that is our show-wide `set_blackout` / `set_freeze` (the hub keeps it, restores it, and every panel sees it).
 * A zone's or a timed one stays an effect.
 */
function showSwitchOf(m: Fields): Fields | null {
  const effect = m['effect'];
  if (
    (effect !== 'blackout' && effect !== 'freeze') ||
    m['zone'] !== undefined ||
    m['duration'] !== undefined
  )
    return null;
  const intensity = m['intensity'];
  return {
    type: effect === 'blackout' ? 'set_blackout' : 'set_freeze',
    ...(typeof intensity === 'number' ? { enabled: intensity > 0 } : {}),
    ...(m['_seq'] === undefined ? {} : { _seq: m['_seq'] }),
    ...(m['v'] === undefined ? {} : { v: m['v'] }),
  };
}

function durationOf(m: Fields): Fields {
  return m['duration'] === undefined ? {} : { duration: m['duration'] };
}

/** A preset as `preset_sync.preset` carries it: MCAV's object, which is the shape our hub sends too. */
export interface McavPresetSettings {
  readonly name: PresetName;
  readonly attack: number;
  readonly release: number;
  /** MCAV's onset threshold (higher: fewer beats) is the inverse of our beat sensitivity. */
  readonly beat_threshold: number;
  readonly band_sensitivity: number[];
}

export function mcavPresetSettings(name: PresetName): McavPresetSettings {
  const preset = AUDIO_PRESETS[name];
  return {
    name,
    attack: preset.attack,
    release: preset.release,
    beat_threshold: 1 / preset.beatSensitivity,
    band_sensitivity: [...preset.bandSensitivity],
  };
}

/** `dj_joined` for a browser: our flat `dj_id`/`dj_name` and MCAV's `dj` profile object. */
export function djJoinedMessage(djId: string, djName: string) {
  return { type: 'dj_joined', dj_id: djId, dj_name: djName, dj: { dj_id: djId, dj_name: djName } } as const;
}

/** The roster as the hub keeps it: our `djs` and `active_dj_id`. */
interface Roster<E> {
  readonly djs: E[];
  readonly active_dj_id: string | null;
}

/**
 * `dj_roster` for a browser: our `djs`/`active_dj_id`, and the same list as MCAV's admin panel reads it
 * (`roster`, `active_dj`). The list is small (one entry per connected DJ), so sending it twice is cheap.
 */
export function browserRosterMessage<E>(roster: Roster<E>) {
  return {
    type: 'dj_roster',
    djs: roster.djs,
    active_dj_id: roster.active_dj_id,
    roster: roster.djs,
    active_dj: roster.active_dj_id,
  } as const;
}

/**
 * The fields of `vj_state` that MCAV's admin panel reads under other names: the roster as `dj_roster`, the
 * live DJ as `active_dj`, the pattern per zone as `zone_patterns`, and the first zone's (`firstZone`) as
 * `current_pattern`. Added beside ours, never instead.
 */
export function mcavVjStateFields<E>(
  roster: Roster<E>,
  currentPatterns: Readonly<Record<string, string>>,
  firstZone?: string,
) {
  const current = firstZone === undefined ? undefined : currentPatterns[firstZone];
  return {
    dj_roster: roster.djs,
    active_dj: roster.active_dj_id,
    zone_patterns: { ...currentPatterns },
    ...(current === undefined ? {} : { current_pattern: current }),
  };
}

/** `state` as MCAV's admin panel reads it (see `mcavPreviewState`). */
export type McavPreviewState = Omit<BrowserOutbound['state'], 'entities'> & {
  entities: BatchEntity[];
  zone_entities?: Record<string, BatchEntity[]>;
};

/**
 * `state` for MCAV's admin panel. Its 3D preview draws `entities` as one zone's list (the first zone, its
 * `main`), and with several zones `zone_entities` by name, which is our per-zone `entities` under its name.
 * Only panels that speak MCAV get this, so our own panels' 20 Hz payload carries each entity once.
 */
export function mcavPreviewState(state: BrowserOutbound['state'], firstZone?: string): McavPreviewState {
  const zones = Object.keys(state.entities);
  const first = firstZone ?? zones[0];
  return {
    ...state,
    entities: (first === undefined ? undefined : state.entities[first]) ?? [],
    ...(zones.length > 1 ? { zone_entities: state.entities } : {}),
  };
}

/** Parses a frame; `type` is the message's type when it is an object with a string `type`. */
function parseObject(
  text: string,
): { ok: true; value: unknown; type: string | null } | { ok: false; error: CompatError } {
  if (exceedsUtf8Bytes(text, MAX_HUB_MESSAGE_BYTES))
    return fail(ERROR_CODES.MESSAGE_TOO_BIG, `message of more than ${MAX_HUB_MESSAGE_BYTES} bytes refused`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(ERROR_CODES.INVALID_JSON, 'message is not valid JSON');
  }
  const type = typeof value === 'object' && value !== null ? (value as Fields)['type'] : undefined;
  return { ok: true, value, type: typeof type === 'string' ? type : null };
}

function fail(code: CompatError['code'], message: string): { ok: false; error: CompatError } {
  return { ok: false, error: { code, message, path: '', type: null } };
}

function unsupported(type: string, port: string): { ok: false; error: CompatError } {
  return {
    ok: false,
    error: {
      code: ERROR_CODES.UNSUPPORTED,
      path: 'type',
      message: `${type} is an MCAV request this hub does not support on ${port}`,
      type,
    },
  };
}
