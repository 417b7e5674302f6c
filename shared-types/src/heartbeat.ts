/**
 * Liveness checks for one link: send a ping (or heartbeat) every interval and declare the link dead
 * after a pong timeout, too many unanswered pings, or too many failed sends — whichever the policy enables.
 */
import type { Clock, TimerHandle } from './clock';
import type { HeartbeatPolicy } from './limits';

/** Why a link was declared dead. */
export type HeartbeatFailure = 'pong_timeout' | 'missed_pongs' | 'send_failures';

export interface HeartbeatHandlers {
  /** Sends one ping or heartbeat; returns false (or throws) when it could not be sent. */
  send(): boolean;
  /** Called once when the link is declared dead; the monitor stops itself first. */
  onDead(reason: HeartbeatFailure): void;
}

/** Runs one link's heartbeat on a clock. Call `pongReceived()` for every pong (or any reply that proves life). */
export class HeartbeatMonitor {
  private intervalTimer: TimerHandle | null = null;
  private pongTimer: TimerHandle | null = null;
  private unanswered = 0;
  private failedSends = 0;
  private lastPongAt = 0;

  constructor(
    readonly policy: HeartbeatPolicy,
    private readonly clock: Clock,
    private readonly handlers: HeartbeatHandlers,
  ) {
    if (!(policy.intervalMs > 0)) throw new RangeError('HeartbeatMonitor: intervalMs must be > 0');
  }

  /** True between `start()` and `stop()` (or death). */
  get running(): boolean {
    return this.intervalTimer !== null;
  }

  /** Pings sent and not yet answered. */
  get missedPongs(): number {
    return this.unanswered;
  }

  /** Consecutive sends that failed. */
  get sendFailures(): number {
    return this.failedSends;
  }

  /** Time of the last pong (or of `start()`), in clock ms. */
  get lastPong(): number {
    return this.lastPongAt;
  }

  start(): void {
    this.stop();
    this.unanswered = 0;
    this.failedSends = 0;
    this.lastPongAt = this.clock.now();
    this.armPongTimeout();
    this.scheduleTick();
  }

  stop(): void {
    if (this.intervalTimer !== null) this.clock.clearTimeout(this.intervalTimer);
    if (this.pongTimer !== null) this.clock.clearTimeout(this.pongTimer);
    this.intervalTimer = null;
    this.pongTimer = null;
  }

  /** The peer answered: clears the missed count and restarts the pong timeout. */
  pongReceived(): void {
    this.unanswered = 0;
    this.lastPongAt = this.clock.now();
    if (this.running) this.armPongTimeout();
  }

  private scheduleTick(): void {
    this.intervalTimer = this.clock.setTimeout(() => this.tick(), this.policy.intervalMs);
  }

  private tick(): void {
    this.intervalTimer = null;
    const { maxMissedPongs, maxSendFailures } = this.policy;
    if (maxMissedPongs > 0 && this.unanswered >= maxMissedPongs) return this.die('missed_pongs');
    let sent: boolean;
    try {
      sent = this.handlers.send();
    } catch {
      sent = false;
    }
    if (sent) {
      this.failedSends = 0;
      this.unanswered++;
    } else {
      this.failedSends++;
      if (maxSendFailures > 0 && this.failedSends >= maxSendFailures) return this.die('send_failures');
    }
    this.scheduleTick();
  }

  private armPongTimeout(): void {
    if (this.pongTimer !== null) this.clock.clearTimeout(this.pongTimer);
    this.pongTimer = null;
    if (this.policy.pongTimeoutMs <= 0) return;
    this.pongTimer = this.clock.setTimeout(() => {
      this.pongTimer = null;
      this.die('pong_timeout');
    }, this.policy.pongTimeoutMs);
  }

  private die(reason: HeartbeatFailure): void {
    this.stop();
    this.handlers.onDead(reason);
  }
}
