/**
 * The pattern registry: every pattern the engine can run, built-in or hot-loaded, checked on the way in
 * (LedFx's registry with `validate_schema_keys`, typed). A pattern whose metadata is wrong never reaches a zone.
 */
import {
  MAX_CHOICE_LENGTH,
  MAX_ENTITIES_PER_ZONE,
  MAX_PARAM_CHOICES,
  MAX_PARAM_DESCRIPTION,
  MAX_PATTERN_PARAMS,
  PARAM_NAME_PATTERN,
} from '@audioviz/shared-types';
import type { ParamSpec, Pattern, PatternMeta } from './pattern';

/** Wire ids: lower snake_case, starting with a letter, at most 64 characters. */
export const PATTERN_ID_FORMAT = /^[a-z][a-z0-9_]{0,63}$/;
/** Parameter keys travel in zones, scenes and messages (the wire's pattern). */
const PARAM_KEY_FORMAT = new RegExp(PARAM_NAME_PATTERN);
/** Bounds of `recommendedEntities`: what a zone's pool can hold. */
export const MIN_RECOMMENDED_ENTITIES = 1;
export const MAX_RECOMMENDED_ENTITIES = MAX_ENTITIES_PER_ZONE;

export interface RegisterOptions {
  /** Replace a pattern already registered under the same id (hot reload); otherwise a duplicate throws. */
  readonly replace?: boolean;
}

export class PatternRegistry {
  private readonly patterns = new Map<string, Pattern>();

  /**
   * Adds a pattern after checking its metadata. Throws an Error naming the pattern and the problem when the
   * id, name, category, recommended entity count, any parameter or the functions are wrong, or when the id
   * is taken and `options.replace` is not set.
   */
  register(pattern: Pattern, options: RegisterOptions = {}): void {
    checkPattern(pattern);
    const id = pattern.meta.id;
    if (this.patterns.has(id) && options.replace !== true) {
      throw new Error(
        `Pattern "${id}" is already registered: pick another id, or pass { replace: true } to replace it.`,
      );
    }
    this.patterns.set(id, pattern);
  }

  get(id: string): Pattern | undefined {
    return this.patterns.get(id);
  }

  has(id: string): boolean {
    return this.patterns.has(id);
  }

  /** Metadata of every registered pattern, sorted by id. */
  list(): PatternMeta[] {
    return [...this.patterns.keys()].sort().map((id) => (this.patterns.get(id) as Pattern).meta);
  }
}

function checkPattern(pattern: Pattern): void {
  if (typeof pattern !== 'object' || pattern === null) throw new Error('Pattern: expected an object');
  const meta = pattern.meta as PatternMeta | undefined;
  if (typeof meta !== 'object' || meta === null) throw new Error('Pattern: "meta" is missing');
  const id: unknown = meta.id;
  if (typeof id !== 'string' || !PATTERN_ID_FORMAT.test(id)) {
    throw new Error(
      `Pattern ${JSON.stringify(id)}: id must be lower snake_case matching ${PATTERN_ID_FORMAT.source}`,
    );
  }
  const fail = (problem: string): never => {
    throw new Error(`Pattern "${id}": ${problem}`);
  };
  if (typeof meta.name !== 'string' || meta.name.trim() === '') fail('name must be a non-empty string');
  if (typeof meta.category !== 'string' || meta.category.trim() === '') {
    fail('category must be a non-empty string');
  }
  const n = meta.recommendedEntities;
  if (!Number.isInteger(n) || n < MIN_RECOMMENDED_ENTITIES || n > MAX_RECOMMENDED_ENTITIES) {
    fail(
      `recommendedEntities must be an integer from ${MIN_RECOMMENDED_ENTITIES} to ${MAX_RECOMMENDED_ENTITIES}, got ${String(n)}`,
    );
  }
  if (typeof pattern.create !== 'function') fail('create(entityCount) must be a function');
  if (typeof pattern.calculate !== 'function') fail('calculate(input, state, out) must be a function');
  if (typeof meta.params !== 'object' || meta.params === null) fail('params must be an object');
  if (Object.keys(meta.params).length > MAX_PATTERN_PARAMS) {
    fail(`has ${Object.keys(meta.params).length} params; at most ${MAX_PATTERN_PARAMS} fit the protocol`);
  }
  for (const [key, spec] of Object.entries(meta.params)) {
    const problem = paramProblem(key, spec);
    if (problem !== undefined) fail(`param "${key}" ${problem}`);
  }
}

/** What is wrong with one parameter, or undefined when it is well formed. */
function paramProblem(key: string, spec: ParamSpec): string | undefined {
  if (!PARAM_KEY_FORMAT.test(key)) return `key must be snake_case matching ${PARAM_KEY_FORMAT.source}`;
  if (typeof spec !== 'object' || spec === null) return 'must be an object';
  if (typeof spec.description !== 'string' || spec.description.trim() === '') {
    return 'needs a description';
  }
  if (spec.description.length > MAX_PARAM_DESCRIPTION) {
    return `description is longer than ${MAX_PARAM_DESCRIPTION} characters`;
  }
  switch (spec.type) {
    case 'number':
      if (!Number.isFinite(spec.min) || !Number.isFinite(spec.max) || spec.min > spec.max) {
        return `needs finite min ≤ max, got ${String(spec.min)}–${String(spec.max)}`;
      }
      if (!Number.isFinite(spec.default) || spec.default < spec.min || spec.default > spec.max) {
        return `default ${String(spec.default)} is outside its range ${spec.min}–${spec.max}`;
      }
      return undefined;
    case 'boolean':
      return typeof spec.default === 'boolean' ? undefined : 'default must be true or false';
    case 'choice':
      if (!Array.isArray(spec.choices) || spec.choices.length === 0) return 'needs at least one choice';
      if (spec.choices.length > MAX_PARAM_CHOICES) return `has more than ${MAX_PARAM_CHOICES} choices`;
      if (spec.choices.some((c) => typeof c !== 'string' || c === '' || c.length > MAX_CHOICE_LENGTH)) {
        return `choices must be names of 1 to ${MAX_CHOICE_LENGTH} characters`;
      }
      return spec.choices.includes(spec.default)
        ? undefined
        : `default ${JSON.stringify(spec.default)} is not one of its choices (${spec.choices.join(', ')})`;
    default:
      return `has unknown type ${JSON.stringify((spec as { type?: unknown }).type)}: use number, boolean or choice`;
  }
}
