/**
 * A compact way to write down what another implementation requires of a message: per field its kind, whether it
 * must be present, and its range. `checkFields` says which requirements a message breaks; the arbitraries in
 * `spec-arbitraries.ts` generate messages that meet them.
 */

export type FieldSpec =
  | { kind: 'string'; minLength?: number; pattern?: string; oneOf?: readonly string[] }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'array'; items: FieldSpec; minItems?: number; maxItems?: number }
  | { kind: 'object'; fields: Fields; values?: FieldSpec }
  | { kind: 'nullable'; of: FieldSpec }
  | { kind: 'either'; of: readonly FieldSpec[] }
  /** Any JSON value: the receiver does not look inside. */
  | { kind: 'any' };

/** A field and whether the message must carry it. */
export interface Field {
  readonly spec: FieldSpec;
  readonly required: boolean;
}
export type Fields = Readonly<Record<string, Field>>;

const req = (spec: FieldSpec): Field => ({ spec, required: true });

export const str = (constraints: { minLength?: number; pattern?: string } = {}): Field =>
  req({ kind: 'string', ...constraints });
export const oneOf = (...values: string[]): Field => req({ kind: 'string', oneOf: values });
export const num = (min?: number, max?: number): Field => req(defined({ kind: 'number', min, max }));
export const int = (min?: number, max?: number): Field => req(defined({ kind: 'integer', min, max }));
export const bool = (): Field => req({ kind: 'boolean' });
export const any = (): Field => req({ kind: 'any' });
export const arr = (items: Field, minItems?: number, maxItems?: number): Field =>
  req(defined({ kind: 'array', items: items.spec, minItems, maxItems }));
export const obj = (fields: Fields): Field => req({ kind: 'object', fields });
/** An object used as a map: any keys, each value of `values`. */
export const map = (values: Field): Field => req({ kind: 'object', fields: {}, values: values.spec });
export const nullable = (of: Field): Field => req({ kind: 'nullable', of: of.spec });
export const either = (...of: Field[]): Field => req({ kind: 'either', of: of.map((f) => f.spec) });
/** The same field, but it may be left out. */
export const opt = (field: Field): Field => ({ spec: field.spec, required: false });

function defined<T extends object>(spec: T): T {
  return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Every requirement of `fields` that `value` breaks, as "path: what is wrong". Fields the spec does not name
 * are not checked: every implementation involved ignores unknown fields.
 */
export function checkFields(fields: Fields, value: Record<string, unknown>, where = ''): string[] {
  const problems: string[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const path = where === '' ? name : `${where}.${name}`;
    if (value[name] === undefined) {
      if (field.required) problems.push(`${path}: required, missing`);
      continue;
    }
    problems.push(...checkValue(field.spec, value[name], path));
  }
  return problems;
}

function checkValue(spec: FieldSpec, v: unknown, path: string): string[] {
  const got = (what: string): string[] => [
    `${path}: expected ${what}, got ${JSON.stringify(v)?.slice(0, 60)}`,
  ];
  switch (spec.kind) {
    case 'any':
      return [];
    case 'boolean':
      return typeof v === 'boolean' ? [] : got('boolean');
    case 'string':
      if (typeof v !== 'string') return got('string');
      if (spec.minLength !== undefined && v.length < spec.minLength)
        return got(`≥ ${spec.minLength} characters`);
      if (spec.pattern !== undefined && !new RegExp(spec.pattern).test(v)) return got(`/${spec.pattern}/`);
      if (spec.oneOf !== undefined && !spec.oneOf.includes(v)) return got(`one of ${spec.oneOf.join(', ')}`);
      return [];
    case 'number':
    case 'integer':
      if (typeof v !== 'number' || !Number.isFinite(v)) return got(spec.kind);
      if (spec.kind === 'integer' && !Number.isInteger(v)) return got('integer');
      if (spec.min !== undefined && v < spec.min) return got(`≥ ${spec.min}`);
      if (spec.max !== undefined && v > spec.max) return got(`≤ ${spec.max}`);
      return [];
    case 'array': {
      if (!Array.isArray(v)) return got('array');
      if (spec.minItems !== undefined && v.length < spec.minItems) return got(`≥ ${spec.minItems} items`);
      if (spec.maxItems !== undefined && v.length > spec.maxItems) return got(`≤ ${spec.maxItems} items`);
      return v.flatMap((item, i) => checkValue(spec.items, item, `${path}[${i}]`));
    }
    case 'object': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return got('object');
      const record = v as Record<string, unknown>;
      const problems = checkFields(spec.fields, record, path);
      const values = spec.values;
      if (values !== undefined)
        for (const [key, item] of Object.entries(record))
          problems.push(...checkValue(values, item, `${path}.${key}`));
      return problems;
    }
    case 'nullable':
      return v === null ? [] : checkValue(spec.of, v, path);
    case 'either':
      return spec.of.some((s) => checkValue(s, v, path).length === 0) ? [] : got('one of its alternatives');
  }
}
