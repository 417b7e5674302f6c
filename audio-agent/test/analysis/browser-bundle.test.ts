import assert from 'node:assert/strict';
import path from 'node:path';
import vm from 'node:vm';
import { buildSync } from 'esbuild';

const entry = path.join(__dirname, '..', '..', 'src', 'analysis', 'index.ts');

describe('@audioviz/agent/analysis in a browser bundle', () => {
  it('bundles for the browser and runs in a context with no Node or DOM globals', () => {
    const bundle = buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'analysis',
      write: false,
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]!.text;
    // An empty global: no process, require, Buffer, setTimeout, window or document.
    const context = vm.createContext({});
    vm.runInContext(`${code}\nthis.analysis = analysis;`, context);
    const run = vm.runInContext(
      `(() => {
        const a = new analysis.AudioAnalyzer({ sampleRate: 48000 });
        const r = analysis.createAnalysisResult();
        const samples = new Float32Array(48000);
        for (let i = 0; i < samples.length; i++) samples[i] = Math.sin(2 * Math.PI * 100 * i / 48000) * 0.5;
        let hops = 0;
        a.push(samples, 0, r, () => hops++);
        return { hops, bass: r.bands[0], fields: analysis.toFrameFields(r) };
      })()`,
      context,
    ) as { hops: number; bass: number; fields: { bands: number[] } };
    assert.equal(run.hops, 187);
    assert.ok(run.bass > 0.5);
    assert.equal(run.fields.bands.length, 5);
  });

  it('is exported as "./analysis" next to "." in package.json', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('../../package.json') as {
      exports: Record<string, { types: string; require: string }>;
    };
    assert.equal(pkg.exports['./analysis']!.require, './dist/analysis/index.js');
    assert.equal(pkg.exports['./analysis']!.types, './dist/analysis/index.d.ts');
    assert.equal(pkg.exports['.']!.require, './dist/index.js');
  });
});
