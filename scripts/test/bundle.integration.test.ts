/**
 * The built bundles in the environment GraalJS gives: a fresh node:vm context with an empty global (no
 * console, process, require, timers). The engine bundle must set `globalThis.AudioVizEngine` and drive a
 * zone; a pattern bundle must hot-load through `loadPatternSource`.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import type { CreateEngine } from '../src/engine-api';
import { audioFrame, RecordingHost, sender } from './recording-host';

const scripts = path.join(__dirname, '..');

describe('bundles in a bare JavaScript context', function () {
  this.timeout(60_000);
  let api: { createEngine: CreateEngine; ENGINE_VERSION: string };

  before(() => {
    execFileSync(process.execPath, [path.join(scripts, 'bundle.mjs')], { cwd: scripts, stdio: 'pipe' });
    const context = vm.createContext({});
    vm.runInContext(fs.readFileSync(path.join(scripts, 'bundle', 'engine.js'), 'utf8'), context, {
      filename: 'engine.js',
    });
    api = vm.runInContext('globalThis.AudioVizEngine', context) as typeof api;
    assert.equal(
      vm.runInContext('[typeof process, typeof require, typeof setTimeout, typeof window].join()', context),
      'undefined,undefined,undefined,undefined',
    );
  });

  it('publishes createEngine and ENGINE_VERSION', () => {
    assert.equal(typeof api.createEngine, 'function');
    assert.match(api.ENGINE_VERSION, /^\d+\.\d+\.\d+$/);
  });

  it('drives a zone: commands, audio, ticks and a typed-array diff', () => {
    const host = new RecordingHost();
    const engine = api.createEngine(host, { seed: 3 });
    engine.clientConnected('hub', true);
    assert.equal(engine.command(sender(), ['zone', 'create', 'vm', 'small_stage']).ok, true);
    assert.equal(engine.command(sender(), ['pool', 'init', 'vm', '48']).ok, true);
    for (let t = 0; t < 100; t++) {
      engine.enqueue('hub', audioFrame(t % 10 === 0, 0.7));
      host.time += 50;
      const frame = engine.tick();
      assert.equal(Object.prototype.toString.call(frame?.frames[0]), '[object ArrayBuffer]');
      host.apply(frame);
    }
    assert.equal(host.entities('vm').length, 48);
    assert.ok(host.entities('vm').some((e) => e.scale > 0.05));
    engine.enqueue('hub', JSON.stringify({ type: 'ping', _seq: 1 }));
    engine.tick();
    assert.equal(host.take('hub').find((m) => m['_seq'] === 1)?.['type'], 'pong');
  });

  it('hot-loads a built pattern bundle', () => {
    const host = new RecordingHost();
    const engine = api.createEngine(host);
    const source = fs.readFileSync(path.join(scripts, 'bundle', 'patterns', 'circle.js'), 'utf8');
    assert.equal(engine.loadPatternSource('circle.js', source), null);
    assert.match(host.logged('circle', 'info')[0]!, /pattern "circle" loaded from circle.js/);
  });

  it('writes one CommonJS bundle per pattern exporting it as default', () => {
    const files = fs.readdirSync(path.join(scripts, 'bundle', 'patterns'));
    assert.ok(files.includes('bars.js') && files.includes('circle.js'));
    const module = { exports: {} as { default?: { meta?: { id?: string } } } };
    vm.runInNewContext(fs.readFileSync(path.join(scripts, 'bundle', 'patterns', 'bars.js'), 'utf8'), {
      module,
      exports: module.exports,
    });
    assert.equal(module.exports.default?.meta?.id, 'bars');
  });

  it('rebuilds a pattern bundle when its source is saved (patterns:watch)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audioviz-watch-'));
    const source = (marker: string): string =>
      `export default { meta: { id: 'probe', name: '${marker}', category: 'test', recommendedEntities: 1, params: {} }, create: () => null, calculate: () => undefined };\n`;
    fs.writeFileSync(path.join(dir, 'probe.ts'), source('first'));
    const child = spawn(process.execPath, [
      path.join(scripts, 'bundle.mjs'),
      '--watch',
      '--patterns',
      dir,
      '--out',
      path.join(dir, 'out'),
    ]);
    let output = '';
    const waitFor = (pattern: RegExp): Promise<void> =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (pattern.test(output)) resolve();
        };
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          check();
        });
        child.on('exit', () => reject(new Error(`the watcher exited:\n${output}`)));
        check();
      });
    try {
      await waitFor(/watching .*\(1 patterns\)/);
      fs.writeFileSync(path.join(dir, 'probe.ts'), source('second'));
      await waitFor(/rebuilt [^\n]*probe\.js[^\n]*\n[\s\S]*rebuilt [^\n]*probe\.js/);
      assert.match(fs.readFileSync(path.join(dir, 'out', 'patterns', 'probe.js'), 'utf8'), /name: "second"/);
    } finally {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
