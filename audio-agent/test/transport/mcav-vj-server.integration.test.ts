// The agent against a hub that speaks like MCAV's VJ server on :9000: `auth_success` with its extra fields, then
// `clock_sync_request`, whose answer must be the very next message the DJ sends, then a `stream_route` of about
// 250 KB (its pattern scripts), unknown message types, and 4005 "Already connected" while it still holds the
// DJ's previous, dead socket.
import assert from 'node:assert/strict';
import {
  CLOSE_CODES,
  DJ_CLOCK_SYNC_WAIT_MS,
  DJ_STALE_SESSION_RETRIES,
  FakeClock,
} from '@audioviz/shared-types';
import type { WebSocket } from 'ws';
import { DJRelay } from '../../src/transport/dj-relay';
import type { LinkEvents, TypedEmitter } from '../../src/transport/link-events';
import { nextEvent, recordEvents, settle, startServer, type TestServer } from './loopback';

const FIELDS = {
  bands: [0.1, 0.2, 0.3, 0.4, 0.5],
  peak: 0.8,
  beat: false,
  beat_i: 0,
  bpm: 128,
  tempo_conf: 0.9,
  beat_phase: 0.25,
  i_bass: 0.7,
  i_kick: false,
  amplitude: 0.6,
};

/** What MCAV's VJ server sends a DJ after `auth_success`: routing, pattern config and every pattern's source. */
function streamRoute(): Record<string, unknown> {
  return {
    type: 'stream_route',
    route_mode: 'relay',
    is_active: true,
    minecraft_host: 'localhost',
    minecraft_port: 8765,
    zone: 'main',
    entity_count: 100,
    current_pattern: 'spectrum',
    pattern_config: { entity_count: 100, zone_size: 10, beat_boost: 1.5, base_scale: 0.2, max_scale: 1 },
    pattern_scripts: Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, source: 'x'.repeat(6_000) })),
    band_sensitivity: [1, 1, 1, 1, 1],
    preset: 'auto',
    relay_fallback: true,
    reason: 'standby_or_relay_mode',
  };
}

/**
 * A :9000 peer with MCAV's handshake. `holdStale` makes it keep a DJ's session after its socket dies (as a
 * server that has not noticed yet) for that many reconnects, answering them 4005.
 */
function mcavLikeHub(options: { holdStale?: number; clockSync?: boolean } = {}) {
  const sessions = new Map<string, WebSocket>();
  let staleLeft = options.holdStale ?? 0;
  const afterSync: Array<Record<string, unknown>> = [];
  const awaitingSync = new Set<WebSocket>();
  const handler = (socket: WebSocket, m: Record<string, unknown>) => {
    if (awaitingSync.has(socket)) {
      awaitingSync.delete(socket);
      afterSync.push(m);
      socket.send(JSON.stringify(streamRoute()));
      socket.send(
        JSON.stringify({ type: 'dj_info', dj_name: 'Alice', dj_id: 'alice', bpm: 0, is_active: true }),
      );
      return;
    }
    if (m['type'] !== 'dj_auth') return;
    const id = String(m['dj_id']);
    const held = sessions.get(id);
    if (held !== undefined && held !== socket && (held.readyState === held.OPEN || staleLeft-- > 0)) {
      socket.close(CLOSE_CODES.ALREADY_CONNECTED, 'Already connected');
      return;
    }
    sessions.set(id, socket);
    socket.send(
      JSON.stringify({
        type: 'auth_success',
        dj_id: id,
        dj_name: m['dj_name'],
        is_active: true,
        current_pattern: 'spectrum',
        pattern_config: { entity_count: 100, zone_size: 10 },
        route_mode: 'relay',
      }),
    );
    if (options.clockSync === false) return;
    socket.send(JSON.stringify({ type: 'clock_sync_request', server_time: Date.now() / 1000 }));
    awaitingSync.add(socket);
  };
  return { handler, afterSync };
}

function events(relay: DJRelay): TypedEmitter<LinkEvents> {
  return relay as unknown as TypedEmitter<LinkEvents>;
}

describe('DJRelay against a hub with MCAV’s :9000 handshake', () => {
  let hub: TestServer | null = null;
  let relay: DJRelay | null = null;
  afterEach(async () => {
    relay?.close();
    await hub?.kill();
    hub = null;
    relay = null;
  });

  function makeRelay(url: string, clock: FakeClock): DJRelay {
    relay = new DJRelay(
      { vjServerUrl: url, djId: 'alice', djName: 'Alice', djKey: 'k' },
      { clock, random: () => 0.5 },
    );
    return relay;
  }

  it('answers clock sync before any frame, keeps the link through a 250 KB stream_route and then streams', async () => {
    const mcav = mcavLikeHub();
    hub = await startServer(0, mcav.handler);
    const r = makeRelay(hub.url, new FakeClock(1_700_000_000_000));
    const warnings: string[] = [];
    const debug: string[] = [];
    r.on('warning', (w) => warnings.push(w));
    r.on('debug', (d) => debug.push(d));
    const log = recordEvents(events(r));
    // Like the run loop, try to stream the moment the link is up: before the hub's clock_sync_request is read.
    let sentOnConnect: boolean | null = null;
    r.once('connected', () => (sentOnConnect = r.sendFrame(FIELDS)));
    const connected = nextEvent(events(r), 'connected');
    r.connect();
    await connected;
    assert.equal(sentOnConnect, false, 'a frame before clock sync would be read as the sync answer');
    await hub.next('clock_sync_response');
    await settle(100); // the stream_route and dj_info arrive
    assert.equal(r.sendFrame(FIELDS), true);
    await hub.next('dj_audio_frame');
    assert.equal(mcav.afterSync[0]?.['type'], 'clock_sync_response');
    assert.equal(r.connected, true);
    assert.deepEqual(log, ['connected']);
    assert.deepEqual(warnings, [], 'stream_route is understood, not refused');
    assert.deepEqual(debug, ['Ignored hub messages of type "dj_info", which this agent does not use']);
    hub.sockets[0]!.send(JSON.stringify(streamRoute()));
    hub.sockets[0]!.send(JSON.stringify({ type: 'dj_info', dj_name: 'Alice', dj_id: 'alice' }));
    await settle();
    assert.equal(debug.length, 1, 'the second dj_info is not reported again');
    assert.equal(r.connected, true);
  });

  it('follows MCAV’s stream_route and its preset_sync object', async () => {
    hub = await startServer(0, mcavLikeHub().handler);
    const r = makeRelay(hub.url, new FakeClock());
    const connected = nextEvent(events(r), 'connected');
    r.connect();
    await connected;
    await hub.next('clock_sync_response');
    const warnings: string[] = [];
    r.on('warning', (w) => warnings.push(w));
    const status = new Promise((resolve) => r.once('status', resolve));
    hub.sockets[0]!.send(JSON.stringify({ ...streamRoute(), is_active: false }));
    assert.equal(await status, false, 'another DJ went live: this one is queued');
    assert.equal(r.isActive, false);
    const presets: string[] = [];
    r.on('preset', (p) => presets.push(p));
    const settings = { attack: 0.7, release: 0.15, beat_threshold: 1.1, min_db: -40, max_db: -5 };
    for (const name of ['EDM', 'my-custom'])
      hub.sockets[0]!.send(
        JSON.stringify({
          type: 'preset_sync',
          preset: { name, ...settings, band_sensitivity: [1, 1, 1, 1, 1] },
        }),
      );
    const queued = new Promise((resolve) => r.once('status', resolve));
    hub.sockets[0]!.send(JSON.stringify({ type: 'status_update', is_active: true }));
    assert.equal(await queued, true);
    assert.deepEqual(presets, ['edm']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /preset_sync\.preset/);
    assert.equal(r.connected, true);
  });

  it('streams after DJ_CLOCK_SYNC_WAIT_MS when a hub never asks for clock sync', async () => {
    hub = await startServer(0, mcavLikeHub({ clockSync: false }).handler);
    const clock = new FakeClock();
    const r = makeRelay(hub.url, clock);
    const connected = nextEvent(events(r), 'connected');
    r.connect();
    await connected;
    clock.advance(DJ_CLOCK_SYNC_WAIT_MS - 1);
    assert.equal(r.sendFrame(FIELDS), false);
    clock.advance(1);
    assert.equal(r.sendFrame(FIELDS), true);
    await hub.next('dj_audio_frame');
  });

  it('retries a reconnect refused with 4005 while the hub still holds the dead session', async () => {
    hub = await startServer(0, mcavLikeHub({ holdStale: DJ_STALE_SESSION_RETRIES }).handler);
    const clock = new FakeClock();
    const r = makeRelay(hub.url, clock);
    const connected = nextEvent(events(r), 'connected');
    r.connect();
    await connected;
    const log = recordEvents(events(r));
    hub.sockets[0]!.terminate(); // the link dies without a close frame (1006)
    for (let refusal = 0; refusal <= DJ_STALE_SESSION_RETRIES; refusal++) {
      const [{ delayMs }] = await nextEvent(events(r), 'reconnecting');
      clock.advance(delayMs); // only the backoff: a longer jump would also fire the connect timeout
    }
    await nextEvent(events(r), 'connected');
    assert.equal(log.filter((e) => e === 'reconnecting').length, DJ_STALE_SESSION_RETRIES + 1);
    assert.equal(r.connected, true);
  });

  it('stops when the id is taken by another live connection', async () => {
    hub = await startServer(0, mcavLikeHub().handler);
    const clock = new FakeClock();
    const first = makeRelay(hub.url, clock);
    const up = nextEvent(events(first), 'connected');
    first.connect();
    await up;
    const second = new DJRelay(
      { vjServerUrl: hub.url, djId: 'alice', djName: 'Alice', djKey: 'k' },
      { clock, random: () => 0.5 },
    );
    const warning = nextEvent(events(second), 'warning');
    second.connect();
    assert.match((await warning)[0], /4005.*not reconnecting/);
    await settle();
    clock.advance(60_000);
    await settle();
    assert.equal(hub.received.filter((m) => m['type'] === 'dj_auth').length, 2);
    second.close();
  });
});
