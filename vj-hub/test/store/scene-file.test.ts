import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_SCENES, type Scene } from '@audioviz/scripts';
import { SceneFile } from '../../src/store/scene-file';

const scene = (name: string): Scene => ({
  name,
  preset: 'edm',
  transitionS: 1,
  blackout: false,
  freeze: false,
  zones: { stage: { pattern: 'bars', params: { depth: 0.5 } } },
  bandSensitivity: [1, 1, 1.5, 1, 1],
});

describe('scene-file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-scenes-'));
    file = path.join(dir, 'scenes.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps scenes across restarts, in the document format a server keeps', () => {
    assert.equal(new SceneFile(file).save(scene('drop')), null);
    const again = new SceneFile(file);
    assert.deepEqual(again.problems, []);
    assert.deepEqual(again.book.get('drop'), scene('drop'));
    assert.deepEqual(fs.readdirSync(dir), ['scenes.json'], 'no temporary file left');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number; scenes: Scene[] };
    assert.equal(doc.version, 1);
    assert.deepEqual(doc.scenes, [scene('drop')]);
    assert.equal(again.delete('drop'), null);
    assert.equal(new SceneFile(file).book.get('drop'), undefined);
  });

  it('reads a file in the first format and rewrites it in the shared one on the next save', () => {
    const first = {
      drop: {
        patterns: { stage: 'bars', side: 'circle' },
        params: { stage: { depth: 0.5 } },
        preset: 'edm',
        band_sensitivity: [1, 1, 1.5, 1, 1],
        transition_duration: 1,
      },
      old: {
        patterns: { stage: 'galaxy' },
        preset: 'chill',
        band_sensitivity: [1, 1, 1, 1, 1],
        transition_duration: 3,
      },
    };
    fs.writeFileSync(file, JSON.stringify(first));
    const book = new SceneFile(file);
    assert.deepEqual(book.problems, []);
    assert.deepEqual(book.book.get('drop'), {
      ...scene('drop'),
      zones: { stage: { pattern: 'bars', params: { depth: 0.5 } }, side: { pattern: 'circle', params: {} } },
    });
    assert.equal(book.book.get('old')?.zones['stage']?.pattern, 'galaxy');
    book.save(scene('new'));
    const names = (JSON.parse(fs.readFileSync(file, 'utf8')) as { scenes: Scene[] }).scenes.map(
      (s) => s.name,
    );
    assert.deepEqual(names.sort(), ['drop', 'new', 'old']);
  });

  it('says what is wrong with a damaged file and keeps a copy before any save replaces it', () => {
    fs.writeFileSync(file, '{oops');
    const book = new SceneFile(file);
    assert.equal(book.problems.length, 1);
    assert.match(book.problems[0]!, /not valid JSON.*kept in .*scenes\.json\.unreadable/);
    assert.equal(book.book.names().length, 4, 'the built-in scenes are still there');
    book.save(scene('drop'));
    assert.equal(fs.readFileSync(`${file}.unreadable`, 'utf8'), '{oops');
  });

  it('skips one bad scene and keeps the others', () => {
    fs.writeFileSync(
      file,
      JSON.stringify({ version: 1, scenes: [scene('good'), { name: 'bad', preset: 'loud' }] }),
    );
    const book = new SceneFile(file);
    assert.equal(book.problems.length, 1);
    assert.match(book.problems[0]!, /"bad" is not a valid scene/);
    assert.ok(book.book.get('good'));
  });

  it('refuses a new scene past the limit but still replaces an existing one', () => {
    const book = new SceneFile(null);
    for (let i = 0; i < MAX_SCENES; i++) assert.equal(book.save(scene(`s${i}`)), null);
    assert.match(book.save(scene('one-more')) ?? '', /delete one first/);
    assert.equal(book.save({ ...scene('s0'), preset: 'chill' }), null);
    assert.equal(book.book.get('s0')?.preset, 'chill');
  });
});
