/**
 * MCAV compatibility of the agent's side of :9000. Reads what a hub sends an agent, liberally: our hub's replies as `dj.ts` describes them, and the
 * shapes MCAV's VJ server sends mapped onto them (its `preset_sync.preset` is an object, and it sends a
 * `stream_route` we have no schema for). Strict in what the agent sends, tolerant in what it reads.
 */
import { isPlainObject } from '../common';
import { DJ_OUTBOUND, type DjOutboundMessage } from '../dj';
import { PRESET_NAMES, type PresetName } from '../effects';
import { mcavPresetSettings, type McavPresetSettings } from './dj-link';
import { MAX_HUB_TO_DJ_MESSAGE_BYTES } from '../limits';
import { ERROR_CODES } from '../error-codes';
import { createPortValidator, exceedsUtf8Bytes, type ValidationCode } from '../validate';

const hubReplies = createPortValidator(DJ_OUTBOUND, MAX_HUB_TO_DJ_MESSAGE_BYTES);

/**
 * MCAV's routing policy, sent after clock sync and on every change of the live DJ. Only the fields the agent
 * uses are kept: the ~250 KB of pattern sources it carries are for MCAV's own renderer.
 */
export interface StreamRoute {
  type: 'stream_route';
  is_active: boolean;
  /** `relay`: frames to the hub only; `dual`: also straight to Minecraft (MCAV's direct mode). */
  route_mode: 'relay' | 'dual';
  minecraft_host?: string;
  minecraft_port?: number;
  zone?: string;
}

export type HubMessage = DjOutboundMessage | StreamRoute;

/** Why a hub message was not used; `type` is its `type` when it had a readable one. */
export interface HubReadError {
  code: ValidationCode;
  message: string;
  type: string | null;
}

export type HubRead = { ok: true; value: HubMessage } | { ok: false; error: HubReadError };

type Fields = Record<string, unknown>;

/** Size-checks, parses, maps MCAV's shapes onto ours and validates one frame from the hub. */
export function readHubMessage(text: string): HubRead {
  if (exceedsUtf8Bytes(text, MAX_HUB_TO_DJ_MESSAGE_BYTES))
    return fail(ERROR_CODES.MESSAGE_TOO_BIG, `more than ${MAX_HUB_TO_DJ_MESSAGE_BYTES} bytes`, null);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(ERROR_CODES.INVALID_JSON, 'not valid JSON', null);
  }
  const type = isPlainObject(value) && typeof value['type'] === 'string' ? value['type'] : null;
  if (type === 'stream_route') return readStreamRoute(value as Fields);
  const mapped = type === 'preset_sync' ? presetSync(value as Fields) : value;
  const result = hubReplies.validate(mapped);
  if (result.ok) return result;
  return fail(result.error.code, result.error.message, type);
}

/**
 * The preset a `preset_sync.preset` names: an object with a `name` (ours and MCAV's, whose names are
 * capitalised and whose values may lie outside our ranges) or a bare name (older hubs). Null when it names no
 * preset of ours.
 */
export function presetNameOf(preset: unknown): PresetName | null {
  const name = isPlainObject(preset) ? preset['name'] : preset;
  if (typeof name !== 'string') return null;
  const lower = name.toLowerCase();
  return PRESET_NAMES.find((known) => known === lower) ?? null;
}

/**
 * The preset by name with our values for it, except the attack and release the hub sent when they are rates in
 * (0, 1]: an operator's choice of smoothing, which the DJ's analyzer applies. Other values are MCAV's own scales.
 */
export function presetSyncSettings(preset: unknown): McavPresetSettings | null {
  const name = presetNameOf(preset);
  if (name === null) return null;
  const sent = isPlainObject(preset) ? preset : {};
  const rate = (value: unknown): number | undefined =>
    typeof value === 'number' && value > 0 && value <= 1 ? value : undefined;
  const ours = mcavPresetSettings(name);
  return {
    ...ours,
    attack: rate(sent['attack']) ?? ours.attack,
    release: rate(sent['release']) ?? ours.release,
  };
}

function presetSync(message: Fields): Fields {
  const settings = presetSyncSettings(message['preset']);
  return settings === null ? message : { ...message, preset: settings };
}

function readStreamRoute(m: Fields): HubRead {
  const bad = (field: string, expected: string): HubRead =>
    fail(ERROR_CODES.INVALID_FIELD, `stream_route.${field}: expected ${expected}`, 'stream_route');
  if (typeof m['is_active'] !== 'boolean') return bad('is_active', 'boolean');
  const mode = m['route_mode'];
  if (mode !== 'relay' && mode !== 'dual') return bad('route_mode', '"relay" or "dual"');
  const route: StreamRoute = { type: 'stream_route', is_active: m['is_active'], route_mode: mode };
  const { minecraft_host: host, minecraft_port: port, zone } = m;
  if (typeof host === 'string' && host.length > 0 && host.length <= 255) route.minecraft_host = host;
  if (Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65535)
    route.minecraft_port = port as number;
  if (typeof zone === 'string' && zone.length > 0 && zone.length <= 64) route.zone = zone;
  return { ok: true, value: route };
}

function fail(code: ValidationCode, message: string, type: string | null): HubRead {
  return { ok: false, error: { code, message, type } };
}
