/**
 * Messages that meet a `FieldSpec`, generated with fast-check: required fields always, optional ones sometimes,
 * numbers anywhere in their range (bounds included), strings shaped like the names real clients send.
 */
import fc from 'fast-check';
import type { FieldSpec, Fields } from './field-spec';

/** Names as MCAV's clients make them (zone "main", pattern "spectrum", dj "dj_1"): no spec restricts them more. */
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/);
/** Unbounded numbers stay in a range a real client sends (levels, timestamps in seconds, degrees). */
const WIDE = 1e6;

export function valueOf(spec: FieldSpec): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case 'any':
      return fc.jsonValue({ maxDepth: 2 });
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (spec.oneOf !== undefined) return fc.constantFrom(...spec.oneOf);
      if (spec.pattern !== undefined) return fc.stringMatching(new RegExp(spec.pattern));
      return spec.minLength !== undefined && spec.minLength > 0 ? name : fc.oneof(name, fc.constant(''));
    case 'number': {
      const min = spec.min ?? -WIDE;
      const max = spec.max ?? WIDE;
      return fc.oneof(
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(min, max),
      );
    }
    case 'integer':
      return fc.integer({ min: spec.min ?? 0, max: spec.max ?? WIDE });
    case 'array':
      return fc.array(valueOf(spec.items), {
        minLength: spec.minItems ?? 0,
        maxLength: spec.maxItems ?? Math.max(8, spec.minItems ?? 0),
      });
    case 'object':
      return spec.values !== undefined
        ? fc.dictionary(name, valueOf(spec.values), { maxKeys: 4 })
        : messageFields(spec.fields);
    case 'nullable':
      return fc.option(valueOf(spec.of), { nil: null });
    case 'either':
      return fc.oneof(...spec.of.map(valueOf));
  }
}

/** An object meeting `fields`. */
export function messageFields(fields: Fields): fc.Arbitrary<Record<string, unknown>> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [key, field] of Object.entries(fields)) {
    record[key] = valueOf(field.spec);
    if (field.required) required.push(key);
  }
  return fc.record(record, { requiredKeys: required });
}

/** A whole message of `type`. */
export function message(type: string, fields: Fields): fc.Arbitrary<Record<string, unknown>> {
  return messageFields(fields).map((m) => ({ type, ...m }));
}
