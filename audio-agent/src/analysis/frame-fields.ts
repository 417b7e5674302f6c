/** Maps an analysis result to the wire fields shared by `dj_audio_frame` and `audio_state`. */
import type { DjAudioFrame } from '@audioviz/shared-types';
import type { AnalysisResult } from './analysis-result';

/** The fields of a `dj_audio_frame` that come from the analysis (no type, seq or ts). */
export type FrameFields = Omit<DjAudioFrame, 'type' | 'seq' | 'ts' | 'v' | '_seq'>;

/** Rounds to 4 decimals: plenty for lights, and a third of the bytes on the wire. */
function r4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Builds the frame fields of one result (allocates: call it at the frame rate, not per hop). */
export function toFrameFields(result: AnalysisResult): FrameFields {
  return {
    bands: Array.from(result.bands, r4),
    peak: r4(result.peak),
    beat: result.beat,
    beat_i: r4(result.beatIntensity),
    bpm: result.bpm === null ? 0 : Math.round(result.bpm * 100) / 100,
    tempo_conf: r4(result.tempoConfidence),
    beat_phase: r4(result.beatPhase),
    i_bass: r4(result.iBass),
    i_kick: result.iKick,
    spectrum: Array.from(result.spectrum, r4),
    onsets: { kick: result.onsets.kick, snare: result.onsets.snare, hat: result.onsets.hat },
  };
}
