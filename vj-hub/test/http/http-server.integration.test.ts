import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { connectDj, startTestHub, type TestHub } from '../helpers/test-hub';
import { eventually } from '../helpers/ws-client';

/** A raw GET, so paths reach the server exactly as written (no client-side normalisation of `..`). */
function get(
  port: number,
  rawPath: string,
  method = 'GET',
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('http-server (:8080)', function () {
  let t: TestHub;
  let base: string;
  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-http-'));
    fs.mkdirSync(path.join(base, 'public', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(base, 'public', 'index.html'), '<title>panel</title>');
    fs.writeFileSync(path.join(base, 'public', 'preview.html'), '<title>preview</title>');
    fs.writeFileSync(path.join(base, 'public', 'dj.html'), '<title>dj</title>');
    fs.writeFileSync(path.join(base, 'public', 'assets', 'panel.js'), 'console.log(1)');
    fs.writeFileSync(path.join(base, 'keys.json'), '{"djs":{}}');
  });
  after(() => fs.rmSync(base, { recursive: true, force: true }));
  beforeEach(async () => (t = await startTestHub({ publicDir: path.join(base, 'public') })));
  afterEach(async () => t.close());

  it('GET /health has exactly the docs/protocol.md fields plus uptime', async () => {
    await connectDj(t, 'a');
    const b = await t.browser();
    await b.next('vj_state');
    t.clock.advance(2500);
    const res = await get(t.hub.ports.http, '/health');
    assert.equal(res.status, 200);
    assert.match(res.type, /^application\/json/);
    const body = JSON.parse(res.body) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), [
      'browser_connects',
      'browser_disconnects',
      'current_browsers',
      'current_djs',
      'dj_connects',
      'dj_disconnects',
      'mc_connected',
      'mc_reconnect_count',
      'uptime_s',
    ]);
    assert.equal(body['current_djs'], 1);
    assert.equal(body['current_browsers'], 1);
    assert.equal(body['dj_connects'], 1);
    assert.equal(body['mc_connected'], false);
    assert.equal(body['uptime_s'], 2.5);
  });

  it('GET /metrics is Prometheus text with the live figures', async () => {
    const dj = await connectDj(t, 'a');
    dj.close();
    await eventually(() => t.hub.health().dj_disconnects === 1, 'the disconnect');
    const res = await get(t.hub.ports.http, '/metrics');
    assert.equal(res.status, 200);
    assert.equal(res.type, 'text/plain; version=0.0.4; charset=utf-8');
    assert.ok(res.body.includes('\naudioviz_hub_dj_connects_total 1\n'));
    assert.ok(res.body.includes('\naudioviz_hub_dj_disconnects_total 1\n'));
    assert.ok(res.body.includes('\naudioviz_hub_current_djs 0\n'));
  });

  it('serves the three pages and their assets', async () => {
    for (const [route, title] of [
      ['/', 'panel'],
      ['/preview', 'preview'],
      ['/dj', 'dj'],
    ] as const) {
      const res = await get(t.hub.ports.http, route);
      assert.equal(res.status, 200, route);
      assert.equal(res.type, 'text/html; charset=utf-8');
      assert.equal(res.body, `<title>${title}</title>`);
    }
    const js = await get(t.hub.ports.http, '/assets/panel.js?v=3');
    assert.equal(js.type, 'text/javascript; charset=utf-8');
  });

  it('tells the pages where the sockets are', async () => {
    const res = await get(t.hub.ports.http, '/api/config');
    assert.deepEqual(JSON.parse(res.body), {
      browser_port: t.hub.ports.browser,
      dj_port: t.hub.ports.dj,
      auth_required: false,
    });
  });

  for (const [i, attempt] of [
    '/../keys.json',
    '/assets/../../keys.json',
    '/%2e%2e/keys.json',
    '/..%2fkeys.json',
    '/%2e%2e%2fkeys.json',
    '/assets/..%5c..%5ckeys.json',
  ].entries()) {
    it(`does not serve files outside the web folder (${i + 1}/6): ${attempt}`, async () => {
      const res = await get(t.hub.ports.http, attempt);
      assert.equal(res.status, 404);
      assert.ok(!res.body.includes('djs'));
    });
  }

  it('answers other methods with 405 and long URLs with 414', async () => {
    assert.equal((await get(t.hub.ports.http, '/health', 'POST')).status, 405);
    assert.equal((await get(t.hub.ports.http, `/${'a'.repeat(3000)}`)).status, 414);
  });

  it('answers 500 and keeps serving when a handler hits a bug', async () => {
    const store = t.hub.store;
    const original = store.healthSnapshot.bind(store);
    store.healthSnapshot = () => {
      throw new Error('simulated bug');
    };
    const broken = await get(t.hub.ports.http, '/health');
    assert.equal(broken.status, 500);
    assert.match(broken.body, /it was logged/);
    store.healthSnapshot = original;
    assert.equal((await get(t.hub.ports.http, '/health')).status, 200);
  });

  it('says how to build the web UI when it is missing', async () => {
    await t.close();
    t = await startTestHub({ publicDir: path.join(base, 'nothing') });
    const res = await get(t.hub.ports.http, '/');
    assert.equal(res.status, 404);
    assert.match(res.body, /npm run build/);
  });
});
