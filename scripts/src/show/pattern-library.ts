/**
 * The patterns the engine may run: the registry plus what hot reload needs — the previous version of every
 * replaced pattern, consecutive failure counts (a throw or a budget overrun), and the disabled set. A
 * pattern failing `MAX_CONSECUTIVE_FAILURES` times in a row is disabled: its previous version comes back if
 * there is one, otherwise zones showing it fall back to another pattern until a fixed version is loaded.
 */
import type { Pattern, PatternMeta } from '../patterns/pattern';
import { PatternRegistry } from '../patterns/registry';
import { createFrame, forceIntoRange } from '../pool/frame';
import { MutableInput } from './audio-input';

export const MAX_CONSECUTIVE_FAILURES = 3;
/**
 * Calls of a pattern version whose budget overruns are forgiven: GraalJS interprets a function until its
 * JIT has compiled it, so the first ticks of every pattern are slow. Throws count from the first call.
 */
export const WARM_UP_CALLS = 100;
/** Preferred fallback for a zone whose pattern is missing or disabled. */
export const FALLBACK_PATTERN = 'bars';
/** Entities a hot-loaded pattern is tried on before it replaces anything. */
const TRIAL_ENTITIES = 16;

export class PatternLibrary {
  private readonly previous = new Map<string, Pattern>();
  private readonly failures = new Map<string, number>();
  /** Calls per pattern id since its current version was loaded, counted up to `WARM_UP_CALLS`. */
  private readonly calls = new Map<string, number>();
  private readonly disabledIds = new Set<string>();

  constructor(
    private readonly registry: PatternRegistry,
    private readonly report: (message: string) => void,
  ) {}

  /** The runnable pattern with this id (undefined when unknown or disabled). */
  get(id: string): Pattern | undefined {
    return this.disabledIds.has(id) ? undefined : this.registry.get(id);
  }

  has(id: string): boolean {
    return this.registry.has(id);
  }

  isDisabled(id: string): boolean {
    return this.disabledIds.has(id);
  }

  disabled(): string[] {
    return [...this.disabledIds].sort();
  }

  /** Metadata of every runnable pattern, sorted by id. */
  list(): PatternMeta[] {
    return this.registry.list().filter((meta) => !this.disabledIds.has(meta.id));
  }

  /** What a zone shows when its own pattern cannot run. */
  fallback(): Pattern | undefined {
    return this.get(FALLBACK_PATTERN) ?? this.list().map((m) => this.registry.get(m.id))[0];
  }

  /**
   * Adds or replaces a pattern after a trial run (create + one calculate on silence); the replaced
   * version is kept for a rollback. Its output is forced into range after every call (`forceIntoRange`): a
   * loaded pattern is not one of the built-in ones, whose tests hold them to it. Returns an error message, or
   * null when the pattern is in.
   */
  load(loaded: Pattern): string | null {
    const pattern = keptInRange(loaded);
    try {
      // Checks the metadata without touching the real registry (register throws on bad metadata).
      new PatternRegistry().register(pattern);
      const frame = createFrame(TRIAL_ENTITIES);
      const input = new MutableInput(() => 0.5);
      input.dt = 0.05;
      const params: Record<string, unknown> = {};
      for (const [key, spec] of Object.entries(pattern.meta.params)) params[key] = spec.default;
      input.params = params as MutableInput['params'];
      pattern.calculate(input, pattern.create(TRIAL_ENTITIES), frame);
    } catch (err) {
      return `pattern rejected: ${errorText(err)}`;
    }
    const id = pattern.meta.id;
    const current = this.registry.get(id);
    this.registry.register(pattern, { replace: true });
    if (current !== undefined && !this.disabledIds.has(id)) this.previous.set(id, current);
    this.disabledIds.delete(id);
    this.failures.delete(id);
    this.calls.delete(id);
    return null;
  }

  /** A call of `id` went well: its failure count starts over. */
  succeeded(id: string): void {
    if (this.failures.has(id)) this.failures.delete(id);
    this.countCall(id);
  }

  /** A call of `id` ran past its budget: a failure once the pattern is warmed up. */
  overran(id: string, reason: string): void {
    if (this.countCall(id) <= WARM_UP_CALLS) return;
    this.failed(id, reason);
  }

  /** Counts a call (up to just past the warm-up) and returns the count. */
  private countCall(id: string): number {
    const n = this.calls.get(id) ?? 0;
    if (n > WARM_UP_CALLS) return n;
    this.calls.set(id, n + 1);
    return n + 1;
  }

  /** A call of `id` threw or overran; disables it on the third failure in a row. */
  failed(id: string, reason: string): void {
    const count = (this.failures.get(id) ?? 0) + 1;
    if (count < MAX_CONSECUTIVE_FAILURES) {
      this.failures.set(id, count);
      return;
    }
    this.failures.delete(id);
    this.calls.delete(id);
    const previous = this.previous.get(id);
    if (previous !== undefined) {
      this.previous.delete(id);
      this.registry.register(previous, { replace: true });
      this.report(
        `pattern "${id}" failed ${count} times in a row (${reason}); its previous version runs again. ` +
          'Fix the pattern and load it again.',
      );
      return;
    }
    this.disabledIds.add(id);
    this.report(
      `pattern "${id}" failed ${count} times in a row (${reason}) and is disabled; its zones show ` +
        `"${this.fallback()?.meta.id ?? 'nothing'}" until a fixed version is loaded.`,
    );
  }
}

/** `pattern` with its output forced into range after each call. */
function keptInRange<S>(pattern: Pattern<S>): Pattern<S> {
  return {
    ...pattern,
    calculate(input, state, out) {
      pattern.calculate(input, state, out);
      forceIntoRange(out);
    },
  };
}

export function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
