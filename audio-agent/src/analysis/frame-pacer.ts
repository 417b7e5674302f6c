/**
 * Turns per-hop results (~187 per second at 48 kHz) into frames at a lower rate (~60 fps on both links).
 * A beat, kick or onset in a skipped hop rides on the next frame sent, so pacing never loses a hit.
 */
import type { AnalysisResult } from './analysis-result';
import { toFrameFields, type FrameFields } from './frame-fields';

export class FramePacer {
  private lastSentS = -Infinity;
  private beat = false;
  private beatIntensity = 0;
  private kick = false;
  private onsetKick = false;
  private onsetSnare = false;
  private onsetHat = false;

  /** @param frameRate frames per second (default 60) */
  constructor(private readonly frameRate = 60) {}

  /**
   * Offers the result of one hop; returns the frame fields to send now, or null when it is too soon.
   * Uses the hop's own time (`result.t`), so pacing follows the audio, not the wall clock.
   */
  offer(result: AnalysisResult): FrameFields | null {
    this.beat ||= result.beat;
    if (result.beat) this.beatIntensity = Math.max(this.beatIntensity, result.beatIntensity);
    this.kick ||= result.iKick;
    this.onsetKick ||= result.onsets.kick;
    this.onsetSnare ||= result.onsets.snare;
    this.onsetHat ||= result.onsets.hat;
    // A small tolerance keeps hop boundaries that land a hair early from halving the rate.
    if (result.t - this.lastSentS < (1 / this.frameRate) * 0.95) return null;
    this.lastSentS = result.t;
    const fields = toFrameFields(result);
    fields.beat = this.beat;
    fields.beat_i = Math.max(fields.beat_i, this.beat ? Math.round(this.beatIntensity * 10000) / 10000 : 0);
    fields.i_kick = this.kick;
    fields.onsets = { kick: this.onsetKick, snare: this.onsetSnare, hat: this.onsetHat };
    this.beat = this.kick = this.onsetKick = this.onsetSnare = this.onsetHat = false;
    this.beatIntensity = 0;
    return fields;
  }
}
