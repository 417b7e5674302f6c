import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDjKeys } from '../src/auth/dj-keys';
import { verifySecret } from '../src/auth/secret-hash';

const CLI = path.join(__dirname, '..', 'dist', 'cli.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, timeout: 20_000 });

describe('audioviz-hub CLI', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cli-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is a bin with a shebang', () => {
    assert.match(fs.readFileSync(CLI, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    assert.equal(pkg.bin['audioviz-hub'], 'dist/cli.js');
  });

  it('prints help and exits 0', () => {
    const res = run(['--help']);
    assert.equal(res.status, 0);
    assert.match(res.stdout, /--minecraft URLS/);
    assert.match(res.stdout, /AUDIOVIZ_HUB_DJ_PORT/);
  });

  it('exits 2 with a message for an unknown flag or a bad value', () => {
    const bad = run(['--frobnicate']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /frobnicate/);
    assert.equal(run(['--dj-port', 'ninety']).status, 2);
  });

  it('hash-key creates the keys file with a hash, and --dj-keys loads it', async () => {
    const file = path.join(dir, 'keys.json');
    const res = run(['hash-key', 'dj_x', 'the-key', '--name', 'DJ X', '--file', file]);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /--dj-keys/);
    const keys = loadDjKeys(file);
    assert.equal(keys.djs['dj_x']?.name, 'DJ X');
    assert.equal(await verifySecret('the-key', keys.djs['dj_x']!.key_hash), true);
    assert.equal(run(['hash-key', 'dj_x']).status, 2);
  });

  it('hash-password prints a hash of the password from the argument or stdin', async () => {
    const fromArg = run(['hash-password', 'pw1']);
    assert.equal(fromArg.status, 0);
    assert.equal(await verifySecret('pw1', fromArg.stdout.trim()), true);
    const fromStdin = run(['hash-password'], 'pw2\n');
    assert.equal(await verifySecret('pw2', fromStdin.stdout.trim()), true);
  });

  it('refuses to start with a plaintext keys file, exit 1', () => {
    const file = path.join(dir, 'plain.json');
    fs.writeFileSync(file, JSON.stringify({ djs: { a: { name: 'A', key: 'plain' } } }));
    const res = run(['--dj-keys', file, '--dj-port', '0', '--browser-port', '0', '--http-port', '0']);
    assert.equal(res.status, 1);
    assert.match(res.stderr, /plaintext keys are refused/);
  });

  it('starts, logs JSON lines, and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [CLI, '--host', '127.0.0.1', '--dj-port', '0', '--browser-port', '0', '--http-port', '0', '--no-auth'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let log = '';
    child.stderr.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: string) => {
        log += chunk;
        if (log.includes('"hub started"')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${log}`)));
    });
    const started = log.split('\n').find((l) => l.includes('"hub started"'))!;
    const line = JSON.parse(started) as Record<string, unknown>;
    assert.equal(line['level'], 'info');
    assert.ok((line['http_port'] as number) > 0);
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
  });
});
