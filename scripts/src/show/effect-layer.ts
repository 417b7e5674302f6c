/**
 * The effects running on one zone, layered after the pattern. One slot per effect (retriggering restarts
 * it), applied in a fixed order: freeze first (it restores last tick's frame), blackout last (it wins).
 * Blackout and freeze are toggles; the others run for a duration and end by themselves.
 */
import type { EffectName } from '@audioviz/shared-types';
import type { Effect, EffectRun } from '../effects/effect';
import type { PatternInput, PatternOutput } from '../patterns/pattern';

export const EFFECT_ORDER: readonly EffectName[] = [
  'freeze',
  'flash',
  'strobe',
  'pulse',
  'wave',
  'spiral',
  'explode',
  'bass_drop',
  'spin_up',
  'spin_down',
  'blackout',
];

/** Longest timed effect, ms (the protocol's `duration` maximum). */
export const MAX_EFFECT_DURATION_MS = 60_000;

interface Slot {
  active: boolean;
  startedAt: number;
  /** 0 = a toggle, on until switched off. */
  durationMs: number;
  readonly run: { progress: number; intensity: number; elapsed: number };
}

export class EffectLayer {
  private readonly slots: Slot[] = EFFECT_ORDER.map(() => ({
    active: false,
    startedAt: 0,
    durationMs: 0,
    run: { progress: 0, intensity: 1, elapsed: 0 },
  }));

  constructor(private readonly effects: Readonly<Record<EffectName, Effect>>) {}

  /**
   * Starts an effect at `now` (ms). A toggle (default duration 0) flips on/off unless `durationMs` is
   * given, in which case it runs for that long; intensity 0 switches any effect off.
   */
  trigger(name: EffectName, now: number, intensity = 1, durationMs?: number): void {
    const slot = this.slot(name);
    const effect = this.effects[name];
    if (intensity <= 0) {
      slot.active = false;
      return;
    }
    const duration = Math.min(MAX_EFFECT_DURATION_MS, durationMs ?? effect.meta.defaultDurationMs);
    if (effect.meta.defaultDurationMs === 0 && durationMs === undefined) {
      slot.active = !slot.active;
    } else {
      slot.active = true;
    }
    slot.startedAt = now;
    slot.durationMs = duration;
    slot.run.intensity = Math.min(1, intensity);
  }

  /** Switches a toggle effect on or off explicitly (blackout, freeze). */
  set(name: EffectName, on: boolean, now: number): void {
    const slot = this.slot(name);
    slot.active = on;
    slot.startedAt = now;
    slot.durationMs = 0;
    slot.run.intensity = 1;
  }

  isActive(name: EffectName): boolean {
    return this.slot(name).active;
  }

  /** Names of the effects running now. */
  active(): EffectName[] {
    return EFFECT_ORDER.filter((_, i) => this.slots[i]!.active);
  }

  clear(): void {
    for (const slot of this.slots) slot.active = false;
  }

  /**
   * Applies every running effect to `out` at `now` (ms); ends timed effects whose duration has passed.
   * `report` hears about an effect that threw (it is switched off).
   */
  apply(
    out: PatternOutput,
    input: PatternInput,
    previous: PatternOutput,
    now: number,
    report: (name: EffectName, err: unknown) => void,
  ): void {
    // One slot per EFFECT_ORDER entry, in its order.
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i]!;
      if (!slot.active) continue;
      const elapsedMs = Math.max(0, now - slot.startedAt);
      if (slot.durationMs > 0 && elapsedMs >= slot.durationMs) {
        slot.active = false;
        continue;
      }
      slot.run.elapsed = elapsedMs / 1000;
      slot.run.progress = slot.durationMs > 0 ? elapsedMs / slot.durationMs : 0;
      const name = EFFECT_ORDER[i]!;
      try {
        this.effects[name].apply(out, slot.run as EffectRun, input, previous);
      } catch (err) {
        slot.active = false;
        report(name, err);
      }
    }
  }

  /**
   * The slot of `name`. Callers check names against EFFECT_NAMES, which EFFECT_ORDER lists in full (a test
   * holds them equal), so a miss is a bug here, reported as one rather than as a property of undefined.
   */
  private slot(name: EffectName): Slot {
    const slot = this.slots[EFFECT_ORDER.indexOf(name)];
    if (slot === undefined) throw new Error(`EffectLayer: no slot for effect "${String(name)}"`);
    return slot;
  }
}
