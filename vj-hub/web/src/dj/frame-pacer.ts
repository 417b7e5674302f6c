/**
 * Turns the analysis's per-hop results (~187 per second at 48 kHz) into `dj_audio_frame`s at the agent's
 * 60 fps (PROTOCOL.md: "~60 fps; the hub drops frames past 120/s"). A beat or kick in a skipped hop is
 * carried into the next frame sent, so no beat is lost to the pacing.
 */
import { DJ_FRAME_RATE, type DjAudioFrame } from '@audioviz/shared-types';

/** The fields of a frame that come from the analysis (no type, seq or ts). */
export type FrameFields = Omit<DjAudioFrame, 'type' | 'seq' | 'ts' | 'v' | '_seq'>;

/** What the pacer needs to know of every hop, sent or not. */
export interface HopSummary {
  readonly beat: boolean;
  /** Beat pulse 0–1. */
  readonly beatIntensity: number;
  readonly kick: boolean;
}

export class FramePacer {
  private seq = 0;
  private lastSentAt = -Infinity;
  private pendingBeat = false;
  private pendingBeatIntensity = 0;
  private pendingKick = false;

  /** @param minIntervalS shortest gap between two frames, seconds (default 1/60) */
  constructor(private readonly minIntervalS = 1 / DJ_FRAME_RATE) {}

  /**
   * Offers one hop ending at audio time `audioTimeS`; returns the frame to send (built by `build`, only
   * then) or null when it is too soon. `wallTimeS` becomes the frame's `ts` (unix seconds).
   */
  offer(
    hop: HopSummary,
    audioTimeS: number,
    build: () => FrameFields,
    wallTimeS: number,
  ): DjAudioFrame | null {
    this.pendingBeat ||= hop.beat;
    this.pendingKick ||= hop.kick;
    if (hop.beat) this.pendingBeatIntensity = Math.max(this.pendingBeatIntensity, hop.beatIntensity);
    // A small tolerance keeps hop boundaries that land a hair early from halving the rate.
    if (audioTimeS - this.lastSentAt < this.minIntervalS * 0.95) return null;
    this.lastSentAt = audioTimeS;
    const fields = build();
    const frame: DjAudioFrame = {
      ...fields,
      type: 'dj_audio_frame',
      seq: this.seq++,
      ts: wallTimeS,
      beat: this.pendingBeat,
      beat_i: Math.max(fields.beat_i, this.pendingBeatIntensity),
      i_kick: this.pendingKick,
    };
    this.pendingBeat = false;
    this.pendingKick = false;
    this.pendingBeatIntensity = 0;
    return frame;
  }
}
