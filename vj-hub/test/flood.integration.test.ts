import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { CLOSE_CODES } from '@audioviz/shared-types';
import { FakePlugin } from './helpers/fake-plugin';
import { connectDj, frame, startTestHub, type TestHub } from './helpers/test-hub';
import { eventually } from './helpers/ws-client';

const FLOOD = 10_000;
/** Heap growth allowed over a whole flood: far below what keeping every message would take. */
const MAX_HEAP_GROWTH_BYTES = 64 * 1024 * 1024;

/** The n-th malformed message: broken JSON, wrong shapes, unknown types, hostile values. */
function malformed(n: number): string {
  const variants = [
    () => '{"type":',
    () => 'null',
    () => '[1,2,3]',
    () => `"just a string ${n}"`,
    () => JSON.stringify({ type: `no_such_${n}` }),
    () => JSON.stringify({ type: 42 }),
    () => JSON.stringify({ ...frame(n), bands: [1, 2, 3] }),
    () => JSON.stringify({ ...frame(n), seq: -1 }),
    () => JSON.stringify({ type: 'set_band_sensitivity', band: 99, sensitivity: 'x' }),
    () => JSON.stringify({ type: 'set_pattern', pattern: '../../etc/passwd' }),
    () => JSON.stringify({ type: 'dj_heartbeat', ts: 'now' }),
    () =>
      JSON.stringify({
        __proto__: { polluted: true },
        type: 'get_state',
        constructor: { prototype: { x: 1 } },
        extra: 'x'.repeat(n % 2000),
      }),
  ];
  return variants[n % variants.length]!();
}

/** How many of 0 … n−1 satisfy `test`. */
function countOf(n: number, test: (i: number) => boolean): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (test(i)) count++;
  return count;
}

describe(`floods of ${FLOOD} malformed messages`, function () {
  this.timeout(60_000);
  let t: TestHub | undefined;
  let plugin: FakePlugin | undefined;
  afterEach(async () => {
    await t?.close();
    await plugin?.kill();
    t = undefined;
    plugin = undefined;
  });

  it(':9000 answers every one with an error (refused frames in summary), stays up and keeps serving the DJ', async () => {
    t = await startTestHub();
    const dj = await connectDj(t, 'a');
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < FLOOD; i++) dj.send(malformed(i));
    // Variants 6 and 7 are broken frames: counted and reported in one rate-limited notice, not one error each.
    const brokenFrames = countOf(FLOOD, (n) => n % 12 === 6 || n % 12 === 7);
    const answered = FLOOD - brokenFrames - countOf(FLOOD, (n) => n % 12 === 11);
    const errors = await dj.count('error', answered + 1, 30_000);
    assert.equal(errors.filter((e) => e['code'] === 'FRAMES_REFUSED').length, 1);
    await eventually(
      () => t!.hub.store.djs.get('a')?.framesRefused === brokenFrames,
      'every broken frame counted',
    );
    dj.send({ type: 'dj_heartbeat', ts: 1 });
    await dj.next('heartbeat_ack');
    assert.ok(process.memoryUsage().heapUsed - heapBefore < MAX_HEAP_GROWTH_BYTES);
    assert.equal(t.hub.health().current_djs, 1);
  });

  it(':9000 closes every unauthenticated socket that opens with garbage with 4002 or 4003', async () => {
    t = await startTestHub();
    const codes = new Set<number>();
    for (let i = 0; i < 100; i++) {
      const dj = await t.dj();
      dj.send(malformed(i));
      codes.add((await dj.closedWith()).code);
    }
    assert.deepEqual([...codes].sort(), [CLOSE_CODES.INVALID_MESSAGE, CLOSE_CODES.AUTH_REQUIRED]);
    await connectDj(t, 'still-works');
  });

  it(':8766 answers every one (an error or "Rate limited"), stays up and keeps serving the browser', async () => {
    t = await startTestHub();
    const b = await t.browser();
    await b.next('vj_state');
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < FLOOD; i++) b.send(malformed(i));
    // Every message gets an answer: an error, or (for the one valid variant) vj_state.
    await eventually(
      () => b.received.filter((m) => m.type === 'error' || m.type === 'vj_state').length >= FLOOD,
      'every answer',
      30_000,
    );
    assert.ok(b.received.some((e) => e['message'] === 'Rate limited'));
    assert.ok(b.received.some((e) => e['code'] === 'INVALID_FIELD'));
    t.clock.advance(1000);
    b.send({ type: 'list_scenes' });
    await b.next('scenes_list');
    assert.ok(process.memoryUsage().heapUsed - heapBefore < MAX_HEAP_GROWTH_BYTES);
  });

  it('a Minecraft server that floods the hub with garbage is counted and ignored, the link stays up', async () => {
    plugin = new FakePlugin();
    await plugin.start();
    t = await startTestHub({ minecraft: [{ url: `ws://127.0.0.1:${plugin.port}`, token: null }] });
    await eventually(() => t!.hub.health().mc_connected, 'the link');
    for (let i = 0; i < FLOOD; i++) plugin.broadcast(malformed(i));
    await eventually(
      () => t!.hub.store.health.rejected.minecraft >= FLOOD - 2 * Math.ceil(FLOOD / 12),
      'the flood to be read',
      30_000,
    );
    assert.equal(t.hub.health().mc_connected, true);
  });

  it(':8080 answers every malformed request with an error status and keeps serving /health', async () => {
    t = await startTestHub();
    const port = t.hub.ports.http;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const bad = (n: number): { method: string; path: string } => {
      const variants = [
        { method: 'POST', path: '/health' },
        { method: 'DELETE', path: '/' },
        { method: 'GET', path: `/../../etc/passwd?${n}` },
        { method: 'GET', path: `/%2e%2e/%2e%2e/${n}` },
        { method: 'GET', path: '/%E0%A4%A' },
        { method: 'GET', path: `/${'x'.repeat(3000)}` },
        { method: 'PUT', path: `/no/such/${n}` },
        { method: 'GET', path: `/index.html%00${n}` },
      ];
      return variants[n % variants.length]!;
    };
    const heapBefore = process.memoryUsage().heapUsed;
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < FLOOD) {
        const { method, path } = bad(next++);
        const status = await new Promise<number>((resolve, reject) => {
          const req = http.request({ host: '127.0.0.1', port, method, path, agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          });
          req.on('error', reject);
          req.end();
        });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    agent.destroy();
    assert.deepEqual([...statuses.keys()].sort(), [404, 405, 414]);
    assert.equal(
      [...statuses.values()].reduce((a, b) => a + b, 0),
      FLOOD,
    );
    for (let i = 0; i < 20; i++) {
      const reply = await new Promise<string>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write(`\x00garbage ${i}\r\n\r\n`));
        let text = '';
        socket.on('data', (d) => (text += d.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', () => resolve(text));
      });
      assert.match(reply, /^HTTP\/1\.1 400/);
    }
    const health = await new Promise<number>((resolve) =>
      http.get({ host: '127.0.0.1', port, path: '/health' }, (res) => resolve(res.statusCode ?? 0)),
    );
    assert.equal(health, 200);
    assert.ok(process.memoryUsage().heapUsed - heapBefore < MAX_HEAP_GROWTH_BYTES);
  });
});
