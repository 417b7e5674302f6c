// engine.* figures (docs/design.md "Budgets"): one engine tick with 1024 entities across 4 zones under busy music
// (median, ms), validating and applying one 1024-entity batch_update (median, ms), and heap growth over
// 10 000 ticks (KB, after a forced GC on both ends), and how fast a saved pattern is rebundled. Node, the
// engine from source.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/engine';
import type { Host } from '../src/host';
import { measureMedianMs, percentile, report } from '../../tools/measure.cjs';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function benchHost(): Host & { time: number } {
  const documents = new Map<string, string>();
  return {
    time: 0,
    now() {
      return this.time;
    },
    log: () => undefined,
    readDocument: (name) => documents.get(name) ?? null,
    writeDocument: (name, text) => void documents.set(name, text),
    send: () => undefined,
    announce: () => undefined,
  };
}

const standingAt = { world: 'world', x: 0, y: 64, z: 0, yaw: 0 };
const admin = { name: 'bench', permissions: ['audioviz.admin'], location: standingAt };

/** Busy music: every band moving, a beat every 9 ticks (≈133 BPM), a 32-bin spectrum, onsets. */
function audio(t: number): string {
  const beat = t % 9 === 0;
  const bands = [0, 1, 2, 3, 4].map((b) => 0.5 + 0.45 * Math.sin(t / (3 + b)));
  return JSON.stringify({
    type: 'audio_state',
    bands,
    amplitude: 0.5 + 0.4 * Math.sin(t / 4),
    is_beat: beat,
    beat_intensity: beat ? 1 : 0,
    bpm: 133,
    beat_phase: (t % 9) / 9,
    spectrum: Array.from({ length: 32 }, (_, i) => 0.5 + 0.45 * Math.sin(t / 5 + i)),
    onsets: { kick: beat, snare: t % 18 === 9, hat: t % 3 === 0 },
  });
}

function showEngine() {
  const host = benchHost();
  const engine = createEngine(host, { seed: 1 });
  engine.clientConnected('hub', true);
  const patterns = ['bars', 'circle', 'galaxy', 'supernova'];
  for (let z = 0; z < 4; z++) {
    engine.command(admin, ['zone', 'create', `zone${z}`, 'arena', 'world', String(z * 20), '64', '0']);
    engine.command(admin, ['pool', 'init', `zone${z}`, '256']);
    engine.command(admin, ['pattern', 'set', patterns[z]!, `zone${z}`, '0']);
  }
  let t = 0;
  const tick = (): void => {
    engine.enqueue('hub', audio(t++));
    host.time += 50;
    engine.tick();
  };
  for (let i = 0; i < 200; i++) tick(); // pools spawned, JIT warm
  return { engine, tick };
}

// engine.tick_ms_1024
{
  const { engine, tick } = showEngine();
  if (engine.status().entities !== 1024)
    throw new Error(`expected 1024 entities, got ${engine.status().entities}`);
  report('engine.tick_ms_1024', measureMedianMs(tick, 2000, 200), 'ms', { max: 0.5 });
}

// engine.batch_ms_1024
{
  const host = benchHost();
  const engine = createEngine(host, { maxEntitiesPerZone: 1024 });
  engine.clientConnected('renderer', true);
  engine.command(admin, ['zone', 'create', 'ext', 'arena', 'world', '0', '64', '0']);
  engine.command(admin, ['pool', 'init', 'ext', '1024']);
  for (let i = 0; i < 20; i++) {
    host.time += 50;
    engine.tick();
  }
  const batch = (phase: number): string =>
    JSON.stringify({
      type: 'batch_update',
      zone: 'ext',
      entities: Array.from({ length: 1024 }, (_, i) => ({
        id: `block_${i}`,
        x: (i % 32) / 32,
        y: 0.5 + 0.4 * Math.sin(i / 10 + phase),
        z: Math.floor(i / 32) / 32,
        scale: 0.5 + 0.3 * Math.cos(i / 7 + phase),
        rotation: (i * 3 + phase * 40) % 360,
        band: i % 5,
        visible: true,
        glow: i % 2 === 0,
        brightness: 15,
        interpolation: 2,
      })),
    });
  const texts = [batch(0), batch(1)];
  let n = 0;
  const apply = (): void => {
    engine.enqueue('renderer', texts[n++ % 2]!);
    host.time += 50;
    engine.tick();
  };
  report('engine.batch_ms_1024', measureMedianMs(apply, 500, 50), 'ms', { max: 1 });
}

// engine.heap_growth_kb_10000_ticks
{
  const { tick } = showEngine();
  for (let i = 0; i < 500; i++) tick();
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  for (let i = 0; i < 10_000; i++) tick();
  const took = performance.now() - started;
  gc();
  const growthKb = (process.memoryUsage().heapUsed - before) / 1024;
  report('engine.heap_growth_kb_10000_ticks', Math.round(growthKb), 'KB', { max: 1024 });
  report('engine.tick_ms_1024_mean_10000', took / 10_000, 'ms');
}

// engine.pattern_rebuild_ms: save of a pattern source → its bundle rewritten, through `bundle.mjs --watch`
// (the `npm run patterns:watch` path), median of 10 saves.
void (async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audioviz-rebuild-'));
  const source = (n: number): string =>
    `export default { meta: { id: 'probe', name: 'v${n}', category: 'test', recommendedEntities: 1, params: {} }, create: () => null, calculate: () => undefined };\n`;
  fs.writeFileSync(path.join(dir, 'probe.ts'), source(0));
  const watcher = spawn(process.execPath, [
    path.join(__dirname, '..', 'bundle.mjs'),
    '--watch',
    '--patterns',
    dir,
    '--out',
    dir,
  ]);
  let lines: string[] = [];
  watcher.stdout.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n')));
  const waitFor = async (test: (line: string) => boolean): Promise<void> => {
    while (!lines.some(test)) await new Promise((r) => setTimeout(r, 2));
  };
  try {
    await waitFor((l) => l.startsWith('watching'));
    const times: number[] = [];
    for (let n = 1; n <= 10; n++) {
      lines = [];
      const started = performance.now();
      fs.writeFileSync(path.join(dir, 'probe.ts'), source(n));
      await waitFor((l) => l.startsWith('rebuilt'));
      times.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 100));
    }
    report('engine.pattern_rebuild_ms', percentile(times, 0.5), 'ms', { max: 500 });
  } finally {
    watcher.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();
