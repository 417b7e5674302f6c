import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_SCENES, SceneBook, type Scene } from '../../src/store/scene-book';

const scene: Scene = {
  patterns: { stage: 'bars' },
  preset: 'edm',
  band_sensitivity: [1, 1, 1, 1, 1],
  transition_duration: 1,
};

describe('scene-book', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-scenes-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps scenes across restarts when given a file', () => {
    const file = path.join(dir, 'scenes.json');
    new SceneBook(file).save('drop', scene);
    assert.deepEqual(new SceneBook(file).get('drop'), scene);
    assert.deepEqual(fs.readdirSync(dir), ['scenes.json']);
  });

  it('starts empty, leaving a damaged file untouched', () => {
    const file = path.join(dir, 'scenes.json');
    fs.writeFileSync(file, '{oops');
    assert.deepEqual(new SceneBook(file).names(), []);
    assert.equal(fs.readFileSync(file, 'utf8'), '{oops');
  });

  it('refuses a new scene past the limit but still replaces an existing one', () => {
    const book = new SceneBook(null);
    for (let i = 0; i < MAX_SCENES; i++) book.save(`s${i}`, scene);
    assert.throws(() => book.save('one-more', scene), /delete one first/);
    book.save('s0', { ...scene, preset: 'chill' });
    assert.equal(book.get('s0')?.preset, 'chill');
  });
});
