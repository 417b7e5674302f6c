// Replays the traffic of MCAV's DJ client against the real hub: its auth shape, its clock-sync answer, its
// frames (only the fields its schema requires, plus the instant-bass pair its client adds) and heartbeats.
import assert from 'node:assert/strict';
import { CLOSE_CODES } from '@audioviz/shared-types';
import { startTestHub, type TestHub } from './helpers/test-hub';
import { eventually, type Received, type TestClient } from './helpers/ws-client';

/** One frame period of MCAV's DJ client (20 fps by default), ms. */
const MCAV_FRAME_MS = 50;

/** A frame as MCAV's DJ client builds it: no tempo_conf, beat_phase, spectrum or onsets. */
function mcavFrame(seq: number, level: number): Record<string, unknown> {
  return {
    type: 'dj_audio_frame',
    seq,
    ts: 1_700_000_000 + seq / 20,
    bands: [level, level * 0.8, level * 0.6, level * 0.4, level * 0.2],
    peak: level,
    beat: seq % 10 === 0,
    beat_i: seq % 10 === 0 ? 0.9 : 0,
    bpm: 124,
    i_bass: level,
    i_kick: seq % 10 === 0,
  };
}

const MCAV_AUTH = { type: 'dj_auth', dj_id: 'dj_1', dj_name: 'DJ', dj_key: '', direct_mode: false };

describe('MCAV DJ client traffic against the hub (:9000)', function () {
  this.timeout(30_000);
  let t: TestHub;
  afterEach(async () => t?.close());

  /** MCAV's handshake: auth, then it reads exactly one message and answers it if it is the clock sync. */
  async function mcavConnect(): Promise<{ dj: TestClient; first: Received[] }> {
    const dj = await t.dj();
    dj.send(MCAV_AUTH);
    await eventually(() => dj.received.length >= 2, 'two messages after dj_auth');
    const first = dj.received.slice(0, 2);
    const sync = first[1]!;
    dj.send({
      type: 'clock_sync_response',
      server_time: sync['server_time'],
      dj_recv_time: 1_700_000_000.01,
      dj_send_time: 1_700_000_000.02,
    });
    return { dj, first };
  }

  /** Sends `n` MCAV frames, a heartbeat every 2 s of them, and moves the fake clock one frame each. */
  async function play(dj: TestClient, from: number, n: number, level: number): Promise<void> {
    for (let seq = from; seq < from + n; seq++) {
      const before = t.hub.store.djs.get('dj_1')?.framesReceived ?? 0;
      dj.send(mcavFrame(seq, level));
      if (seq % 40 === 0) dj.send({ type: 'dj_heartbeat', ts: 1_700_000_000 + seq / 20 });
      await eventually(() => (t.hub.store.djs.get('dj_1')?.framesReceived ?? 0) > before, `frame ${seq}`);
      t.clock.advance(MCAV_FRAME_MS);
    }
  }

  it('sends clock_sync_request straight after auth_success, before the roster', async () => {
    t = await startTestHub();
    const { first } = await mcavConnect();
    assert.deepEqual(
      first.map((m) => m.type),
      ['auth_success', 'clock_sync_request'],
    );
    assert.equal(typeof first[1]!['server_time'], 'number');
  });

  it('accepts its frames and heartbeats, the show moves, and decays to exactly 0 after it stops', async () => {
    t = await startTestHub();
    const watcher = await t.browser();
    const { dj } = await mcavConnect();
    await play(dj, 1, 80, 0.8);
    await dj.next('heartbeat_ack');
    assert.equal(t.hub.store.djs.get('dj_1')?.framesReceived, 80);
    assert.deepEqual(
      dj.received.filter((m) => m.type === 'error'),
      [],
      'no error for any MCAV message',
    );
    const live = await watcher.count('state', 10);
    assert.ok(
      live.some((s) => (s['bands'] as number[])[0]! > 0.3 && s['active_dj'] === 'dj_1'),
      'the live DJ drives the bands',
    );

    dj.send({ type: 'going_offline' });
    assert.equal((await dj.closedWith()).code, CLOSE_CODES.NORMAL);
    await eventually(() => t.hub.store.djs.active === null, 'the DJ to leave');
    watcher.received.length = 0;
    for (let i = 0; i < 200; i++) t.clock.advance(MCAV_FRAME_MS); // ten seconds of silence, a state each
    const quiet = (await watcher.count('state', 200)).at(-1);
    assert.deepEqual(quiet!['bands'], [0, 0, 0, 0, 0]);
    assert.equal(quiet!['amplitude'], 0);
    assert.equal(quiet!['beat_intensity'], 0);
  });

  it('closes 4003 when the first message is a partial dj_audio_frame', async () => {
    t = await startTestHub();
    const dj = await t.dj();
    dj.send({ type: 'dj_audio_frame', seq: 1, bands: [0, 0, 0, 0, 0] });
    assert.equal((await dj.closedWith()).code, CLOSE_CODES.AUTH_REQUIRED);
  });

  it('closes 4002 when the first message is not JSON', async () => {
    t = await startTestHub();
    const dj = await t.dj();
    dj.send('{"type": "dj_auth"');
    assert.equal((await dj.closedWith()).code, CLOSE_CODES.INVALID_MESSAGE);
  });

  it('tells a DJ whose frames are all refused once, not per frame, and the roster shows it', async () => {
    t = await startTestHub();
    const { dj } = await mcavConnect();
    const broken = (seq: number) => ({ ...mcavFrame(seq, 0.5), bands: [0.5, 0.5] });
    for (let seq = 1; seq <= 30; seq++) dj.send(broken(seq));
    await eventually(() => t.hub.store.djs.get('dj_1')?.framesRefused === 30, 'thirty refused frames');
    const notices = dj.received.filter((m) => m.type === 'error');
    assert.equal(notices.length, 1, 'one notice for a burst of refused frames');
    assert.equal(notices[0]!['code'], 'FRAMES_REFUSED');
    assert.match(String(notices[0]!['message']), /bands/);
    const entry = t.hub.store.djs.snapshot().djs.find((d) => d.dj_id === 'dj_1')!;
    assert.equal(entry.frames_refused, 30);
    assert.equal(entry.refusing_frames, true);

    t.clock.advance(5000); // the next notice is due, and counts what was refused since the first
    dj.send(broken(31));
    const next = await eventually(
      () => dj.received.filter((m) => m.type === 'error').length === 2,
      'a second notice after the interval',
    ).then(() => dj.received.filter((m) => m.type === 'error')[1]!);
    assert.match(String(next['message']), /^30 dj_audio_frames refused/);

    dj.send(mcavFrame(32, 0.5));
    await eventually(() => t.hub.store.djs.get('dj_1')?.framesReceived === 1, 'a good frame');
    const recovered = t.hub.store.djs.snapshot().djs.find((d) => d.dj_id === 'dj_1')!;
    assert.equal(recovered.refusing_frames, false);
    assert.equal(dj.isClosed, false);
  });

  it('answers MCAV-only DJ requests UNSUPPORTED once per type, and stays connected', async () => {
    t = await startTestHub();
    const { dj } = await mcavConnect();
    for (let i = 0; i < 5; i++) dj.send({ type: 'voice_audio', data: 'AAAA', seq: i });
    dj.send({ type: 'ping' });
    const pong = await dj.next('pong');
    assert.equal(
      typeof pong['timestamp'],
      'number',
      'MCAV times the round trip from it, ping or no timestamp',
    );
    const errors = dj.received.filter((m) => m.type === 'error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!['code'], 'UNSUPPORTED');
    assert.equal(dj.isClosed, false);
  });
});
