/**
 * Turns the analysis's per-hop results (~187 per second at 48 kHz) into `dj_audio_frame`s at the agent's
 * 60 fps (PROTOCOL.md: "~60 fps; the hub drops frames past 120/s"). A beat or kick in a skipped hop is
 * carried into the next frame sent, so no beat is lost to the pacing.
 */
import { DJ_FRAME_RATE, type DjAudioFrame } from '@audioviz/shared-types';

/** One analysis result, in the frame's own field names. */
export type FrameFields = Omit<DjAudioFrame, 'type' | 'seq' | 'ts' | 'v' | '_seq'>;

export class FramePacer {
  private seq = 0;
  private lastSentAt = -Infinity;
  private pendingBeat = false;
  private pendingBeatIntensity = 0;
  private pendingKick = false;

  /** @param minIntervalS shortest gap between two frames, seconds (default 1/60) */
  constructor(private readonly minIntervalS = 1 / DJ_FRAME_RATE) {}

  /**
   * Offers one result at audio time `audioTimeS`; returns the frame to send, or null when it is too soon.
   * `wallTimeS` is the frame's `ts` (unix seconds).
   */
  offer(fields: FrameFields, audioTimeS: number, wallTimeS: number): DjAudioFrame | null {
    this.pendingBeat ||= fields.beat;
    this.pendingKick ||= fields.i_kick;
    if (fields.beat) this.pendingBeatIntensity = Math.max(this.pendingBeatIntensity, fields.beat_i);
    // A small tolerance keeps hop boundaries that land a hair early from halving the rate.
    if (audioTimeS - this.lastSentAt < this.minIntervalS * 0.95) return null;
    this.lastSentAt = audioTimeS;
    const frame: DjAudioFrame = {
      ...fields,
      type: 'dj_audio_frame',
      seq: this.seq++,
      ts: wallTimeS,
      beat: this.pendingBeat,
      beat_i: this.pendingBeat ? Math.max(fields.beat_i, this.pendingBeatIntensity) : fields.beat_i,
      i_kick: this.pendingKick,
    };
    this.pendingBeat = false;
    this.pendingKick = false;
    this.pendingBeatIntensity = 0;
    return frame;
  }
}
