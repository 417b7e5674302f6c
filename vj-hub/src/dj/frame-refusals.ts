/**
 * Tells a DJ that its frames are being refused without answering every frame: at ~60 frames/s one `error`
 * per frame would flood the DJ, so the first refusal is reported at once and later ones at most once per
 * interval, with how many were refused since the last notice.
 */
import type { Clock } from '@audioviz/shared-types';

/** The shortest gap between two "frames refused" notices to one DJ, ms. */
export const FRAME_REFUSAL_NOTICE_MS = 5000;

export class FrameRefusals {
  private lastNoticeAt = -Infinity;
  private unreported = 0;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs = FRAME_REFUSAL_NOTICE_MS,
  ) {}

  /** Counts one refused frame; returns how many to report when a notice is due now, else 0. */
  refused(): number {
    this.unreported++;
    const now = this.clock.now();
    if (now - this.lastNoticeAt < this.intervalMs) return 0;
    this.lastNoticeAt = now;
    const count = this.unreported;
    this.unreported = 0;
    return count;
  }
}
