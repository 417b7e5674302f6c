import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveStaticFile } from '../../src/http/static-files';

describe('static-files', () => {
  let base: string;
  let root: string;
  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-static-'));
    root = path.join(base, 'public');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<h1>panel</h1>');
    fs.writeFileSync(path.join(root, 'preview.html'), 'preview');
    fs.mkdirSync(path.join(root, 'dj'));
    fs.writeFileSync(path.join(root, 'dj', 'index.html'), 'dj');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'x');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link.txt'));
  });
  after(() => fs.rmSync(base, { recursive: true, force: true }));

  it('maps the page routes to their files', () => {
    assert.equal(resolveStaticFile(root, '/')?.file, path.join(fs.realpathSync(root), 'index.html'));
    assert.equal(path.basename(resolveStaticFile(root, '/preview')!.file), 'preview.html');
    assert.equal(resolveStaticFile(root, '/dj/')?.file, path.join(fs.realpathSync(root), 'dj', 'index.html'));
    assert.equal(resolveStaticFile(root, '/assets/app.js')?.contentType, 'text/javascript; charset=utf-8');
  });

  for (const [i, attempt] of [
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..\\secret.txt',
    '/index.html%00.js',
    '/link.txt',
    '/%E0%A4%A',
    '/assets',
  ].entries()) {
    it(`refuses a path outside the web folder or not a file (${i + 1}/10): ${attempt}`, () => {
      assert.equal(resolveStaticFile(root, attempt), null);
    });
  }

  it('answers null when the web UI is not built', () => {
    assert.equal(resolveStaticFile(path.join(base, 'missing'), '/'), null);
  });
});
