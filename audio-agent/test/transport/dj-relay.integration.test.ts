import assert from 'node:assert/strict';
import {
  AUDIO_PRESETS,
  CLOSE_CODES,
  FakeClock,
  MAX_HUB_TO_DJ_MESSAGE_BYTES,
  djValidator,
  pluginValidator,
  mcavPresetSettings,
  seededRandom,
} from '@audioviz/shared-types';
import type { WebSocket } from 'ws';
import { DJRelay } from '../../src/transport/dj-relay';
import type { LinkEvents, TypedEmitter } from '../../src/transport/link-events';
import { freePort, nextEvent, recordEvents, settle, startServer, type TestServer } from './loopback';

const FIELDS = {
  bands: [0.1, 0.2, 0.3, 0.4, 0.5],
  peak: 0.8,
  beat: true,
  beat_i: 1,
  bpm: 128,
  tempo_conf: 0.9,
  beat_phase: 0,
  i_bass: 0.7,
  i_kick: true,
  spectrum: [0.1, 0.2],
  onsets: { kick: true, snare: false, hat: true },
  amplitude: 0.6,
};

/** A hub that accepts key "secret" (and optionally hands out a plugin address). */
function hubHandler(extra: Record<string, unknown> = {}) {
  return (socket: WebSocket, m: Record<string, unknown>) => {
    const checked = djValidator.validate(m);
    assert.ok(checked.ok, `agent sent an invalid message: ${JSON.stringify(m)}`);
    if (m.type === 'dj_auth') {
      if (m.dj_key !== 'secret') {
        socket.send(JSON.stringify({ type: 'auth_error', error: 'Invalid DJ credentials' }));
        socket.close(CLOSE_CODES.AUTH_FAILED, 'Authentication failed');
        return;
      }
      socket.send(
        JSON.stringify({
          type: 'auth_success',
          dj_id: m.dj_id,
          dj_name: m.dj_name,
          is_active: true,
          ...extra,
        }),
      );
      socket.send(JSON.stringify({ type: 'clock_sync_request', server_time: 1234.5 }));
    }
  };
}

function events(relay: DJRelay): TypedEmitter<LinkEvents> {
  return relay as unknown as TypedEmitter<LinkEvents>;
}

describe('DJRelay against a hub on loopback', () => {
  let hub: TestServer | null = null;
  let relay: DJRelay | null = null;
  afterEach(async () => {
    relay?.close();
    await hub?.kill();
    hub = null;
    relay = null;
  });

  function makeRelay(
    url: string,
    clock: FakeClock,
    overrides: Partial<ConstructorParameters<typeof DJRelay>[0]> = {},
  ) {
    relay = new DJRelay(
      { vjServerUrl: url, djId: 'alice', djName: 'Alice', djKey: 'secret', ...overrides },
      { clock, random: () => 0.5 },
    );
    return relay;
  }

  it('authenticates, answers clock sync and sends valid dj_audio_frames in sequence', async () => {
    hub = await startServer(0, hubHandler());
    const clock = new FakeClock(1_700_000_000_000);
    const r = makeRelay(hub.url, clock);
    const connected = nextEvent(events(r), 'connected');
    r.connect();
    await connected;
    assert.equal(r.connected, true);
    const auth = await hub.next('dj_auth');
    assert.deepEqual(auth, { type: 'dj_auth', dj_id: 'alice', dj_key: 'secret', dj_name: 'Alice' });
    const sync = await hub.next('clock_sync_response');
    assert.equal(sync.server_time, 1234.5);
    assert.equal(sync.dj_recv_time, 1_700_000_000);
    assert.equal(r.sendFrame(FIELDS), true);
    assert.equal(r.sendFrame(FIELDS), true);
    const first = await hub.next('dj_audio_frame');
    const second = await hub.next('dj_audio_frame');
    assert.equal(first.seq, 0);
    assert.equal(second.seq, 1);
    assert.equal(first.ts, 1_700_000_000);
    assert.equal('amplitude' in first, false, 'amplitude is not a dj_audio_frame field');
  });

  it('sends dj_heartbeat every heartbeatInterval and measures latency from heartbeat_ack', async () => {
    hub = await startServer(0, (socket, m) => {
      hubHandler()(socket, m);
      if (m.type === 'dj_heartbeat')
        socket.send(JSON.stringify({ type: 'heartbeat_ack', server_time: 1, echo_ts: m.ts }));
    });
    const clock = new FakeClock(1_000_000);
    const r = makeRelay(hub.url, clock, { heartbeatInterval: 2000 });
    const connected = nextEvent(events(r), 'connected');
    r.connect();
    await connected;
    clock.advance(1999);
    clock.advance(1);
    const beat = await hub.next('dj_heartbeat');
    assert.equal(beat.ts, 1_002);
    clock.advance(150);
    await settle();
    assert.equal(r.latencyMs, 150);
  });

  it('reports an auth failure once and never retries it', async () => {
    hub = await startServer(0, hubHandler());
    const clock = new FakeClock();
    const r = makeRelay(hub.url, clock, { djKey: 'wrong' });
    const log = recordEvents(events(r));
    const failed = nextEvent(events(r), 'auth_failed');
    r.connect();
    const [info] = await failed;
    assert.match(info.reason, /Invalid DJ credentials/);
    await settle();
    clock.advance(10 * 60_000);
    await settle();
    assert.deepEqual(log, ['auth_failed']);
    assert.equal(hub.received.filter((m) => m.type === 'dj_auth').length, 1);
    assert.equal(clock.pendingTimers, 0);
  });

  it('tries the first connection maxConnectAttempts times (5 s, then 7.5 s apart) and gives up', async () => {
    const clock = new FakeClock();
    const r = makeRelay(`ws://127.0.0.1:${await freePort()}`, clock, { maxConnectAttempts: 3 });
    const delays: number[] = [];
    r.on('reconnecting', ({ delayMs }) => delays.push(delayMs));
    const gaveUp = nextEvent(events(r), 'reconnect_failed');
    let retry = nextEvent(events(r), 'reconnecting');
    r.connect();
    await retry;
    retry = nextEvent(events(r), 'reconnecting');
    clock.advance(5000);
    await retry;
    clock.advance(7500);
    const [info] = await gaveUp;
    assert.equal(info.attempts, 3);
    assert.deepEqual(delays, [5000, 7500]);
  });

  it('after a loss retries without limit on the policy row (5 s × 1.5 up to 30 s) and resets on success', async () => {
    hub = await startServer(0, hubHandler());
    const port = hub.port;
    const clock = new FakeClock();
    const r = makeRelay(hub.url, clock, { maxConnectAttempts: 1 });
    const delays: number[] = [];
    r.on('reconnecting', ({ delayMs }) => delays.push(delayMs));
    let connected = nextEvent(events(r), 'connected');
    r.connect();
    await connected;
    r.sendFrame(FIELDS);
    await hub.next('dj_audio_frame');
    // The hub goes away mid-stream.
    let retry = nextEvent(events(r), 'reconnecting');
    await hub.kill();
    hub = null;
    await retry;
    const expected = [5000, 7500, 11250, 16875, 25313, 30000, 30000, 30000];
    for (let i = 1; i < expected.length; i++) {
      retry = nextEvent(events(r), 'reconnecting');
      clock.advance(expected[i - 1]!);
      await retry;
    }
    assert.deepEqual(delays, expected);
    // It comes back on the same port: the next attempt connects and frames flow again.
    hub = await startServer(port, hubHandler());
    connected = nextEvent(events(r), 'connected');
    clock.advance(30000);
    await connected;
    assert.equal(r.sendFrame(FIELDS), true);
    assert.equal((await hub.next('dj_audio_frame')).seq, 1);
    retry = nextEvent(events(r), 'reconnecting');
    for (const s of hub.sockets) s.terminate();
    const [next] = await retry;
    assert.equal(next.delayMs, 5000, 'the backoff starts over after a success');
  });

  it('keeps reconnect delays within ±10 % jitter', async () => {
    const clock = new FakeClock();
    relay = new DJRelay(
      { vjServerUrl: `ws://127.0.0.1:${await freePort()}`, djId: 'a', djKey: 'k', maxConnectAttempts: 6 },
      { clock, random: seededRandom(7) },
    );
    const r = relay;
    const base = [5000, 7500, 11250, 16875, 25312.5];
    for (let i = 0; i < base.length; i++) {
      const retry = nextEvent(events(r), 'reconnecting');
      if (i === 0) r.connect();
      else clock.advance(base[i - 1]! * 1.1);
      const [{ delayMs }] = await retry;
      assert.ok(Math.abs(delayMs / base[i]! - 1) <= 0.1 + 1e-9, `delay ${delayMs} vs ${base[i]}`);
    }
  });

  it('disconnects after 3 consecutive heartbeat send failures, then reconnects', async () => {
    hub = await startServer(0, hubHandler());
    const clock = new FakeClock();
    const r = makeRelay(hub.url, clock);
    const connected = nextEvent(events(r), 'connected');
    r.connect();
    await connected;
    // Simulate a stalled link: the socket reports a full send buffer, so each heartbeat counts as failed.
    const socket = (r as unknown as { socket: object }).socket;
    Object.defineProperty(socket, 'bufferedAmount', { get: () => 10 * 1024 * 1024 });
    const down = nextEvent(events(r), 'disconnected');
    const retry = nextEvent(events(r), 'reconnecting');
    clock.advance(2000);
    clock.advance(2000);
    assert.equal(r.connected, true, 'two failures are tolerated');
    clock.advance(2000);
    await down;
    const [{ delayMs }] = await retry;
    assert.equal(delayMs, 5000);
    assert.equal(hub.received.filter((m) => m.type === 'dj_heartbeat').length, 0);
  });

  it('stops for good when kicked (close 4010)', async () => {
    hub = await startServer(0, hubHandler());
    const clock = new FakeClock();
    const r = makeRelay(hub.url, clock);
    const log = recordEvents(events(r));
    const connected = nextEvent(events(r), 'connected');
    r.connect();
    await connected;
    const down = nextEvent(events(r), 'disconnected');
    hub.sockets[0]!.close(CLOSE_CODES.KICKED, 'Kicked by the operator');
    const [info] = await down;
    assert.equal(info.code, 4010);
    clock.advance(60_000);
    await settle();
    assert.deepEqual(log, ['connected', 'disconnected']);
  });

  it('in direct mode sends audio_state to the plugin address the hub gives, and reports it in heartbeats', async () => {
    const plugin = await startServer(0, (_s, m) =>
      assert.ok(pluginValidator.validate(m).ok, JSON.stringify(m)),
    );
    try {
      hub = await startServer(
        0,
        hubHandler({ minecraft_host: '127.0.0.1', minecraft_port: plugin.port, zone: 'main' }),
      );
      const clock = new FakeClock(5_000_000);
      const r = makeRelay(hub.url, clock, { directMode: true });
      const mc = new Promise<void>((resolve) => r.on('minecraft', (up) => up && resolve()));
      r.connect();
      await mc;
      assert.equal((await hub.next('dj_auth')).direct_mode, true);
      assert.equal(r.sendFrame(FIELDS), true);
      const state = await plugin.next('audio_state');
      assert.equal(state.zone, 'main');
      assert.equal(state.amplitude, 0.6);
      assert.equal(state.is_beat, true);
      clock.advance(2000);
      assert.equal((await hub.next('dj_heartbeat')).mc_connected, true);
      assert.equal(hub.received.filter((m) => m.type === 'dj_audio_frame').length, 0);
    } finally {
      relay?.close();
      await plugin.kill();
    }
  });

  it('says going_offline before closing', async () => {
    hub = await startServer(0, hubHandler());
    const r = makeRelay(hub.url, new FakeClock());
    const connected = nextEvent(events(r), 'connected');
    r.connect();
    await connected;
    r.close();
    await hub.next('going_offline');
    assert.equal(r.connected, false);
  });

  it('passes on preset_sync and status_update from the hub', async () => {
    hub = await startServer(0, hubHandler());
    const r = makeRelay(hub.url, new FakeClock());
    const connected = nextEvent(events(r), 'connected');
    r.connect();
    await connected;
    const presets: unknown[][] = [];
    r.on('preset', (...args) => presets.push(args));
    const status = new Promise((resolve) => r.on('status', resolve));
    hub.sockets[0]!.send(JSON.stringify({ type: 'preset_sync', preset: 'edm' }));
    // The operator's attack/release come with the preset; values outside (0, 1] are MCAV's scales, not rates.
    hub.sockets[0]!.send(
      JSON.stringify({
        type: 'preset_sync',
        preset: { ...mcavPresetSettings('chill'), attack: 0.9, release: 3 },
      }),
    );
    hub.sockets[0]!.send(JSON.stringify({ type: 'status_update', is_active: false }));
    assert.equal(await status, false);
    assert.equal(r.isActive, false);
    const { attack, release } = AUDIO_PRESETS.edm;
    assert.deepEqual(presets, [
      ['edm', { attack, release }],
      ['chill', { attack: 0.9, release: AUDIO_PRESETS.chill.release }],
    ]);
  });

  it('skips malformed, invalid and unknown hub messages, reports each kind once and stays connected', async () => {
    hub = await startServer(0, hubHandler());
    const r = makeRelay(hub.url, new FakeClock());
    const connected = nextEvent(events(r), 'connected');
    r.connect();
    await connected;
    const warnings: string[] = [];
    const debug: string[] = [];
    r.on('warning', (w) => warnings.push(w));
    r.on('debug', (d) => debug.push(d));
    const badStatus = JSON.stringify({ type: 'status_update', is_active: 'yes' });
    for (const text of ['{not json', '{not json', badStatus, badStatus]) hub.sockets[0]!.send(text);
    hub.sockets[0]!.send(JSON.stringify({ type: 'launch_rockets' }));
    hub.sockets[0]!.send(JSON.stringify({ type: 'launch_rockets' }));
    const status = new Promise((resolve) => r.once('status', resolve));
    hub.sockets[0]!.send(JSON.stringify({ type: 'status_update', is_active: false }));
    await status; // the hub's messages are read in order: everything before it has been handled
    assert.equal(warnings.length, 2, warnings.join(' | '));
    assert.match(warnings[0] ?? '', /^Ignored a message from the hub .*JSON/);
    assert.match(warnings[1] ?? '', /status_update\.is_active/);
    assert.deepEqual(debug, ['Ignored hub messages of type "launch_rockets", which this agent does not use']);
    assert.equal(r.connected, true);
  });

  it('drops a link that sends a message over MAX_HUB_TO_DJ_MESSAGE_BYTES and reconnects', async () => {
    hub = await startServer(0, hubHandler());
    const r = makeRelay(hub.url, new FakeClock());
    const connected = nextEvent(events(r), 'connected');
    r.connect();
    await connected;
    const warning = nextEvent(events(r), 'warning');
    const down = nextEvent(events(r), 'disconnected');
    const retry = nextEvent(events(r), 'reconnecting');
    hub.sockets[0]!.send(JSON.stringify({ type: 'error', message: 'x'.repeat(MAX_HUB_TO_DJ_MESSAGE_BYTES) }));
    assert.match((await warning)[0], /Max payload size exceeded/);
    await down;
    await retry;
  });
});
