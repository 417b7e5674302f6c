import assert from 'node:assert/strict';
import { CLOSE_CODES, FakeClock, pluginValidator } from '@audioviz/shared-types';
import type { WebSocket } from 'ws';
import type { LinkEvents, TypedEmitter } from '../../src/transport/link-events';
import { VizClient } from '../../src/transport/viz-client';
import {
  freePort,
  nextEvent,
  recordEvents,
  settle,
  silentServer,
  startServer,
  type TestServer,
} from './loopback';

const FIELDS = {
  bands: [0.1, 0.2, 1.3, 0.4, 0.5],
  peak: 0.8,
  beat: false,
  beat_i: 0.2,
  bpm: 128,
  tempo_conf: 0.9,
  beat_phase: 0.25,
  i_bass: 0.7,
  i_kick: false,
  amplitude: 0.5,
};

/** A plugin: validates what it gets, answers pings, and wants token "t0k3n" when `secret` is set. */
function pluginHandler(secret: boolean, answerPings = true) {
  return (socket: WebSocket, m: Record<string, unknown>) => {
    assert.ok(pluginValidator.validate(m).ok, `agent sent an invalid message: ${JSON.stringify(m)}`);
    if (m.type === 'auth') {
      if (!secret || m.token !== 't0k3n') socket.close(CLOSE_CODES.INVALID_MESSAGE, 'Invalid token');
      else socket.send(JSON.stringify({ type: 'auth_ok' }));
    }
    if (m.type === 'ping' && answerPings)
      socket.send(JSON.stringify({ type: 'pong', timestamp: m.timestamp }));
  };
}

function events(client: VizClient): TypedEmitter<LinkEvents> {
  return client;
}

describe('VizClient against a plugin socket on loopback', () => {
  let plugin: TestServer | null = null;
  let client: VizClient | null = null;
  afterEach(async () => {
    client?.close();
    await plugin?.kill();
    plugin = null;
    client = null;
  });

  it('connects and sends valid audio_state frames, values clamped to the plugin ranges', async () => {
    plugin = await startServer(0, pluginHandler(false));
    const clock = new FakeClock(2_000_000);
    client = new VizClient(
      { host: '127.0.0.1', port: plugin.port, zone: 'stage' },
      { clock, random: () => 0.5 },
    );
    const up = nextEvent(events(client), 'connected');
    client.connect();
    await up;
    assert.equal(client.connected, true);
    assert.equal(client.sendFrame(FIELDS), true);
    const state = await plugin.next('audio_state');
    assert.deepEqual(state.bands, [0.1, 0.2, 1, 0.4, 0.5]);
    assert.equal(state.zone, 'stage');
    assert.equal(state.amplitude, 0.5);
    assert.equal(state.ts, 2000);
    assert.equal(state.frame, 0);
  });

  it('authenticates with a token before reporting connected', async () => {
    plugin = await startServer(0, pluginHandler(true));
    client = new VizClient(
      { host: '127.0.0.1', port: plugin.port, token: 't0k3n' },
      { clock: new FakeClock() },
    );
    const up = nextEvent(events(client), 'connected');
    client.connect();
    await up;
    assert.deepEqual(await plugin.next('auth'), { type: 'auth', token: 't0k3n' });
  });

  it('reports a refused token as auth_failed and does not retry, even with auto-reconnect', async () => {
    plugin = await startServer(0, pluginHandler(true));
    const clock = new FakeClock();
    client = new VizClient(
      { host: '127.0.0.1', port: plugin.port, token: 'wrong', autoReconnect: true },
      { clock, random: () => 0.5 },
    );
    const log = recordEvents(events(client));
    const failed = nextEvent(events(client), 'auth_failed');
    client.connect();
    const [info] = await failed;
    assert.equal(info.code, CLOSE_CODES.INVALID_MESSAGE);
    clock.advance(120_000);
    await settle();
    assert.deepEqual(log, ['auth_failed']);
  });

  it('pings every 10 s and measures latency from the pong', async () => {
    plugin = await startServer(0, pluginHandler(false));
    const clock = new FakeClock(0);
    client = new VizClient({ host: '127.0.0.1', port: plugin.port }, { clock });
    const up = nextEvent(events(client), 'connected');
    client.connect();
    await up;
    clock.advance(10_000);
    assert.equal((await plugin.next('ping')).timestamp, 10_000);
    clock.advance(40);
    await settle();
    assert.equal(client.latencyMs, 40);
  });

  it('drops the link when no pong arrives for 30 s', async () => {
    plugin = await startServer(0, pluginHandler(false, false));
    const clock = new FakeClock();
    client = new VizClient({ host: '127.0.0.1', port: plugin.port }, { clock });
    const up = nextEvent(events(client), 'connected');
    client.connect();
    await up;
    const down = nextEvent(events(client), 'disconnected');
    clock.advance(29_999);
    assert.equal(client.connected, true);
    clock.advance(1);
    await down;
    assert.equal(client.connected, false);
  });

  it('with auto-reconnect follows the policy row (1 s × 1.5 up to 30 s) and gives up after maxReconnectAttempts', async () => {
    const clock = new FakeClock();
    client = new VizClient(
      { host: '127.0.0.1', port: await freePort(), autoReconnect: true, maxReconnectAttempts: 10 },
      { clock, random: () => 0.5 },
    );
    const c = client;
    const delays: number[] = [];
    c.on('reconnecting', ({ delayMs }) => delays.push(delayMs));
    const gaveUp = nextEvent(events(c), 'reconnect_failed');
    let retry = nextEvent(events(c), 'reconnecting');
    c.connect();
    const expected = [1000, 1500, 2250, 3375, 5063, 7594, 11391, 17086, 25629, 30000];
    for (let i = 0; i < expected.length; i++) {
      await retry;
      retry = nextEvent(events(c), 'reconnecting');
      clock.advance(expected[i]!);
    }
    const [info] = await gaveUp;
    assert.equal(info.attempts, 10);
    assert.deepEqual(delays, expected);
  });

  it('without auto-reconnect (the default) gives up after one failed attempt', async () => {
    const clock = new FakeClock();
    client = new VizClient({ host: '127.0.0.1', port: await freePort() }, { clock });
    const log = recordEvents(events(client));
    const gaveUp = nextEvent(events(client), 'reconnect_failed');
    client.connect();
    await gaveUp;
    assert.deepEqual(log, ['reconnect_failed']);
  });

  it('abandons an attempt after connectTimeout when the peer never answers', async () => {
    const hung = await silentServer();
    try {
      const clock = new FakeClock();
      client = new VizClient({ host: '127.0.0.1', port: hung.port, connectTimeout: 10_000 }, { clock });
      const gaveUp = nextEvent(events(client), 'reconnect_failed');
      client.connect();
      await settle();
      clock.advance(10_000);
      await gaveUp;
    } finally {
      client?.close();
      await hung.close();
    }
  });

  it('reconnects after the plugin restarts mid-stream and frames flow again', async () => {
    plugin = await startServer(0, pluginHandler(false));
    const port = plugin.port;
    const clock = new FakeClock();
    client = new VizClient({ host: '127.0.0.1', port, autoReconnect: true }, { clock, random: () => 0.5 });
    const c = client;
    let up = nextEvent(events(c), 'connected');
    c.connect();
    await up;
    c.sendFrame(FIELDS);
    await plugin.next('audio_state');
    const retry = nextEvent(events(c), 'reconnecting');
    await plugin.kill();
    assert.equal((await retry)[0].delayMs, 1000);
    plugin = await startServer(port, pluginHandler(false));
    up = nextEvent(events(c), 'connected');
    clock.advance(1000);
    await up;
    assert.equal(c.sendFrame(FIELDS), true);
    assert.equal((await plugin.next('audio_state')).frame, 1);
  });
});
