/**
 * The store's events: every change a server may need to act on, one typed channel each.
 */
import type {
  AudioState,
  DjAudioFrame,
  EffectName,
  PresetName,
  RosterEntry,
  ZoneInfo,
} from '@audioviz/shared-types';
import { Signal } from '../signal';

/** A :8765 message the hub sends to every Minecraft server and to its own preview engine. */
export type ZoneCommand = { readonly type: string; readonly [field: string]: unknown };

export interface PendingRecord {
  readonly dj_id: string;
  readonly dj_name: string;
  readonly requested_at: number;
}

export interface RosterSnapshot {
  readonly djs: RosterEntry[];
  readonly active_dj_id: string | null;
}

export function createHubEvents() {
  return {
    roster: new Signal<RosterSnapshot>(),
    djJoined: new Signal<{ dj_id: string; dj_name: string }>(),
    djLeft: new Signal<{ dj_id: string }>(),
    djPending: new Signal<PendingRecord>(),
    /** An operator decided on a pending DJ; the DJ server answers that socket. */
    pendingDecided: new Signal<{ dj_id: string; dj_name: string; approved: boolean }>(),
    /** An operator kicked a DJ; the DJ server closes that socket with 4010. */
    kick: new Signal<{ dj_id: string }>(),
    /** A frame of the live DJ (frames of other DJs are counted, not published). */
    frame: new Signal<{ dj_id: string; frame: DjAudioFrame; receivedAt: number }>(),
    /** Shaped audio for the Minecraft servers, at most HUB_MINECRAFT_FORWARD_HZ. */
    audio: new Signal<AudioState>(),
    /** One serialized `state` message for every browser (~20 Hz and on beats). */
    preview: new Signal<string>(),
    zoneCommand: new Signal<ZoneCommand>(),
    patternChanged: new Signal<{ pattern: string; zones?: string[] }>(),
    presetChanged: new Signal<{ preset: PresetName }>(),
    effectTriggered: new Signal<{ effect: EffectName; intensity?: number; duration?: number }>(),
    scenes: new Signal<{ scenes: string[] }>(),
    minecraftStatus: new Signal<{ connected: boolean }>(),
    zones: new Signal<{ zones: ZoneInfo[] }>(),
    /** Shaping or show settings changed (sensitivity, preset, blackout, freeze, transition). */
    settings: new Signal<void>(),
    /** Something the operator should see (a Minecraft server refused a command, …). */
    notice: new Signal<{ message: string; code: string }>(),
  };
}

export type HubEvents = ReturnType<typeof createHubEvents>;

/** Drops undefined fields so optional fields stay absent on the wire. */
export function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) if (fields[key] !== undefined) out[key] = fields[key];
  return out;
}
