/**
 * Keeps the panel under the hub's command rate (docs/protocol.md :8766: ≤ 10 commands per second per socket,
 * else "Rate limited"): a burst of key presses is spread out instead of being refused. One slot of the
 * window is kept spare for network jitter. Commands past `maxWaiting` are refused at once.
 */
import { BROWSER_COMMANDS_PER_SECOND, type Clock, type TimerHandle } from '@audioviz/shared-types';

const WINDOW_MS = 1_000;

export class CommandPacer {
  private readonly sentAt: number[] = [];
  private readonly waiting: Array<() => void> = [];
  private timer: TimerHandle | null = null;

  /**
   * @param perWindow commands allowed per second (default one less than the hub's limit)
   * @param maxWaiting commands that may wait for a slot
   */
  constructor(
    private readonly clock: Clock,
    private readonly perWindow = BROWSER_COMMANDS_PER_SECOND - 1,
    private readonly maxWaiting = 50,
  ) {}

  /** Commands waiting for a slot. */
  get backlog(): number {
    return this.waiting.length;
  }

  /** Runs `send` now or as soon as the rate allows; returns false when the backlog is full (not run). */
  submit(send: () => void): boolean {
    if (this.waiting.length >= this.maxWaiting) return false;
    this.waiting.push(send);
    this.drain();
    return true;
  }

  private drain(): void {
    while (this.waiting.length > 0) {
      const now = this.clock.now();
      while (this.sentAt.length > 0 && now - (this.sentAt[0] as number) >= WINDOW_MS) this.sentAt.shift();
      if (this.sentAt.length >= this.perWindow) {
        if (this.timer === null) {
          this.timer = this.clock.setTimeout(
            () => {
              this.timer = null;
              this.drain();
            },
            (this.sentAt[0] as number) + WINDOW_MS - now,
          );
        }
        return;
      }
      this.sentAt.push(now);
      (this.waiting.shift() as () => void)();
    }
  }
}
