/**
 * docs/protocol.md "Pattern parameters": what a pattern says about each of its controls (LedFx's effect
 * schema, typed) and the values an operator sets. The engine checks patterns and values against this, the
 * wire carries it in `patterns` and `set_pattern_params`, and the admin panel draws its controls from it.
 */
import { Type, type Static } from '@sinclair/typebox';

/** A parameter's name: lower snake_case, as it travels in messages, zones and scenes. */
export const PARAM_NAME_PATTERN = '^[a-z][a-z0-9_]{0,31}$';
/** At most this many parameters per pattern (and per `set_pattern_params`). */
export const MAX_PATTERN_PARAMS = 32;
/** Longest parameter description, which the panel shows as the control's label. */
export const MAX_PARAM_DESCRIPTION = 160;
/** At most this many choices for a `choice` parameter, each at most MAX_CHOICE_LENGTH characters. */
export const MAX_PARAM_CHOICES = 32;
export const MAX_CHOICE_LENGTH = 32;

const Description = Type.String({ minLength: 1, maxLength: MAX_PARAM_DESCRIPTION });
const Choice = Type.String({ minLength: 1, maxLength: MAX_CHOICE_LENGTH });

/** One control of a pattern: a number in a range, an on/off switch, or one of a few named choices. */
export const PatternParamSpec = Type.Union([
  Type.Object({
    type: Type.Literal('number'),
    description: Description,
    default: Type.Number(),
    min: Type.Number(),
    max: Type.Number(),
  }),
  Type.Object({ type: Type.Literal('boolean'), description: Description, default: Type.Boolean() }),
  Type.Object({
    type: Type.Literal('choice'),
    description: Description,
    default: Choice,
    choices: Type.Array(Choice, { minItems: 1, maxItems: MAX_PARAM_CHOICES }),
  }),
]);
export type PatternParamSpec = Static<typeof PatternParamSpec>;

/** A pattern's controls by name, in the order the pattern declares them. */
export const PatternParamSpecs = Type.Record(Type.String({ pattern: PARAM_NAME_PATTERN }), PatternParamSpec, {
  maxProperties: MAX_PATTERN_PARAMS,
  additionalProperties: false,
});
export type PatternParamSpecs = Static<typeof PatternParamSpecs>;

export const PatternParamValue = Type.Union([Type.Number(), Type.Boolean(), Choice]);
export type PatternParamValue = Static<typeof PatternParamValue>;

/** Values set on a zone's pattern by name; a parameter left out plays at its default. */
export const PatternParamValues = Type.Record(
  Type.String({ pattern: PARAM_NAME_PATTERN }),
  PatternParamValue,
  { maxProperties: MAX_PATTERN_PARAMS, additionalProperties: false },
);
export type PatternParamValues = Static<typeof PatternParamValues>;

/** What a value for `spec` must be, in words ("a number from 0 to 2"), for error replies and labels. */
export function describeParamRange(spec: PatternParamSpec): string {
  switch (spec.type) {
    case 'number':
      return `a number from ${spec.min} to ${spec.max}`;
    case 'boolean':
      return 'true or false';
    case 'choice':
      return `one of ${spec.choices.join(', ')}`;
  }
}

/** Whether `value` is allowed for `spec`. */
function paramValueFits(spec: PatternParamSpec, value: unknown): value is PatternParamValue {
  switch (spec.type) {
    case 'number':
      return typeof value === 'number' && value >= spec.min && value <= spec.max;
    case 'boolean':
      return typeof value === 'boolean';
    case 'choice':
      return typeof value === 'string' && spec.choices.includes(value);
  }
}

/**
 * What is wrong with setting `values` on `pattern` whose controls are `specs`, in words for the operator, or
 * null when every value fits. The engine and the hub both ask this before they change anything.
 */
export function paramValuesProblem(
  pattern: string,
  specs: Readonly<Record<string, PatternParamSpec>>,
  values: Readonly<Record<string, unknown>>,
): string | null {
  for (const [key, value] of Object.entries(values)) {
    const spec = specs[key];
    if (spec === undefined) {
      const known = Object.keys(specs);
      return (
        `pattern "${pattern}" has no parameter "${key}"` +
        (known.length > 0 ? `: use one of ${known.join(', ')}` : '')
      );
    }
    if (!paramValueFits(spec, value)) {
      return `${key} must be ${describeParamRange(spec)}, got ${JSON.stringify(value)}`;
    }
  }
  return null;
}

const PARAM_NAME = new RegExp(PARAM_NAME_PATTERN);

/**
 * The well-formed entries of stored parameter values (a zones or scenes document, maybe edited by hand):
 * names that fit the wire, finite numbers, booleans and short strings, at most MAX_PATTERN_PARAMS of them.
 * Anything else is dropped, so what is read can always be sent.
 */
export function readParamValues(raw: unknown): PatternParamValues {
  const out: PatternParamValues = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (Object.keys(out).length === MAX_PATTERN_PARAMS) break;
    const fits =
      (typeof value === 'number' && Number.isFinite(value)) ||
      typeof value === 'boolean' ||
      (typeof value === 'string' && value.length > 0 && value.length <= MAX_CHOICE_LENGTH);
    if (PARAM_NAME.test(key) && fits) out[key] = value as PatternParamValue;
  }
  return out;
}
