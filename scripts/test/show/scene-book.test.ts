import { strict as assert } from 'node:assert';
import { createPatternRegistry } from '../../src/patterns/index';
import { BUILT_IN_SCENES, SceneBook, type Scene } from '../../src/show/scene-book';

const scene = (name: string): Scene => ({
  name,
  preset: 'edm',
  transitionS: 1,
  blackout: false,
  freeze: true,
  zones: { main: { pattern: 'bars', params: { speed: 2 }, brightness: 12 } },
});

describe('SceneBook', () => {
  it('has four built-in scenes that cannot be overwritten or deleted', () => {
    const book = new SceneBook();
    assert.equal(BUILT_IN_SCENES.length, 4);
    assert.deepEqual(book.names(), BUILT_IN_SCENES.map((s) => s.name).sort());
    assert.match(book.save(scene(BUILT_IN_SCENES[0]!.name)) ?? '', /built-in/);
    assert.match(book.delete(BUILT_IN_SCENES[0]!.name) ?? '', /cannot be deleted/);
  });

  it('names only built-in patterns in the built-in scenes', () => {
    const registry = createPatternRegistry();
    for (const s of BUILT_IN_SCENES)
      assert.ok(registry.has(s.pattern ?? ''), `${s.name}: ${String(s.pattern)}`);
  });

  it('saves, lists, reads back through its document, and deletes scenes', () => {
    const book = new SceneBook();
    assert.equal(book.save(scene('late_set')), null);
    const again = new SceneBook();
    assert.deepEqual(again.load(book.serialize()), []);
    assert.deepEqual(again.get('late_set'), scene('late_set'));
    assert.ok(again.names().includes('late_set'));
    assert.equal(again.delete('late_set'), null);
    assert.match(again.delete('late_set') ?? '', /no scene/);
  });

  it('keeps the band sensitivity a hub stores, and drops damaged gains without losing the scene', () => {
    const book = new SceneBook();
    assert.equal(book.save({ ...scene('bands'), bandSensitivity: [0, 0.5, 1, 1.5, 2] }), null);
    const again = new SceneBook();
    assert.deepEqual(again.load(book.serialize()), []);
    assert.deepEqual(again.get('bands')?.bandSensitivity, [0, 0.5, 1, 1.5, 2]);
    for (const gains of [[1, 1, 1, 1], [1, 1, 1, 1, 2.5], [1, 1, -1, 1, 1], [1, 1, '1', 1, 1], 'loud']) {
      const damaged = new SceneBook();
      const doc = JSON.stringify({ version: 1, scenes: [{ ...scene('bands'), bandSensitivity: gains }] });
      assert.deepEqual(damaged.load(doc), []);
      assert.equal(damaged.get('bands')?.bandSensitivity, undefined, JSON.stringify(gains));
      assert.equal(damaged.get('bands')?.preset, 'edm');
    }
  });

  it('refuses a bad scene name', () => {
    assert.match(new SceneBook().save(scene('no spaces')) ?? '', /not a valid scene name/);
  });

  it('reports a damaged document and keeps the built-ins', () => {
    const book = new SceneBook();
    assert.match(book.load('nope')[0]!, /not valid JSON/);
    assert.match(book.load('{"scenes":[{"name":"x","preset":"jazz"}]}')[0]!, /skipped/);
    assert.equal(book.names().length, 4);
  });
});
