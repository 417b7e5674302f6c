import { strict as assert } from 'node:assert';
import type { Pattern } from '../../src/patterns/pattern';
import { PatternRegistry } from '../../src/patterns/registry';
import { MAX_CONSECUTIVE_FAILURES, PatternLibrary, WARM_UP_CALLS } from '../../src/show/pattern-library';

function pattern(id: string, calculate: Pattern['calculate'] = () => undefined): Pattern {
  return {
    meta: { id, name: id, category: 'test', recommendedEntities: 8, params: {} },
    create: () => ({}),
    calculate,
  };
}

function library() {
  const reports: string[] = [];
  const registry = new PatternRegistry();
  registry.register(pattern('bars'));
  return { lib: new PatternLibrary(registry, (m) => reports.push(m)), reports, registry };
}

describe('PatternLibrary', () => {
  it('loads a new pattern after a trial run', () => {
    const { lib } = library();
    assert.equal(lib.load(pattern('grid')), null);
    assert.ok(lib.get('grid'));
  });

  it('rejects a pattern with bad metadata or one that throws on its trial, keeping the old one', () => {
    const { lib } = library();
    const old = lib.get('bars');
    assert.match(lib.load({ ...pattern('Bad Id') }) ?? '', /pattern rejected: .*lower snake_case/);
    assert.match(
      lib.load(
        pattern('bars', () => {
          throw new Error('nope');
        }),
      ) ?? '',
      /nope/,
    );
    assert.equal(lib.get('bars'), old);
  });

  it(`disables a pattern after ${MAX_CONSECUTIVE_FAILURES} failures in a row and falls back`, () => {
    const { lib, reports } = library();
    lib.load(pattern('grid'));
    lib.failed('grid', 'threw');
    lib.failed('grid', 'threw');
    lib.succeeded('grid'); // the count starts over
    lib.failed('grid', 'threw');
    lib.failed('grid', 'threw');
    assert.ok(lib.get('grid'));
    lib.failed('grid', 'threw');
    assert.equal(lib.get('grid'), undefined);
    assert.deepEqual(lib.disabled(), ['grid']);
    assert.equal(lib.fallback()?.meta.id, 'bars');
    assert.match(
      reports[0]!,
      /"grid" failed 3 times in a row \(threw\) and is disabled; its zones show "bars"/,
    );
    assert.deepEqual(
      lib.list().map((m) => m.id),
      ['bars'],
    );
  });

  it('brings back the previous version when a hot-loaded one keeps failing', () => {
    const { lib, reports } = library();
    const v1 = lib.get('bars');
    lib.load(pattern('bars'));
    assert.notEqual(lib.get('bars'), v1);
    for (let i = 0; i < MAX_CONSECUTIVE_FAILURES; i++) lib.failed('bars', 'overran');
    assert.equal(lib.get('bars'), v1);
    assert.deepEqual(lib.disabled(), []);
    assert.match(reports[0]!, /previous version runs again/);
  });

  it('re-enables a disabled pattern when a fixed version is loaded', () => {
    const { lib } = library();
    lib.load(pattern('grid'));
    for (let i = 0; i < MAX_CONSECUTIVE_FAILURES; i++) lib.failed('grid', 'threw');
    assert.equal(lib.load(pattern('grid')), null);
    assert.ok(lib.get('grid'));
    assert.deepEqual(lib.disabled(), []);
  });

  it('forgives budget overruns while a pattern warms up, then counts them', () => {
    const { lib } = library();
    for (let i = 0; i < WARM_UP_CALLS; i++) lib.overran('bars', 'slow');
    assert.ok(lib.get('bars'));
    for (let i = 0; i < MAX_CONSECUTIVE_FAILURES; i++) lib.overran('bars', 'slow');
    assert.equal(lib.get('bars'), undefined);
  });
});
