/**
 * What each :8766 command does (docs/protocol.md ":8766 — browser ⇄ hub"): one store call and one
 * answer per command. Broadcasts to every browser follow from the store's events, not from here.
 */
import {
  ERROR_CODES,
  MCAV_DEFAULT_ZONE,
  mcavVjStateFields,
  PRESET_NAMES,
  type BrowserInbound,
  type BrowserOutboundMessage,
  type Health,
} from '@audioviz/shared-types';
import { StoreError, type HubStore } from '../store/hub-store';

/**
 * Answers to MCAV admin-panel questions about features this hub does not have, in MCAV's shapes: there are none.
 * An `error` reply would put MCAV's panel into its "Error" connection state on every connect.
 */
const MCAV_NONE = {
  get_stages: { type: 'stages', stages: [], count: 0 },
  get_voice_status: {
    type: 'voice_status',
    available: false,
    streaming: false,
    channel_type: 'static',
    connected_players: 0,
  },
  get_particle_effects: { type: 'particle_effects', effects: [], global_intensity: 1 },
  get_bitmap_patterns: { type: 'bitmap_patterns', patterns: [] },
  get_bitmap_transitions: { type: 'bitmap_transitions', transitions: [] },
  get_bitmap_palettes: { type: 'bitmap_palettes', palettes: [] },
} as const satisfies Record<string, BrowserOutboundMessage>;

/** A command message (everything but the connection-level `vj_auth`, `ping` and `pong`). */
export type BrowserCommand = BrowserInbound[Exclude<keyof BrowserInbound, 'vj_auth' | 'ping' | 'pong'>];

/** The full picture a browser gets on connect and on `get_state`. */
export function buildVjState(store: HubStore, health: Health): BrowserOutboundMessage {
  const roster = store.djs.snapshot();
  const scenes = store.sceneList();
  return {
    type: 'vj_state',
    patterns: store.patterns,
    current_patterns: { ...store.currentPatterns },
    zones: store.zones,
    djs: roster.djs,
    active_dj_id: roster.active_dj_id,
    pending_djs: store.djs.waiting(),
    presets: [...PRESET_NAMES],
    preset: store.preset,
    scenes: scenes.scenes,
    built_in_scenes: scenes.built_in,
    transition_duration: store.transitionDuration,
    band_sensitivity: [...store.bandSensitivity],
    blackout: store.blackout,
    freeze: store.freeze,
    health,
    minecraft_connected: store.minecraftConnected,
    ...mcavVjStateFields(roster, store.currentPatterns, store.zones[0]?.name),
  };
}

/**
 * Runs one command and returns the reply for the sender (`_seq` is added by the caller).
 * Never throws: a refused change becomes an `error` reply with a stable code.
 */
export function runBrowserCommand(
  store: HubStore,
  command: BrowserCommand,
  health: () => Health,
): BrowserOutboundMessage {
  try {
    return execute(store, command, health);
  } catch (err) {
    if (err instanceof StoreError) return { type: 'error', code: err.code, message: err.message };
    return {
      type: 'error',
      code: ERROR_CODES.COMMAND_FAILED,
      message: `${command.type} failed: ${String((err as Error).message ?? err)}`,
    };
  }
}

function ack(request: string): BrowserOutboundMessage {
  return { type: 'ack', request };
}

function execute(store: HubStore, c: BrowserCommand, health: () => Health): BrowserOutboundMessage {
  switch (c.type) {
    case 'get_state':
      return buildVjState(store, health());
    case 'set_pattern':
      store.setPattern(c.pattern, c.zones);
      return ack(c.type);
    case 'set_pattern_params':
      return { type: 'pattern_params', zone: c.zone, ...store.setPatternParams(c.zone, c.params, c.replace) };
    case 'set_transition_duration':
      store.setTransitionDuration(c.duration);
      return ack(c.type);
    case 'set_entity_count':
      for (const zone of store.zoneNames(c.zone)) store.setZoneConfig(zone, { entity_count: c.count });
      return ack(c.type);
    case 'set_active_dj':
      store.djs.setActive(c.dj_id);
      return ack(c.type);
    case 'kick_dj':
      store.djs.kick(c.dj_id);
      return ack(c.type);
    case 'reorder_dj_queue':
      store.djs.reorder(c.dj_id, c.new_position);
      return ack(c.type);
    case 'approve_dj':
    case 'deny_dj':
      store.djs.decidePending(c.dj_id, c.type === 'approve_dj');
      return ack(c.type);
    case 'generate_connect_code': {
      const { code, expiresAt, ttlMinutes } = store.generateConnectCode(c.ttl_minutes);
      return { type: 'connect_code_generated', code, expires_at: expiresAt, ttl_minutes: ttlMinutes };
    }
    case 'revoke_connect_code':
      if (!store.codes.revoke(c.code))
        return { type: 'error', code: ERROR_CODES.UNKNOWN_CODE, message: `No live connect code "${c.code}"` };
      return ack(c.type);
    case 'set_preset':
      store.setPreset(c.preset);
      return { type: 'preset_changed', preset: c.preset };
    case 'set_band_sensitivity':
      store.setBandSensitivity(c.band, c.sensitivity);
      return ack(c.type);
    case 'set_band_materials':
      for (const zone of store.zoneNames(c.zone)) store.setZoneConfig(zone, { materials: c.materials });
      return ack(c.type);
    case 'set_audio_setting':
      store.setAudioSetting(c.setting, c.value);
      return ack(c.type);
    case 'trigger_effect':
      store.triggerEffect(c.effect, c.intensity, c.duration, c.zone);
      return ack(c.type);
    case 'set_blackout':
      store.setBlackout(c.enabled ?? !store.blackout);
      return ack(c.type);
    case 'set_freeze':
      store.setFreeze(c.enabled ?? !store.freeze);
      return ack(c.type);
    case 'save_scene':
      store.saveScene(c.name);
      return ack(c.type);
    case 'load_scene':
      store.loadScene(c.name);
      return ack(c.type);
    case 'delete_scene':
      store.deleteScene(c.name);
      return ack(c.type);
    case 'list_scenes':
      return { type: 'scenes_list', ...store.sceneList() };
    case 'set_zone_config':
      store.setZoneConfig(c.zone, c.config);
      return ack(c.type);
    case 'init_pool':
      store.initPool(c.zone, c.count, c.material);
      return ack(c.type);
    case 'cleanup_zone':
      store.cleanupZone(c.zone);
      return ack(c.type);
    case 'get_zones':
      return { type: 'zones', zones: store.zones };
    // MCAV's admin panel asks these on connect; each gets the answer in its shape.
    case 'get_zone': {
      const zones = store.zones;
      const zone =
        zones.find((z) => z.name === c.zone) ??
        (c.zone === undefined || c.zone === MCAV_DEFAULT_ZONE ? zones[0] : undefined);
      return zone === undefined
        ? { type: 'zone', zone: null }
        : { type: 'zone', zone, entity_count: zone.entity_count };
    }
    case 'get_pending_djs':
      return { type: 'pending_djs', pending: store.djs.waiting() };
    case 'get_connect_codes':
      return {
        type: 'connect_codes',
        codes: store.codes.active().map(({ code, expiresAt }) => ({ code, expires_at: expiresAt })),
      };
    case 'get_stages':
    case 'get_voice_status':
    case 'get_particle_effects':
    case 'get_bitmap_patterns':
    case 'get_bitmap_transitions':
    case 'get_bitmap_palettes':
      return MCAV_NONE[c.type];
    default: {
      const unhandled: never = c;
      return unhandled;
    }
  }
}
