import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DjKeysError, loadDjKeys, parseDjKeys, upsertDjKey } from '../../src/auth/dj-keys';
import { verifySecret } from '../../src/auth/secret-hash';

describe('dj-keys', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-keys-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the file with a hash that verifies, never the key itself', async () => {
    const file = path.join(dir, 'keys.json');
    await upsertDjKey(file, 'dj_one', 's3cret-key', 'DJ One');
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(!text.includes('s3cret-key'));
    const keys = loadDjKeys(file);
    assert.equal(keys.djs['dj_one']?.name, 'DJ One');
    assert.equal(await verifySecret('s3cret-key', keys.djs['dj_one']!.key_hash), true);
    assert.equal((fs.statSync(file).mode & 0o777).toString(8), '600');
  });

  it('replaces one entry and keeps the others', async () => {
    const file = path.join(dir, 'keys.json');
    await upsertDjKey(file, 'a', 'key-a');
    await upsertDjKey(file, 'b', 'key-b', 'Bee');
    await upsertDjKey(file, 'a', 'key-a2');
    const keys = loadDjKeys(file);
    assert.deepEqual(Object.keys(keys.djs).sort(), ['a', 'b']);
    assert.equal(await verifySecret('key-a2', keys.djs['a']!.key_hash), true);
    assert.equal(await verifySecret('key-a', keys.djs['a']!.key_hash), false);
    assert.equal(keys.djs['b']!.name, 'Bee');
    assert.deepEqual(fs.readdirSync(dir), ['keys.json'], 'no temp file left behind');
  });

  it('refuses a file with a plaintext key and says how to fix it', () => {
    assert.throws(
      () => parseDjKeys(JSON.stringify({ djs: { dj1: { name: 'x', key: 'plain' } } }), 'keys.json'),
      (err: Error) =>
        err instanceof DjKeysError &&
        /plaintext keys are refused/.test(err.message) &&
        /hash-key dj1/.test(err.message),
    );
    assert.throws(
      () => parseDjKeys(JSON.stringify({ djs: { dj1: { name: 'x', key_hash: 'plain' } } }), 'k'),
      DjKeysError,
    );
  });

  it('refuses broken JSON, a missing djs object and a bad DJ id', () => {
    assert.throws(() => parseDjKeys('{', 'k'), /not valid JSON/);
    assert.throws(() => parseDjKeys('{"x":1}', 'k'), /missing "djs"/);
    assert.throws(() => parseDjKeys('{"djs":{"bad id":{"key_hash":"x"}}}', 'k'), /does not match/);
  });

  it('says how to create a keys file that does not exist', () => {
    assert.throws(
      () => loadDjKeys(path.join(dir, 'none.json')),
      /not found; create it with "audioviz-hub hash-key/,
    );
  });

  it('refuses an invalid DJ id or an empty key when adding', async () => {
    await assert.rejects(upsertDjKey(path.join(dir, 'k.json'), 'no spaces', 'k'), DjKeysError);
    await assert.rejects(upsertDjKey(path.join(dir, 'k.json'), 'ok', ''), DjKeysError);
  });
});
