/**
 * What a pattern is: a self-describing module (LedFx's effects, typed) that writes every entity of a zone
 * into preallocated buffers from the audio state, time and its parameters. Patterns read no clock and no
 * `Math.random` (a seeded random is in the input) and allocate nothing in `calculate`.
 */

import type { PatternParamSpec, PatternParamValue } from '@audioviz/shared-types';

/**
 * One tunable parameter of a pattern (the wire's own schema, docs/protocol.md "Pattern parameters"); keys are
 * snake_case because they travel in zones, scenes and messages.
 */
export type ParamSpec = PatternParamSpec;

export type ParamValue = PatternParamValue;

export interface PatternMeta {
  /** Lower snake_case id as on the wire (`bars`, `circle`, …); equals the file name. */
  readonly id: string;
  readonly name: string;
  /** e.g. "spectrum", "geometric", "cosmic", "organic", "stage", "beat". */
  readonly category: string;
  readonly recommendedEntities: number;
  readonly params: Readonly<Record<string, ParamSpec>>;
}

/** The audio and time a pattern sees each tick. The engine reuses one object; patterns must not keep it. */
export interface PatternInput {
  /** The five protocol bands, 0–1 (bass … air). */
  readonly bands: Float32Array;
  /** Log-spaced spectrum, 0–1; may be empty when the source sends none (use `bands` then). */
  readonly spectrum: Float32Array;
  /** Overall level 0–1. */
  readonly amplitude: number;
  /** True on the tick a beat arrived. */
  readonly isBeat: boolean;
  /** Strength of the latest beat 0–1, decaying between beats. */
  readonly beatIntensity: number;
  /** Tempo in BPM; 0 when unknown. */
  readonly bpm: number;
  /** Position inside the current beat 0–1. */
  readonly beatPhase: number;
  /** Beats counted since the pattern became active. */
  readonly beatCount: number;
  readonly onsets: { readonly kick: boolean; readonly snare: boolean; readonly hat: boolean };
  /** Seconds since the pattern became active. */
  readonly t: number;
  /** Seconds since the previous tick. */
  readonly dt: number;
  /** Resolved parameter values (defaults filled in). */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Seeded random in [0, 1). */
  readonly random: () => number;
}

/**
 * The frame a pattern writes: one slot per entity, zone-local coordinates in 0–1. Sized once per zone;
 * `count` is the number of live entities (≤ the arrays' length).
 */
export interface PatternOutput {
  readonly count: number;
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly z: Float32Array;
  /** Uniform scale 0–4 (0 hides the entity). */
  readonly scale: Float32Array;
  /** Yaw in degrees. */
  readonly rotation: Float32Array;
  /** Band 0–4: picks the block material of the zone's per-band palette. */
  readonly band: Uint8Array;
  /** Block light 0–15. */
  readonly brightness: Uint8Array;
  /** 1 = glowing outline. */
  readonly glow: Uint8Array;
  /** 0 = hidden. */
  readonly visible: Uint8Array;
}

/** A pattern module: `patterns/<id>.ts` default-exports one of these. */
export interface Pattern<State = unknown> {
  readonly meta: PatternMeta;
  /** Allocates private state for `entityCount` entities, once. */
  create(entityCount: number): State;
  /** Writes every entity `0 … out.count-1` into `out`. Allocates nothing, throws nothing on valid input. */
  calculate(input: PatternInput, state: State, out: PatternOutput): void;
}
