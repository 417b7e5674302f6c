/**
 * Exponential backoff with jitter, and a reconnect loop built on it. Every reconnecting link of
 * docs/protocol.md ("Keeping a link alive") uses these with its row's numbers from `limits.ts`.
 */
import type { Clock, RandomSource, TimerHandle } from './clock';
import type { BackoffPolicy } from './limits';

/** Hands out the delays of successive attempts: initial × multiplier^n, capped, with ±jitter. */
export class Backoff {
  private attemptCount = 0;

  constructor(
    readonly policy: BackoffPolicy,
    private readonly random: RandomSource,
  ) {
    if (!(policy.initialMs >= 0) || !(policy.multiplier >= 1) || !(policy.maxMs >= policy.initialMs)) {
      throw new RangeError('Backoff: need initialMs ≥ 0, multiplier ≥ 1 and maxMs ≥ initialMs');
    }
    if (!(policy.jitter >= 0 && policy.jitter < 1)) throw new RangeError('Backoff: jitter must be in [0, 1)');
    if (!(policy.maxAttempts >= 0)) throw new RangeError('Backoff: maxAttempts must be ≥ 0');
  }

  /** Delays handed out since the last reset. */
  get attempts(): number {
    return this.attemptCount;
  }

  /** True once `maxAttempts` delays have been handed out. */
  get exhausted(): boolean {
    return this.attemptCount >= this.policy.maxAttempts;
  }

  /** The un-jittered delay of attempt `n` (0-based): initial × multiplier^n, capped at maxMs. */
  baseDelay(n: number): number {
    return Math.min(this.policy.initialMs * Math.pow(this.policy.multiplier, n), this.policy.maxMs);
  }

  /** The delay before the next attempt in ms, or `null` when the attempts are used up. */
  next(): number | null {
    if (this.exhausted) return null;
    const base = this.baseDelay(this.attemptCount);
    this.attemptCount++;
    const spread = this.policy.jitter * (2 * this.random() - 1);
    return Math.max(0, Math.round(base * (1 + spread)));
  }

  /** Starts over from the initial delay (after a successful connection). */
  reset(): void {
    this.attemptCount = 0;
  }
}

/** What a `Reconnector` reports while it works. */
export interface ReconnectorEvents {
  /** An attempt is scheduled `delayMs` from now; `attempt` counts from 1. */
  onScheduled?(delayMs: number, attempt: number): void;
  /** The attempt limit is reached; nothing more is scheduled. */
  onGiveUp?(attempts: number): void;
}

/**
 * Schedules reconnect attempts on a clock following a backoff policy. The owner calls `schedule()` after
 * each failure or loss and `succeeded()` once connected (which resets the backoff).
 */
export class Reconnector {
  private readonly backoff: Backoff;
  private timer: TimerHandle | null = null;

  constructor(
    policy: BackoffPolicy,
    private readonly clock: Clock,
    random: RandomSource,
    private readonly attempt: () => void,
    private readonly events: ReconnectorEvents = {},
  ) {
    this.backoff = new Backoff(policy, random);
  }

  /** Attempts made since the last success. */
  get attempts(): number {
    return this.backoff.attempts;
  }

  /** True while an attempt is waiting to run. */
  get pending(): boolean {
    return this.timer !== null;
  }

  /** Schedules the next attempt; returns false (and reports give-up) when the limit is reached. */
  schedule(): boolean {
    if (this.timer !== null) return true;
    const delay = this.backoff.next();
    if (delay === null) {
      this.events.onGiveUp?.(this.backoff.attempts);
      return false;
    }
    this.events.onScheduled?.(delay, this.backoff.attempts);
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.attempt();
    }, delay);
    return true;
  }

  /** The link is up: cancel any pending attempt and reset the backoff. */
  succeeded(): void {
    this.cancel();
    this.backoff.reset();
  }

  /** Stops any pending attempt without resetting the count. */
  cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
