import { Type, type TSchema, type TObject, type TProperties, type TLiteral } from '@sinclair/typebox';
import { MAX_BAND_INDEX, MAX_BPM } from './limits';

/** docs/protocol.md: names (zone, pattern, dj id) match this. */
export const NAME_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

/** A zone, pattern or DJ id. */
export const Name = Type.String({ pattern: NAME_PATTERN, maxLength: 64 });
/** A number in 0–1. */
export const Unit = Type.Number({ minimum: 0, maximum: 1 });
/** The five protocol bands (40–250, 250–500, 500–2000, 2000–6000, 6000–20000 Hz), each 0–1. */
export const Bands = Type.Array(Unit, { minItems: 5, maxItems: 5 });
/** (ext) A log-spaced spectrum of N band levels, each 0–1. */
export const Spectrum = Type.Array(Unit, { maxItems: 256 });
/** (ext) Onsets split by drum class. */
export const Onsets = Type.Object({ kick: Type.Boolean(), snare: Type.Boolean(), hat: Type.Boolean() });
/** Beats per minute as sent on the wire; 0 means unknown. */
export const Bpm = Type.Number({ minimum: 0, maximum: MAX_BPM });
/** A Minecraft block or item material id such as "minecraft:amethyst_block" or "GLOWSTONE". */
export const Material = Type.String({ pattern: '^[A-Za-z0-9_:.-]{1,64}$', maxLength: 64 });
/** Band index 0–4. */
export const BandIndex = Type.Integer({ minimum: 0, maximum: MAX_BAND_INDEX });

/** Fields every message may carry: protocol version and request sequence number. */
const envelope = {
  v: Type.Optional(Type.String({ maxLength: 16 })),
  _seq: Type.Optional(Type.Number()),
};

/**
 * Declares one message: its `type` literal, its fields, and the envelope fields (`v`, `_seq`).
 * Unknown extra fields are allowed (docs/protocol.md "Conventions").
 */
export function message<K extends string, P extends TProperties>(
  type: K,
  properties: P,
  description?: string,
): TObject<{ type: TLiteral<K> } & typeof envelope & P> {
  const all: { type: TLiteral<K> } & typeof envelope & P = {
    type: Type.Literal(type),
    ...envelope,
    ...properties,
  };
  return Type.Object(all, description === undefined ? {} : { description });
}

/** Collects message schemas into a lookup keyed by their `type` literal. */
export type MessageTable = Readonly<Record<string, TSchema>>;

/** A JSON object: what a stored document or a message field must be before its keys are read. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
