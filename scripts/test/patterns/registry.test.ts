import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BUILT_IN_PATTERNS, createPatternRegistry } from '../../src/patterns/index';
import type { ParamSpec, Pattern, PatternMeta } from '../../src/patterns/pattern';
import { PatternRegistry } from '../../src/patterns/registry';

const SRC = path.join(__dirname, '..', '..', 'src', 'patterns');
/** Files in patterns/ that are not patterns. */
const NOT_PATTERNS = new Set(['index.ts', 'pattern.ts', 'registry.ts', 'shape-math.ts']);

function fakePattern(meta: Partial<PatternMeta> = {}, params: Record<string, ParamSpec> = {}): Pattern {
  return {
    meta: {
      id: 'test_pattern',
      name: 'Test',
      category: 'test',
      recommendedEntities: 16,
      params: { speed: { type: 'number', description: 'How fast', default: 1, min: 0, max: 2 }, ...params },
      ...meta,
    },
    create: () => null,
    calculate: () => undefined,
  };
}

describe('PatternRegistry', () => {
  describe('register', () => {
    it('accepts a well-formed pattern and finds it by id', () => {
      const registry = new PatternRegistry();
      const pattern = fakePattern();
      registry.register(pattern);
      assert.equal(registry.get('test_pattern'), pattern);
      assert.equal(registry.has('test_pattern'), true);
      assert.equal(registry.has('other'), false);
      assert.equal(registry.get('other'), undefined);
    });

    it('rejects a second pattern with the same id unless asked to replace it', () => {
      const registry = new PatternRegistry();
      registry.register(fakePattern());
      assert.throws(() => registry.register(fakePattern()), /Pattern "test_pattern" is already registered/);
      const replacement = fakePattern({ name: 'New' });
      registry.register(replacement, { replace: true });
      assert.equal(registry.get('test_pattern'), replacement);
    });

    const badIds: unknown[] = ['Bars', 'spectrum-bars', '9lives', '', 'a'.repeat(65), 'bars ', 42];
    for (const id of badIds) {
      it(`rejects the id ${JSON.stringify(id)} naming the snake_case rule`, () => {
        assert.throws(
          () => new PatternRegistry().register(fakePattern({ id: id as string })),
          (e: Error) => e.message.includes(JSON.stringify(id)) && e.message.includes('lower snake_case'),
        );
      });
    }

    const badMeta: [string, Partial<PatternMeta>, RegExp][] = [
      ['an empty name', { name: ' ' }, /Pattern "test_pattern": name must be a non-empty string/],
      ['an empty category', { category: '' }, /Pattern "test_pattern": category must be a non-empty string/],
      [
        'zero recommended entities',
        { recommendedEntities: 0 },
        /recommendedEntities must be .* 1 to 1024, got 0/,
      ],
      ['1025 recommended entities', { recommendedEntities: 1025 }, /recommendedEntities .* got 1025/],
      ['a fractional entity count', { recommendedEntities: 2.5 }, /recommendedEntities .* got 2.5/],
    ];
    for (const [what, meta, message] of badMeta) {
      it(`rejects ${what}`, () => {
        assert.throws(() => new PatternRegistry().register(fakePattern(meta)), message);
      });
    }

    const badParams: [string, Record<string, unknown>, RegExp][] = [
      [
        'a camelCase key',
        { spinSpeed: { type: 'number', description: 'd', default: 0, min: 0, max: 1 } },
        /param "spinSpeed" key must be snake_case/,
      ],
      [
        'a missing description',
        { gain: { type: 'number', description: '', default: 0, min: 0, max: 1 } },
        /param "gain" needs a description/,
      ],
      [
        'a number default above max',
        { gain: { type: 'number', description: 'd', default: 5, min: 0, max: 1 } },
        /param "gain" default 5 is outside its range 0–1/,
      ],
      [
        'a NaN default',
        { gain: { type: 'number', description: 'd', default: NaN, min: 0, max: 1 } },
        /param "gain" default NaN is outside/,
      ],
      [
        'min above max',
        { gain: { type: 'number', description: 'd', default: 1, min: 2, max: 1 } },
        /param "gain" needs finite min ≤ max/,
      ],
      [
        'a boolean default that is not a boolean',
        { on: { type: 'boolean', description: 'd', default: 'yes' } },
        /param "on" default must be true or false/,
      ],
      [
        'a choice default outside its choices',
        { mode: { type: 'choice', description: 'd', default: 'c', choices: ['a', 'b'] } },
        /param "mode" default "c" is not one of its choices \(a, b\)/,
      ],
      [
        'no choices',
        { mode: { type: 'choice', description: 'd', default: 'a', choices: [] } },
        /param "mode" needs at least one choice/,
      ],
      [
        'an unknown type',
        { mode: { type: 'color', description: 'd', default: 'red' } },
        /param "mode" has unknown type "color"/,
      ],
      [
        'a key too long for the wire',
        { ['k'.repeat(33)]: { type: 'boolean', description: 'd', default: true } },
        /key must be snake_case/,
      ],
      [
        'a description too long for the wire',
        { on: { type: 'boolean', description: 'd'.repeat(161), default: true } },
        /param "on" description is longer than 160 characters/,
      ],
      [
        'too many choices',
        {
          mode: {
            type: 'choice',
            description: 'd',
            default: 'c0',
            choices: Array.from({ length: 33 }, (_, i) => `c${i}`),
          },
        },
        /param "mode" has more than 32 choices/,
      ],
      [
        'a choice too long',
        { mode: { type: 'choice', description: 'd', default: 'a', choices: ['a', 'b'.repeat(33)] } },
        /param "mode" choices must be names of 1 to 32 characters/,
      ],
    ];
    it('rejects more parameters than the protocol carries', () => {
      // 32 more beside the stand-in pattern's own `speed`.
      const many = Object.fromEntries(
        Array.from({ length: 32 }, (_, i) => [`p${i}`, { type: 'boolean', description: 'd', default: true }]),
      );
      assert.throws(
        () => new PatternRegistry().register(fakePattern({}, many as Record<string, ParamSpec>)),
        /has 33 params; at most 32 fit the protocol/,
      );
    });
    for (const [what, params, message] of badParams) {
      it(`rejects a parameter with ${what}, naming the pattern`, () => {
        const pattern = fakePattern({}, params as Record<string, ParamSpec>);
        assert.throws(
          () => new PatternRegistry().register(pattern),
          (e: Error) => message.test(e.message) && e.message.startsWith('Pattern "test_pattern"'),
        );
      });
    }

    it('rejects a pattern without calculate', () => {
      const pattern = { ...fakePattern(), calculate: undefined } as unknown as Pattern;
      assert.throws(
        () => new PatternRegistry().register(pattern),
        /calculate\(input, state, out\) must be a function/,
      );
    });

    it('leaves the registry unchanged when a pattern is rejected', () => {
      const registry = new PatternRegistry();
      assert.throws(() => registry.register(fakePattern({ name: '' })));
      assert.equal(registry.has('test_pattern'), false);
      assert.deepEqual(registry.list(), []);
    });
  });

  describe('list', () => {
    it('returns the metadata sorted by id', () => {
      const registry = new PatternRegistry();
      registry.register(fakePattern({ id: 'zeta' }));
      registry.register(fakePattern({ id: 'alpha' }));
      registry.register(fakePattern({ id: 'mid' }));
      assert.deepEqual(
        registry.list().map((m) => m.id),
        ['alpha', 'mid', 'zeta'],
      );
    });
  });
});

describe('built-in patterns', () => {
  it('are listed sorted by id, each once', () => {
    const ids = BUILT_IN_PATTERNS.map((p) => p.meta.id);
    assert.deepEqual(ids, [...new Set(ids)].sort());
  });

  it('all pass the registry checks', () => {
    const registry = createPatternRegistry();
    assert.equal(registry.list().length, BUILT_IN_PATTERNS.length);
  });

  it('live each in patterns/<id>.ts, and every pattern file is listed', () => {
    const files = fs
      .readdirSync(SRC)
      .filter((f) => f.endsWith('.ts') && !NOT_PATTERNS.has(f))
      .sort();
    assert.deepEqual(
      files,
      BUILT_IN_PATTERNS.map((p) => `${p.meta.id}.ts`),
    );
    for (const file of files) {
      // The default export of the file is the listed pattern with that id.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(SRC, file)) as { default: Pattern };
      assert.equal(mod.default.meta.id, file.replace(/\.ts$/, ''), `${file} exports the wrong id`);
    }
  });

  it('import nothing but types from the pattern contract and values from shape-math', () => {
    for (const p of BUILT_IN_PATTERNS) {
      const source = fs.readFileSync(path.join(SRC, `${p.meta.id}.ts`), 'utf8');
      const imports = [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gm)];
      for (const [, typeOnly, from] of imports) {
        const ok = (typeOnly !== undefined && from === './pattern') || from === './shape-math';
        assert.ok(ok, `${p.meta.id}.ts imports ${from}: patterns must bundle standalone`);
      }
    }
  });
});
