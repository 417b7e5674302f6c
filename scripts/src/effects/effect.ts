/**
 * What an effect is: a short-lived layer applied to any pattern's frame after the pattern has written it
 * (blackout, freeze, flash, strobe, pulse, wave, spiral, explode, bass_drop, spin_up, spin_down).
 */
import type { EffectName } from '@audioviz/shared-types';
import type { PatternInput, PatternOutput } from '../patterns/pattern';

export interface EffectMeta {
  readonly name: EffectName;
  readonly description: string;
  /** Default duration in ms when a trigger gives none; 0 = until switched off (blackout, freeze). */
  readonly defaultDurationMs: number;
}

/** The state of one running effect, owned by the engine. */
export interface EffectRun {
  /** 0 at the trigger, 1 at the end of the duration (stays 0 for toggles). */
  readonly progress: number;
  /** 0–1 from the trigger. */
  readonly intensity: number;
  /** Seconds since the trigger. */
  readonly elapsed: number;
}

export interface Effect {
  readonly meta: EffectMeta;
  /**
   * Modifies `out` in place. `previous` is the frame sent last tick (for freeze). Allocates nothing.
   */
  apply(out: PatternOutput, run: EffectRun, input: PatternInput, previous: PatternOutput): void;
}
