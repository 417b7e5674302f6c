// shared-types is bundled into the in-game engine: it must load and validate inside a bare JavaScript
// context with no Node or DOM globals, the environment GraalJS gives.
import assert from 'node:assert/strict';
import path from 'node:path';
import vm from 'node:vm';
import { buildSync } from 'esbuild';

describe('shared-types in a bare JavaScript engine', () => {
  it('bundles, loads in an empty node:vm context, and validates', () => {
    const entry = `
      import { pluginValidator, Backoff, seededRandom, VIZ_CLIENT_POLICY } from './src/index';
      const ok = pluginValidator.parse('{"type":"audio_state","bands":[0.1,0.2,0.3,0.4,0.5],"amplitude":0.5,"is_beat":true,"beat_intensity":1,"bpm":128}');
      const bad = pluginValidator.parse('{"type":"batch_update","zone":"main","entities":[{"id":"block_0","x":0,"y":0,"z":0,"scale":9}]}');
      const backoff = new Backoff(VIZ_CLIENT_POLICY.backoff, seededRandom(1));
      globalThis.result = { ok: ok.ok, error: bad.ok ? null : bad.error.message, delay: backoff.next() };
    `;
    const out = buildSync({
      stdin: { contents: entry, resolveDir: path.join(__dirname, '..'), loader: 'ts' },
      bundle: true,
      format: 'iife',
      platform: 'neutral',
      mainFields: ['main', 'module'],
      write: false,
      logLevel: 'silent',
    });
    const context = vm.createContext(Object.create(null));
    vm.runInContext(out.outputFiles[0]!.text, context);
    const result = vm.runInContext('result', context) as { ok: boolean; error: string; delay: number };
    assert.equal(result.ok, true);
    assert.equal(result.error, 'batch_update.entities[0].scale: expected number ≤ 4, got 9');
    assert.ok(result.delay >= 900 && result.delay <= 1100);
    assert.equal(
      vm.runInContext('typeof process + typeof setTimeout + typeof window', context),
      'undefinedundefinedundefined',
    );
  });
});
