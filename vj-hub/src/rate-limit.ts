/**
 * Sliding-window rate limits keyed by client (IP, DJ id, socket): at most `limit` events in any `windowMs`.
 * Used for docs/protocol.md's auth attempts per IP, DJ frames per second and browser commands per second.
 */
import type { Clock } from '@audioviz/shared-types';

/** Keys tracked at once before idle ones are pruned; bounds memory under a flood of distinct keys. */
const MAX_TRACKED_KEYS = 10_000;

export class SlidingWindowLimiter {
  /** Per key: a ring of the last `limit` event times. */
  private readonly events = new Map<string, { times: number[]; next: number; count: number }>();

  /**
   * @param limit events allowed per window (≥ 1)
   * @param windowMs window length, ms
   */
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly clock: Pick<Clock, 'now'>,
  ) {
    if (!(limit >= 1) || !(windowMs > 0))
      throw new RangeError('SlidingWindowLimiter: need limit ≥ 1, windowMs > 0');
  }

  /** Records one event for `key` and returns true when it is within the limit; refused events are not recorded. */
  tryAcquire(key: string): boolean {
    const now = this.clock.now();
    let entry = this.events.get(key);
    if (entry === undefined) {
      if (this.events.size >= MAX_TRACKED_KEYS) this.prune(now);
      entry = { times: new Array<number>(this.limit).fill(0), next: 0, count: 0 };
      this.events.set(key, entry);
    }
    if (entry.count >= this.limit) {
      // The ring is full: the oldest of the last `limit` events decides.
      const oldest = entry.times[entry.next] ?? 0;
      if (now - oldest < this.windowMs) return false;
    } else entry.count++;
    entry.times[entry.next] = now;
    entry.next = (entry.next + 1) % this.limit;
    return true;
  }

  /** Forgets a key (its socket closed). */
  forget(key: string): void {
    this.events.delete(key);
  }

  /** Keys currently tracked. */
  get trackedKeys(): number {
    return this.events.size;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.events) {
      const newest = entry.times[(entry.next + this.limit - 1) % this.limit] ?? 0;
      if (now - newest >= this.windowMs) this.events.delete(key);
    }
    // Still full of active keys: drop the oldest-inserted ones rather than grow without bound.
    for (const key of this.events.keys()) {
      if (this.events.size < MAX_TRACKED_KEYS) break;
      this.events.delete(key);
    }
  }
}
