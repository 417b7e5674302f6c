// hub.* figures (docs/design.md budgets): DJ frame → audio_state at a Minecraft socket (p99), state delivery lag to
// 200 browsers at 20 Hz (p99, clients in a second process so the hub has its own core), and memory per idle
// browser connection. Real sockets on loopback; the system clock.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocket, WebSocketServer } from 'ws';
import { createEngine } from '@audioviz/scripts';
import { createPreviewEngine } from '../src/show/preview-engine';
import { silentLogger, startHub } from '../src';
import { measureMedianMs, percentile, report } from '../../tools/measure.cjs';

const BROWSERS = 200;
const LAG_SECONDS = 10;
const FORWARD_SAMPLES = 300;
/** Just over the 20 Hz forward window, so every frame is forwarded at once rather than coalesced. */
const FORWARD_SPACING_MS = 55;

/**
 * One clock for both processes: the system's monotonic clock (`hrtime`). `performance.timeOrigin` differs
 * between two processes by a few ms, which put receipts before their publish.
 */
const sharedClockMs = (): number => Number(process.hrtime.bigint()) / 1e6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * Identifies a `state` by a hash of its whole text. Its tail alone (bands, beat, phase…) repeats whenever the
 * DJ's frames do: the bench's frames cycle every half second, which paired states with the wrong publish.
 */
const keyOf = (data: string | Buffer): string => createHash('sha1').update(data).digest('base64');

/** The latest of ascending `times` not after `at`, or undefined. */
function latestAtOrBefore(times: number[], at: number): number | undefined {
  let found: number | undefined;
  for (const t of times) {
    if (t > at) break;
    found = t;
  }
  return found;
}

function frame(seq: number): string {
  const level = 0.5 + 0.4 * Math.sin(seq / 5);
  return JSON.stringify({
    type: 'dj_audio_frame',
    seq,
    ts: seq / 60,
    bands: [level, level * 0.9, level * 0.8, level * 0.7, level * 0.6],
    peak: level,
    beat: seq % 30 === 0,
    beat_i: seq % 30 === 0 ? 1 : 0,
    bpm: 128,
    tempo_conf: 0.9,
    beat_phase: (seq % 30) / 30,
    i_bass: level,
    i_kick: seq % 30 === 0,
  });
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

const STAGE = {
  name: 'stage',
  world: 'world',
  origin: { x: 0, y: 64, z: 0 },
  size: { x: 16, y: 16, z: 16 },
  rotation: 0,
  entity_count: 256,
  pattern: 'bars',
};

async function forwardLatency(): Promise<void> {
  const plugin = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => plugin.once('listening', r));
  const arrivals: number[] = [];
  plugin.on('connection', (ws) => {
    ws.send(JSON.stringify({ type: 'connected', version: '1.0.0', server_type: 'standalone' }));
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('{"type":"audio_state"')) arrivals.push(performance.now());
    });
  });
  const port = (plugin.address() as AddressInfo).port;
  const hub = await startHub(
    {
      host: '127.0.0.1',
      djPort: 0,
      browserPort: 0,
      httpPort: 0,
      noAuth: true,
      minecraft: [{ url: `ws://127.0.0.1:${port}`, token: null }],
    },
    { logger: silentLogger, createEngine: null },
  );
  while (!hub.health().mc_connected) await sleep(10);
  const dj = await open(`ws://127.0.0.1:${hub.ports.dj}`);
  dj.send(JSON.stringify({ type: 'dj_auth', dj_id: 'bench', dj_key: 'k', dj_name: 'Bench' }));
  await new Promise((r) => dj.once('message', r));
  await sleep(100);
  const latencies: number[] = [];
  for (let i = 0; i < FORWARD_SAMPLES + 20; i++) {
    const before = arrivals.length;
    const sent = performance.now();
    dj.send(frame(i));
    while (arrivals.length === before) await new Promise((r) => setImmediate(r));
    if (i >= 20) latencies.push(arrivals[before]! - sent);
    await sleep(FORWARD_SPACING_MS);
  }
  report('hub.forward_p99_ms', percentile(latencies, 0.99), 'ms', { max: 2 });
  report('hub.forward_p50_ms', percentile(latencies, 0.5), 'ms');
  dj.close();
  await hub.close();
  await new Promise((r) => plugin.close(r));
}

async function browserLag(): Promise<void> {
  const hub = await startHub(
    { host: '127.0.0.1', djPort: 0, browserPort: 0, httpPort: 0, noAuth: true, maxBrowsers: BROWSERS + 10 },
    { logger: silentLogger, createEngine },
  );
  if (hub.store.zones.length === 0) hub.store.setZones([STAGE]);
  // The publish time is taken as the tick hands the state over, before the hub's own listener sends it to 200
  // sockets (which takes a few ms): a listener of ours would run after that, and early receipts would precede it.
  // Identical states (an idle show) share a key, so every publish time is kept and a receipt is paired with the
  // latest one before it.
  const published = new Map<string, number[]>();
  const preview = hub.store.events.preview;
  const emit = preview.emit.bind(preview);
  preview.emit = (state) => {
    const at = sharedClockMs();
    emit(state);
    const key = keyOf(state.text);
    const times = published.get(key);
    if (times) times.push(at);
    else published.set(key, [at]);
  };

  const child = fork(__filename, ['clients'], {
    execArgv: ['-r', 'ts-node/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const fromChild = <T>(type: string) =>
    new Promise<T>((resolve) =>
      child.on('message', (m: { type: string } & T) => m.type === type && resolve(m)),
    );
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

  gc();
  const memBefore = process.memoryUsage();
  child.send({ type: 'connect', browserPort: hub.ports.browser, djPort: hub.ports.dj, count: BROWSERS });
  await fromChild('connected');
  await sleep(1000);
  gc();
  const memAfter = process.memoryUsage();
  const heapPer =
    (memAfter.heapUsed + memAfter.arrayBuffers - memBefore.heapUsed - memBefore.arrayBuffers) / BROWSERS;
  report('hub.memory_per_idle_browser_kb', heapPer / 1024, 'KiB');

  child.send({ type: 'stream' });
  await sleep(LAG_SECONDS * 1000);
  child.send({ type: 'report' });
  const { receipts } = await fromChild<{ receipts: [string, number][] }>('receipts');
  const lags: number[] = [];
  for (const [key, at] of receipts) {
    const sentAt = latestAtOrBefore(published.get(key) ?? [], at);
    if (sentAt !== undefined) lags.push(at - sentAt);
  }
  const perSecond = receipts.length / BROWSERS / LAG_SECONDS;
  console.error(
    `  ${lags.length} of ${receipts.length} deliveries paired with their publish, ${perSecond.toFixed(1)} states/s per browser`,
  );
  report('hub.browser_lag_p99_ms', percentile(lags, 0.99), 'ms', { max: 25 });
  report('hub.browser_lag_p50_ms', percentile(lags, 0.5), 'ms');
  report('hub.browser_state_rate_hz', perSecond, 'Hz');
  child.kill();
  await hub.close();
}

/** Child process: 200 browsers that answer pings and timestamp every state, plus one DJ streaming at 60 fps. */
function runClients(): void {
  const receipts: [string, number][] = [];
  const sockets: WebSocket[] = [];
  let djPort = 0;
  process.on(
    'message',
    async (m: { type: string; browserPort?: number; djPort?: number; count?: number }) => {
      if (m.type === 'connect') {
        djPort = m.djPort!;
        for (let i = 0; i < m.count!; i++) {
          const ws = await open(`ws://127.0.0.1:${m.browserPort}`);
          ws.on('message', (data: Buffer) => {
            const at = sharedClockMs();
            // Decode only the head and hash the rest: the clients must not steal the hub's core by parsing 200 copies.
            const head = data.subarray(0, 16).toString();
            if (head.startsWith('{"type":"state"')) receipts.push([keyOf(data), at]);
            else if (head.startsWith('{"type":"ping"')) ws.send('{"type":"pong"}');
          });
          sockets.push(ws);
        }
        process.send!({ type: 'connected' });
      } else if (m.type === 'stream') {
        receipts.length = 0;
        const dj = await open(`ws://127.0.0.1:${djPort}`);
        dj.send(JSON.stringify({ type: 'dj_auth', dj_id: 'bench', dj_key: 'k', dj_name: 'Bench' }));
        let seq = 0;
        setInterval(() => dj.send(frame(seq++)), 1000 / 60);
      } else if (m.type === 'report') {
        process.send!({ type: 'receipts', receipts });
      }
    },
  );
}

/** Hub-side cost of one preview tick: engine tick, entity read-out and the `state` text, default 128-entity stage. */
function previewTickCost(): void {
  let zones: string[] = [];
  const engine = createPreviewEngine({
    clock: { now: () => performance.now() },
    logger: silentLogger,
    dataDir: null,
    createEngine,
    onZones: (z) => (zones = z.map((x) => x.name)),
  });
  engine.ensureDefaultZone();
  let seq = 0;
  const ms = measureMedianMs(() => {
    engine.audio({
      type: 'audio_state',
      bands: [0.5, 0.4, 0.3, 0.2, 0.1],
      amplitude: 0.5,
      is_beat: seq++ % 10 === 0,
      beat_intensity: 1,
      bpm: 128,
    });
    engine.tick();
    JSON.stringify(engine.entities(zones));
  }, 500);
  report('hub.preview_tick_ms', ms, 'ms');
  engine.dispose();
}

if (process.argv[2] === 'clients') runClients();
else
  void (async () => {
    previewTickCost();
    await forwardLatency();
    await browserLag();
    process.exit(0);
  })();
