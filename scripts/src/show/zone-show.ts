/**
 * What one zone shows: its pattern's private state, time and beat count, and a crossfade from the
 * previous pattern (0–3 s). Picks up hot-reloaded or rolled-back versions by identity, re-creates state
 * when the pool is resized, and falls back to another pattern while its own cannot run.
 */
import { MAX_TRANSITION_S } from '@audioviz/shared-types';
import type { ParamValue, Pattern } from '../patterns/pattern';
import { blendInto, createFrame, type Frame } from '../pool/frame';
import type { Zone } from '../zones/zone';
import type { MutableInput } from './audio-input';
import type { PatternLibrary } from './pattern-library';

/** Runs one pattern call under the engine's guard (budget, failure counting); false when it failed. */
export type GuardedCall = (id: string, call: () => void) => boolean;

interface Running {
  readonly pattern: Pattern;
  state: unknown;
  t: number;
  beats: number;
  params: Record<string, ParamValue>;
  /** The zone's `params` object the resolved values came from (re-resolved when it is replaced). */
  paramsSource: Record<string, ParamValue> | null;
}

export class ZoneShow {
  private current: Running | null = null;
  private fading: Running | null = null;
  private fadeFrame: Frame = createFrame(0);
  private fadeElapsed = 0;
  private fadeDuration = 0;
  /** Crossfade length for the next pattern change, seconds. */
  private nextTransition = 0;
  private capacity = -1;

  /** The pattern shown now (null when none can run). */
  get patternId(): string | null {
    return this.current?.pattern.meta.id ?? null;
  }

  /** True while a crossfade is running. */
  get transitioning(): boolean {
    return this.fading !== null;
  }

  /** The next pattern change fades over `seconds` (0 switches at once). */
  transitionNext(seconds: number): void {
    this.nextTransition = Math.max(0, Math.min(MAX_TRANSITION_S, seconds));
  }

  /**
   * Writes the zone's frame into `out` (sized to the pool). Returns false when nothing could be
   * calculated (no pattern) and `out` was left as it was.
   */
  render(zone: Zone, library: PatternLibrary, input: MutableInput, out: Frame, guard: GuardedCall): boolean {
    const wanted = library.get(zone.pattern) ?? library.fallback();
    if (out.count !== this.capacity) {
      this.capacity = out.count;
      this.fadeFrame = createFrame(out.count);
      this.current = null; // states are sized to the pool: start afresh
      this.fading = null;
    }
    if (wanted === undefined) {
      this.current = null;
      return false;
    }
    if (this.current === null || this.current.pattern !== wanted) this.switchTo(wanted, zone, guard);
    const current = this.current;
    if (current === null) return false;
    if (current.paramsSource !== zone.params) {
      current.params = resolveParams(current.pattern, zone.params);
      current.paramsSource = zone.params;
    }
    const dt = input.dt;
    if (input.isBeat) current.beats++;
    current.t += dt;
    const ok = this.calculate(current, input, out, guard);
    const fading = this.fading;
    if (fading !== null) {
      this.fadeElapsed += dt;
      if (input.isBeat) fading.beats++;
      fading.t += dt;
      // A little slack: time summed tick by tick lands a hair short of the duration.
      const w = this.fadeElapsed / this.fadeDuration;
      if (w >= 1 - 1e-9 || !this.calculate(fading, input, this.fadeFrame, guard)) {
        this.fading = null;
      } else {
        this.fadeFrame.count = out.count;
        blendInto(this.fadeFrame, out, w);
      }
    }
    return ok;
  }

  private switchTo(pattern: Pattern, zone: Zone, guard: GuardedCall): void {
    const previous = this.current;
    let state: unknown = null;
    const capacity = this.capacity;
    const created = guard(pattern.meta.id, () => {
      state = pattern.create(capacity);
    });
    if (!created) return; // try again next tick; the library disables it after repeated failures
    const params = resolveParams(pattern, zone.params);
    this.current = { pattern, state, t: 0, beats: 0, params, paramsSource: zone.params };
    const fade = this.nextTransition;
    this.nextTransition = 0;
    // A new version of the same pattern (hot reload) swaps at once; a different pattern may crossfade.
    if (previous !== null && fade > 0 && previous.pattern.meta.id !== pattern.meta.id) {
      this.fading = previous;
      this.fadeElapsed = 0;
      this.fadeDuration = fade;
    } else {
      this.fading = null;
    }
  }

  private calculate(run: Running, input: MutableInput, out: Frame, guard: GuardedCall): boolean {
    input.t = run.t;
    input.beatCount = run.beats;
    input.params = run.params;
    return guard(run.pattern.meta.id, () => run.pattern.calculate(input, run.state, out));
  }
}

/**
 * A pattern's parameter values: its defaults, overridden by the zone's values where they fit the spec
 * (right type, number clamped into range, choice among the choices).
 */
export function resolveParams(
  pattern: Pattern,
  given: Readonly<Record<string, ParamValue>>,
): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  for (const [key, spec] of Object.entries(pattern.meta.params)) {
    const value = Object.prototype.hasOwnProperty.call(given, key) ? given[key] : undefined;
    if (spec.type === 'number') {
      params[key] =
        typeof value === 'number' && Number.isFinite(value)
          ? Math.min(spec.max, Math.max(spec.min, value))
          : spec.default;
    } else if (spec.type === 'boolean') {
      params[key] = typeof value === 'boolean' ? value : spec.default;
    } else {
      params[key] = typeof value === 'string' && spec.choices.includes(value) ? value : spec.default;
    }
  }
  return params;
}
