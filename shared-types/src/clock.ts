/**
 * Time and randomness as injectable services. Everything that waits (backoff, heartbeats, timeouts,
 * rate limits, crossfades) takes a `Clock` and a `RandomSource`; tests pass a `FakeClock` and never sleep.
 */

/** An opaque handle for a scheduled callback. */
export type TimerHandle = { readonly __timer: true } | object;

/** Reads the time and schedules callbacks. */
export interface Clock {
  /** Milliseconds since the Unix epoch (or any fixed origin for a fake clock). */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Returns a number in [0, 1). */
export type RandomSource = () => number;

interface TimerGlobals {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The real clock of the host (Node or a browser). Timers come from `globalThis`, so this module still
 * loads in a bare engine; calling `setTimeout` there is the host's mistake and throws clearly.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, delayMs) {
    const timers = globalThis as unknown as Partial<TimerGlobals>;
    if (typeof timers.setTimeout !== 'function') throw new Error('systemClock: this host has no setTimeout');
    return { __timer: true, id: timers.setTimeout(callback, delayMs) } as TimerHandle;
  },
  clearTimeout(handle) {
    const timers = globalThis as unknown as Partial<TimerGlobals>;
    timers.clearTimeout?.((handle as { id?: unknown }).id);
  },
};

/** The host's own random numbers. */
export const systemRandom: RandomSource = () => Math.random();

/** A deterministic random source (mulberry32); same seed, same sequence. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface FakeTimer {
  readonly id: number;
  readonly due: number;
  readonly callback: () => void;
}

/** A manual clock for tests: time moves only when `advance` is called, firing due timers in order. */
export class FakeClock implements Clock {
  private current: number;
  private nextId = 1;
  private timers: FakeTimer[] = [];

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const timer = { id: this.nextId++, due: this.current + Math.max(0, delayMs), callback };
    this.timers.push(timer);
    return { __timer: true, id: timer.id } as TimerHandle;
  }

  clearTimeout(handle: TimerHandle): void {
    const id = (handle as { id?: number }).id;
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  /** Number of callbacks waiting. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Delay until the next timer fires, or `null` when none is waiting. */
  nextDelay(): number | null {
    const next = this.earliest();
    return next === undefined ? null : next.due - this.current;
  }

  /** Moves time forward by `ms`, firing every timer that falls due (including ones scheduled meanwhile). */
  advance(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      const next = this.earliest();
      if (next === undefined || next.due > end) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = next.due;
      next.callback();
    }
    this.current = end;
  }

  /** Advances exactly to the next timer and fires it; returns false when none is waiting. */
  fireNext(): boolean {
    const delay = this.nextDelay();
    if (delay === null) return false;
    this.advance(delay);
    return true;
  }

  private earliest(): FakeTimer | undefined {
    let best: FakeTimer | undefined;
    for (const t of this.timers) if (best === undefined || t.due < best.due) best = t;
    return best;
  }
}
