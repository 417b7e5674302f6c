import { Type } from '@sinclair/typebox';

/** docs/protocol.md ":8766 — browser ⇄ hub": every effect the engine layers on a pattern. */
export const EFFECT_NAMES = [
  'blackout',
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
] as const;
export type EffectName = (typeof EFFECT_NAMES)[number];
export const EffectNameSchema = Type.Union(EFFECT_NAMES.map((name) => Type.Literal(name)));

/** Audio presets shared by the agent, the hub and the engine. */
export const PRESET_NAMES = ['auto', 'edm', 'chill', 'rock', 'hiphop', 'folk', 'classical'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];
export const PresetNameSchema = Type.Union(PRESET_NAMES.map((name) => Type.Literal(name)));
