/**
 * Turns a port's message table into a validator: compiled TypeBox checks on the fast path, and one
 * path-precise error ("batch_update.entities[3].scale: expected number ≤ 4, got 9") when a check fails.
 * Runs in a bare JavaScript engine (GraalJS, node:vm): no Node or DOM globals.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { ERROR_CODES } from './error-codes';

/** The codes a validator refuses a message with (a part of `ERROR_CODES`). */
export type ValidationCode =
  | typeof ERROR_CODES.MESSAGE_TOO_BIG
  | typeof ERROR_CODES.INVALID_JSON
  | typeof ERROR_CODES.NOT_AN_OBJECT
  | typeof ERROR_CODES.UNKNOWN_TYPE
  | typeof ERROR_CODES.INVALID_FIELD;

/** Why a message was rejected: a stable code, a readable message, and the dotted path of the bad field. */
export interface ValidationError {
  readonly code: ValidationCode;
  readonly message: string;
  readonly path: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; error: ValidationError };

type Table = Readonly<Record<string, TSchema>>;
/** The union of the message types a table describes. */
export type MessageOf<T extends Table> = { [K in keyof T]: Static<T[K]> }[keyof T];

/** Validates the messages of one port. */
export interface PortValidator<T extends Table> {
  /** Size-checks, parses and validates one text frame. */
  parse(raw: string): ValidationResult<MessageOf<T>>;
  /** Validates an already-parsed value. */
  validate(value: unknown): ValidationResult<MessageOf<T>>;
  /** Validates a value as one specific message type. */
  validateAs<K extends keyof T & string>(type: K, value: unknown): ValidationResult<Static<T[K]>>;
  /** True when `type` is a message of this port. */
  has(type: string): boolean;
}

/**
 * Builds the validator of one port. Each message schema is compiled the first time a message of its
 * type arrives, so start-up in an interpreter stays cheap.
 * @param table message schemas keyed by their `type`
 * @param maxBytes largest accepted frame in UTF-8 bytes, checked before `JSON.parse`
 */
export function createPortValidator<T extends Table>(table: T, maxBytes: number): PortValidator<T> {
  const compiled = new Map<string, TypeCheck<TSchema>>();
  const checkerFor = (type: string): TypeCheck<TSchema> => {
    let check = compiled.get(type);
    if (check === undefined) {
      check = TypeCompiler.Compile(table[type] as TSchema);
      compiled.set(type, check);
    }
    return check;
  };
  const has = (type: string): boolean => Object.prototype.hasOwnProperty.call(table, type);

  const validateAs = <K extends keyof T & string>(
    type: K,
    value: unknown,
  ): ValidationResult<Static<T[K]>> => {
    const check = checkerFor(type);
    if (check.Check(value)) return { ok: true, value: value as Static<T[K]> };
    const first = check.Errors(value).First();
    return { ok: false, error: describeError(type, first) };
  };

  const validate = (value: unknown): ValidationResult<MessageOf<T>> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(ERROR_CODES.NOT_AN_OBJECT, '', `message: expected a JSON object, got ${show(value)}`);
    }
    const type = (value as { type?: unknown }).type;
    if (typeof type !== 'string') {
      return fail(ERROR_CODES.INVALID_FIELD, 'type', `message.type: expected string, got ${show(type)}`);
    }
    if (!has(type)) {
      return fail(ERROR_CODES.UNKNOWN_TYPE, 'type', `unknown message type ${show(type)}`);
    }
    return validateAs(type, value) as ValidationResult<MessageOf<T>>;
  };

  const parse = (raw: string): ValidationResult<MessageOf<T>> => {
    if (exceedsUtf8Bytes(raw, maxBytes)) {
      return fail(ERROR_CODES.MESSAGE_TOO_BIG, '', `message of more than ${maxBytes} bytes refused`);
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return fail(ERROR_CODES.INVALID_JSON, '', 'message is not valid JSON');
    }
    return validate(value);
  };

  return { parse, validate, validateAs, has };
}

function fail(code: ValidationCode, path: string, message: string): { ok: false; error: ValidationError } {
  return { ok: false, error: { code, path, message } };
}

// eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000 on purpose
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * True when `text` takes more than `limit` bytes as UTF-8. Counts only when the answer is not already
 * clear from the length (every UTF-16 unit is 1–3 bytes), and stops as soon as the limit is passed.
 */
export function exceedsUtf8Bytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  // One native regex scan settles the common all-ASCII case, where bytes equal UTF-16 units.
  if (!NON_ASCII.test(text)) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // a surrogate pair is two units of 2 bytes each: 4 bytes
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
    if (bytes > limit) return true;
  }
  return false;
}

/** "/entities/3/scale" → "entities[3].scale" */
function dottedPath(pointer: string): string {
  let out = '';
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^[0-9]+$/.test(key) ? `[${key}]` : `${out === '' ? '' : '.'}${key}`;
  }
  return out;
}

function describeError(type: string, error: ValueError | undefined): ValidationError {
  if (error === undefined) return { code: ERROR_CODES.INVALID_FIELD, path: '', message: `${type}: invalid` };
  const path = dottedPath(error.path);
  const where = path === '' ? type : path.startsWith('[') ? `${type}${path}` : `${type}.${path}`;
  return {
    code: ERROR_CODES.INVALID_FIELD,
    path,
    message: `${where}: expected ${expectation(error)}, got ${show(error.value)}`,
  };
}

/** What the schema wanted, in words. */
function expectation(error: ValueError): string {
  const s = error.schema as Record<string, unknown>;
  const kind = s['type'] === 'integer' ? 'integer' : 'number';
  switch (error.type) {
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return `${kind} ≤ ${String(s['maximum'])}`;
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return `${kind} ≥ ${String(s['minimum'])}`;
    case ValueErrorType.Number:
      return 'number';
    case ValueErrorType.Integer:
      return 'integer';
    case ValueErrorType.String:
      return 'string';
    case ValueErrorType.StringPattern:
      return `string matching ${String(s['pattern'])}`;
    case ValueErrorType.StringMaxLength:
      return `string of at most ${String(s['maxLength'])} characters`;
    case ValueErrorType.StringMinLength:
      return `string of at least ${String(s['minLength'])} characters`;
    case ValueErrorType.Boolean:
      return 'boolean';
    case ValueErrorType.Array:
      return 'array';
    case ValueErrorType.ArrayMaxItems:
      return `array of at most ${String(s['maxItems'])} items`;
    case ValueErrorType.ArrayMinItems:
      return `array of at least ${String(s['minItems'])} items`;
    case ValueErrorType.Object:
      return 'object';
    case ValueErrorType.Null:
      return 'null';
    case ValueErrorType.Literal:
      return JSON.stringify(s['const']);
    case ValueErrorType.Union:
      return describeUnion(s);
    case ValueErrorType.ObjectRequiredProperty:
      return describeSchema(s);
    default:
      return error.message.replace(/^Expected /, '').replace(/^./, (c) => c.toLowerCase());
  }
}

function describeUnion(schema: Record<string, unknown>): string {
  const members = (schema['anyOf'] as Record<string, unknown>[] | undefined) ?? [];
  return `one of ${members.map(describeSchema).join(', ')}`;
}

/** The kind of value a schema wants: "number", "\"flash\"", "one of …". */
function describeSchema(schema: Record<string, unknown>): string {
  if ('const' in schema) return JSON.stringify(schema['const']);
  if (Array.isArray(schema['anyOf'])) return describeUnion(schema);
  return String(schema['type'] ?? 'value');
}

/** A short rendering of an offending value for an error message. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return `array of ${value.length} items`;
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = typeof value;
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
