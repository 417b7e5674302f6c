/**
 * What the admin panel knows about the show, and how each hub message (docs/protocol.md :8766 pushes and
 * replies) changes it. Pure: the views render from this, the tests feed it messages.
 */
import type {
  BrowserOutbound,
  Health,
  PatternInfo,
  PatternParamValues,
  RosterEntry,
  ZoneInfo,
} from '@audioviz/shared-types';
import type { InboundMessage } from '../net/websocket-service';

/** The zone selector's value meaning "every zone". */
export const ALL_ZONES = '*';

export interface ConnectCode {
  readonly code: string;
  /** Unix ms (the hub may send seconds; normalised here). */
  readonly expiresAt: number;
}

/** A DJ of the roster with whatever live stats the hub adds to its entry. */
export type RosterDj = RosterEntry & { readonly [stat: string]: unknown };

export interface PanelState {
  readonly patterns: readonly (PatternInfo & { readonly [field: string]: unknown })[];
  /** Pattern per zone name. */
  readonly currentPatterns: Readonly<Record<string, string>>;
  readonly zones: readonly ZoneInfo[];
  readonly djs: readonly RosterDj[];
  readonly activeDjId: string | null;
  readonly pendingDjs: readonly PendingDj[];
  readonly presets: readonly string[];
  readonly preset: string | null;
  readonly scenes: readonly string[];
  /** Which of `scenes` ship with the engine (no delete). */
  readonly builtInScenes: readonly string[];
  /** Seconds, 0–3. */
  readonly transitionDuration: number;
  /** Gain per band, 0–2. */
  readonly bandSensitivity: readonly number[];
  readonly bandMaterials: readonly string[] | null;
  readonly blackout: boolean;
  readonly freeze: boolean;
  readonly health: Health | null;
  readonly minecraftConnected: boolean;
  readonly connectCode: ConnectCode | null;
  /** True once the first `vj_state` arrived. */
  readonly ready: boolean;
}

export const INITIAL_PANEL_STATE: PanelState = {
  patterns: [],
  currentPatterns: {},
  zones: [],
  djs: [],
  activeDjId: null,
  pendingDjs: [],
  presets: [],
  preset: null,
  scenes: [],
  builtInScenes: [],
  transitionDuration: 1,
  bandSensitivity: [1, 1, 1, 1, 1],
  bandMaterials: null,
  blackout: false,
  freeze: false,
  health: null,
  minecraftConnected: false,
  connectCode: null,
  ready: false,
};

type Out = BrowserOutbound;
/** A DJ waiting for approval after `code_auth`. */
export type PendingDj = Out['dj_pending']['dj'];

/**
 * The state after `message`. Messages of other types, and fields of the wrong shape, leave the state as
 * it was (the hub is trusted, but a half-broken message must not blank the panel).
 */
export function applyHubMessage(state: PanelState, message: InboundMessage): PanelState {
  switch (message.type) {
    case 'vj_state': {
      const m = message as unknown as Partial<Out['vj_state']>;
      return {
        ...state,
        ready: true,
        patterns: arrayOr(m.patterns, state.patterns),
        currentPatterns: objectOr(m.current_patterns, state.currentPatterns),
        zones: arrayOr(m.zones, state.zones),
        djs: arrayOr(m.djs, state.djs),
        activeDjId: m.active_dj_id === undefined ? state.activeDjId : m.active_dj_id,
        pendingDjs: arrayOr(m.pending_djs, state.pendingDjs),
        presets: arrayOr(m.presets, state.presets),
        preset: typeof m.preset === 'string' ? m.preset : state.preset,
        scenes: arrayOr(m.scenes, state.scenes),
        builtInScenes: arrayOr(m.built_in_scenes, state.builtInScenes),
        transitionDuration: numberOr(m.transition_duration, state.transitionDuration),
        bandSensitivity: arrayOr(m.band_sensitivity, state.bandSensitivity),
        blackout: booleanOr(m.blackout, state.blackout),
        freeze: booleanOr(m.freeze, state.freeze),
        health: objectOr(m.health, state.health),
        minecraftConnected: booleanOr(m.minecraft_connected, state.minecraftConnected),
      };
    }
    case 'dj_roster': {
      const m = message as unknown as Partial<Out['dj_roster']>;
      return {
        ...state,
        djs: arrayOr(m.djs, state.djs),
        activeDjId: m.active_dj_id === undefined ? state.activeDjId : m.active_dj_id,
        // A DJ in the roster is no longer waiting for approval.
        pendingDjs: state.pendingDjs.filter((p) => !(m.djs ?? []).some((d) => d.dj_id === p.dj_id)),
      };
    }
    case 'dj_pending': {
      const dj = (message as unknown as Partial<Out['dj_pending']>).dj;
      if (typeof dj?.dj_id !== 'string') return state;
      return { ...state, pendingDjs: [...state.pendingDjs.filter((p) => p.dj_id !== dj.dj_id), dj] };
    }
    case 'dj_left': {
      const id = (message as unknown as Partial<Out['dj_left']>).dj_id;
      return {
        ...state,
        djs: state.djs.filter((d) => d.dj_id !== id),
        pendingDjs: state.pendingDjs.filter((p) => p.dj_id !== id),
        activeDjId: state.activeDjId === id ? null : state.activeDjId,
      };
    }
    case 'minecraft_status':
      return { ...state, minecraftConnected: booleanOr(message['connected'], state.minecraftConnected) };
    case 'pattern_changed': {
      const m = message as unknown as Partial<Out['pattern_changed']>;
      if (typeof m.pattern !== 'string') return state;
      const zones = Array.isArray(m.zones) && m.zones.length > 0 ? m.zones : state.zones.map((z) => z.name);
      const currentPatterns = { ...state.currentPatterns };
      for (const zone of zones) currentPatterns[zone] = m.pattern;
      return { ...state, currentPatterns };
    }
    case 'preset_changed':
      return typeof message['preset'] === 'string' ? { ...state, preset: message['preset'] } : state;
    case 'scenes_list':
      return {
        ...state,
        scenes: arrayOr(message['scenes'], state.scenes),
        builtInScenes: arrayOr(message['built_in'], state.builtInScenes),
      };
    case 'zones':
      return { ...state, zones: arrayOr(message['zones'], state.zones) };
    case 'pattern_params': {
      // Every value now set on the zone (not a change), so it replaces the zone's params outright.
      const m = message as unknown as Partial<Out['pattern_params']>;
      const params = objectOr<PatternParamValues | null>(m.params, null);
      if (params === null || !state.zones.some((z) => z.name === m.zone)) return state;
      return { ...state, zones: state.zones.map((z) => (z.name === m.zone ? { ...z, params } : z)) };
    }
    case 'connect_code_generated': {
      const m = message as unknown as Partial<Out['connect_code_generated']>;
      if (typeof m.code !== 'string' || typeof m.expires_at !== 'number') return state;
      // Seconds or milliseconds: anything before 2001-09 in ms is taken as seconds.
      const expiresAt = m.expires_at < 1e12 ? m.expires_at * 1000 : m.expires_at;
      return { ...state, connectCode: { code: m.code, expiresAt } };
    }
    default:
      return state;
  }
}

function arrayOr<T>(value: unknown, fallback: readonly T[]): readonly T[] {
  return Array.isArray(value) ? (value as T[]) : fallback;
}
function objectOr<T>(value: unknown, fallback: T): T {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : fallback;
}
function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
function booleanOr(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** The pattern a zone selection shows as current: the zone's, or for all zones the first zone's. */
export function currentPatternOf(state: PanelState, zone: string): string | null {
  if (zone !== ALL_ZONES) return state.currentPatterns[zone] ?? null;
  const first = state.zones[0]?.name ?? Object.keys(state.currentPatterns)[0];
  return first === undefined ? null : (state.currentPatterns[first] ?? null);
}
