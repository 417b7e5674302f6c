// Builds the web UI into vj-hub/public/, which the hub serves on :8080:
//   /            index.html   admin panel
//   /preview     preview.html 3D preview (also preview/index.html)
//   /dj          dj.html      remote DJ page (also dj/index.html)
//   /assets/*    bundles, worklet and stylesheet
// Usage: node web/build.mjs [--dev]   (--dev: no minification)
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(webDir, '..', 'public');
const dev = process.argv.includes('--dev');

if (process.argv.includes('--help')) {
  console.log(
    'node web/build.mjs [--dev]  builds the admin panel, 3D preview and DJ page into vj-hub/public/',
  );
  process.exit(0);
}

/** Page file → the HTML template it is written from; the pages are also reachable without ".html". */
const PAGES = {
  'index.html': 'index.html',
  'preview.html': 'preview.html',
  'preview/index.html': 'preview.html',
  'dj.html': 'dj.html',
  'dj/index.html': 'dj.html',
};

const started = performance.now();
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(path.join(outDir, 'assets'), { recursive: true });

try {
  await esbuild.build({
    entryPoints: {
      panel: path.join(webDir, 'src/panel/main.ts'),
      preview: path.join(webDir, 'src/preview/main.ts'),
      dj: path.join(webDir, 'src/dj/main.ts'),
      'dj-capture-worklet': path.join(webDir, 'src/dj/capture-worklet.ts'),
    },
    outdir: path.join(outDir, 'assets'),
    bundle: true,
    // Shared code (protocol constants, the link, three.js for panel and preview) goes into common chunks.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: !dev,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
    tsconfig: path.join(webDir, 'tsconfig.json'),
  });
} catch {
  console.error('vj-hub web: the bundle failed to build (errors above); public/ is incomplete.');
  process.exit(1);
}

for (const [target, template] of Object.entries(PAGES)) {
  const file = path.join(outDir, target);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(path.join(webDir, 'static', template), file);
}
fs.copyFileSync(path.join(webDir, 'static', 'style.css'), path.join(outDir, 'assets', 'style.css'));
console.log(
  `vj-hub web: built ${path.relative(process.cwd(), outDir)} in ${Math.round(performance.now() - started)} ms`,
);
