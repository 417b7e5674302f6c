/**
 * The store's events: every change a server may need to act on, one typed channel each.
 */
import type {
  AudioState,
  BrowserOutbound,
  DjAudioFrame,
  EffectName,
  PresetName,
  RosterEntry,
  ZoneInfo,
} from '@audioviz/shared-types';
import { Signal, type ListenerErrorHandler } from '../signal';

/** A :8765 message the hub sends to every Minecraft server and to its own preview engine. */
export type ZoneCommand = { readonly type: string; readonly [field: string]: unknown };

export interface PendingRecord {
  readonly dj_id: string;
  readonly dj_name: string;
  readonly requested_at: number;
}

/** One preview `state` for the browsers, and its text for our own panels (serialised once for all of them). */
export interface PreviewState {
  readonly message: BrowserOutbound['state'];
  readonly text: string;
}

export interface RosterSnapshot {
  readonly djs: RosterEntry[];
  readonly active_dj_id: string | null;
}

/** @param onError what to do when a listener throws (the hub logs it and carries on) */
export function createHubEvents(onError?: ListenerErrorHandler) {
  return {
    roster: new Signal<RosterSnapshot>(onError),
    djJoined: new Signal<{ dj_id: string; dj_name: string }>(onError),
    djLeft: new Signal<{ dj_id: string; dj_name: string }>(onError),
    djPending: new Signal<PendingRecord>(onError),
    /** An operator decided on a pending DJ; the DJ server answers that socket. */
    pendingDecided: new Signal<{ dj_id: string; dj_name: string; approved: boolean }>(onError),
    /** An operator kicked a DJ; the DJ server closes that socket with 4010. */
    kick: new Signal<{ dj_id: string }>(onError),
    /** A frame of the live DJ (frames of other DJs are counted, not published). */
    frame: new Signal<{ dj_id: string; frame: DjAudioFrame; receivedAt: number }>(onError),
    /** Shaped audio for the Minecraft servers, at most HUB_MINECRAFT_FORWARD_HZ. */
    audio: new Signal<AudioState>(onError),
    /** The browsers' `state` (~20 Hz and on beats). */
    preview: new Signal<PreviewState>(onError),
    zoneCommand: new Signal<ZoneCommand>(onError),
    patternChanged: new Signal<{ pattern: string; zones?: string[] }>(onError),
    presetChanged: new Signal<{ preset: PresetName }>(onError),
    effectTriggered: new Signal<{ effect: EffectName; intensity?: number; duration?: number }>(onError),
    scenes: new Signal<{ scenes: string[]; built_in: string[] }>(onError),
    minecraftStatus: new Signal<{ connected: boolean }>(onError),
    zones: new Signal<{ zones: ZoneInfo[] }>(onError),
    /** Shaping or show settings changed (sensitivity, preset, blackout, freeze, transition). */
    settings: new Signal<void>(onError),
    /** Something the operator should see (a Minecraft server refused a command, …). */
    notice: new Signal<{ message: string; code: string }>(onError),
  };
}

export type HubEvents = ReturnType<typeof createHubEvents>;

/** Drops undefined fields so optional fields stay absent on the wire. */
export function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) if (fields[key] !== undefined) out[key] = fields[key];
  return out;
}
