/** Wire messages built from analysis results: `dj_audio_frame` for the hub, `audio_state` for the plugin. */
import { MAX_BPM, type AudioState, type DjAudioFrame } from '@audioviz/shared-types';
import type { FrameFields } from '../analysis';

/** A `dj_audio_frame` (docs/protocol.md ":9000"). @param tsS unix seconds */
export function djAudioFrame(fields: LinkFrame, seq: number, tsS: number): DjAudioFrame {
  const { amplitude: _amplitude, ...wire } = fields;
  return { type: 'dj_audio_frame', seq, ts: tsS, ...wire };
}

/** Frame fields plus the smoothed loudness, which `audio_state` carries and `dj_audio_frame` does not. */
export type LinkFrame = FrameFields & { amplitude?: number };

function unit(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** An `audio_state` (docs/protocol.md ":8765"); values clamped to the plugin's ranges. @param tsS unix seconds */
export function audioState(fields: LinkFrame, frame: number, tsS: number, zone?: string): AudioState {
  const state: AudioState = {
    type: 'audio_state',
    bands: fields.bands.map(unit),
    amplitude: unit(fields.amplitude ?? fields.peak),
    is_beat: fields.beat,
    beat_intensity: unit(fields.beat_i),
    bpm: Math.min(MAX_BPM, Math.max(0, fields.bpm)),
    tempo_confidence: unit(fields.tempo_conf),
    beat_phase: unit(fields.beat_phase),
    frame,
    ts: tsS,
  };
  if (zone !== undefined) state.zone = zone;
  if (fields.spectrum !== undefined) state.spectrum = fields.spectrum.map(unit);
  if (fields.onsets !== undefined) state.onsets = fields.onsets;
  return state;
}
