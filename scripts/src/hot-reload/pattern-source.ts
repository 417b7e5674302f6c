/**
 * Evaluates a pattern bundle from source text: a CommonJS module (`module.exports.default = pattern`, as
 * `npm run build` writes scripts/bundle/patterns/<id>.js) run through `new Function('module', 'exports',
 * source)`, which works the same in GraalJS, node:vm and Node. The module sees no `require` and no host:
 * only the JavaScript built-ins of the context the engine runs in.
 */
import type { Pattern } from '../patterns/pattern';
import { errorText } from '../show/pattern-library';

export type Evaluated = { ok: true; pattern: Pattern } | { ok: false; error: string };

export function evaluatePatternSource(source: string): Evaluated {
  const module: { exports: Record<string, unknown> } = { exports: {} };
  try {
    const factory = new Function('module', 'exports', source) as (m: unknown, e: unknown) => void;
    factory(module, module.exports);
  } catch (err) {
    return { ok: false, error: `the bundle did not run: ${errorText(err)}` };
  }
  const exported = module.exports;
  const candidate = (
    typeof exported === 'object' && exported !== null && 'default' in exported
      ? exported['default']
      : exported
  ) as unknown;
  if (typeof candidate !== 'object' || candidate === null || !('meta' in candidate)) {
    return {
      ok: false,
      error: 'the bundle exports no pattern: set module.exports.default to the pattern object',
    };
  }
  return { ok: true, pattern: candidate as Pattern };
}
