import assert from 'node:assert/strict';
import {
  AUDIO_PRESETS,
  CLOSE_CODES,
  DJ_RELAY_POLICY,
  FakeClock,
  type DjAudioFrame,
} from '@audioviz/shared-types';
import { authMessage, DjLink, type DjCredentials } from '../../web/src/dj/dj-link';
import { WebSocketService } from '../../web/src/net/websocket-service';
import { FakeSocket } from './fake-socket';

const KEY: DjCredentials = { kind: 'key', dj_id: 'anna', dj_key: 'secret', dj_name: 'Anna' };

function setup(credentials: DjCredentials = KEY) {
  const clock = new FakeClock(1_700_000_000_000);
  const sockets: FakeSocket[] = [];
  const service = new WebSocketService({
    url: 'ws://127.0.0.1:9000',
    createSocket: (url) => {
      sockets.push(new FakeSocket(url));
      return sockets[sockets.length - 1] as FakeSocket;
    },
    clock,
    random: () => 0.5,
    backoff: DJ_RELAY_POLICY.backoff,
    handshake: () => authMessage(credentials),
  });
  const link = new DjLink(service, clock);
  service.connect();
  const last = (): FakeSocket => sockets[sockets.length - 1] as FakeSocket;
  const sentTypes = (): string[] =>
    last()
      .messages()
      .map((m) => String(m['type']));
  return { clock, sockets, service, link, last, sentTypes };
}

const FRAME: DjAudioFrame = {
  type: 'dj_audio_frame',
  seq: 0,
  ts: 1,
  bands: [0.1, 0.2, 0.3, 0.4, 0.5],
  peak: 0.5,
  beat: false,
  beat_i: 0,
  bpm: 120,
  tempo_conf: 0.5,
  beat_phase: 0,
  i_bass: 0.1,
  i_kick: false,
};

describe('DjLink', () => {
  it('sends dj_auth first and becomes live or queued from auth_success', () => {
    const { link, last, sentTypes } = setup();
    last().acceptOpen();
    assert.deepEqual(last().messages()[0], {
      type: 'dj_auth',
      dj_id: 'anna',
      dj_key: 'secret',
      dj_name: 'Anna',
    });
    assert.equal(link.state.role, 'connecting');
    last().receive({ type: 'auth_success', dj_id: 'anna', dj_name: 'Anna', is_active: false });
    assert.equal(link.state.role, 'queued');
    last().receive({ type: 'status_update', is_active: true });
    assert.equal(link.state.role, 'live');
    assert.deepEqual(sentTypes(), ['dj_auth']);
  });

  it('sends code_auth with a connect code and waits while the operator decides', () => {
    const { link, last } = setup({ kind: 'code', code: 'DISCO-7K2P', dj_name: 'Ben' });
    last().acceptOpen();
    assert.deepEqual(last().messages()[0], { type: 'code_auth', code: 'DISCO-7K2P', dj_name: 'Ben' });
    last().receive({ type: 'auth_pending' });
    assert.equal(link.state.role, 'pending');
    last().receive({ type: 'auth_success', dj_id: 'ben', dj_name: 'Ben', is_active: true });
    assert.equal(link.state.role, 'live');
    assert.equal(link.state.djId, 'ben');
  });

  it('takes its queue position from the roster', () => {
    const { link, last } = setup();
    last().acceptOpen();
    last().receive({ type: 'auth_success', dj_id: 'anna', dj_name: 'Anna', is_active: false });
    last().receive({
      type: 'dj_roster',
      active_dj_id: 'zed',
      djs: [
        { dj_id: 'zed', dj_name: 'Zed', is_active: true, queue_position: 0 },
        { dj_id: 'anna', dj_name: 'Anna', is_active: false, queue_position: 1 },
      ],
    });
    assert.equal(link.state.role, 'queued');
    assert.equal(link.state.queuePosition, 1);
  });

  it('sends dj_heartbeat every 2 s once accepted and measures the latency from heartbeat_ack', () => {
    const { link, last, clock, sentTypes } = setup();
    last().acceptOpen();
    clock.advance(DJ_RELAY_POLICY.heartbeat.intervalMs);
    assert.deepEqual(sentTypes(), ['dj_auth'], 'no heartbeat before the hub accepted the DJ');
    last().receive({ type: 'auth_success', dj_id: 'anna', dj_name: 'Anna', is_active: true });
    clock.advance(DJ_RELAY_POLICY.heartbeat.intervalMs);
    const beat = last()
      .messages()
      .find((m) => m['type'] === 'dj_heartbeat');
    assert.ok(beat);
    clock.advance(35);
    last().receive({ type: 'heartbeat_ack', server_time: 0, echo_ts: beat['ts'] });
    assert.equal(link.state.latencyMs, 35);
    clock.advance(DJ_RELAY_POLICY.heartbeat.intervalMs * 2);
    assert.equal(sentTypes().filter((t) => t === 'dj_heartbeat').length, 3);
  });

  it('answers clock_sync_request with its own times', () => {
    const { last, clock } = setup();
    last().acceptOpen();
    last().receive({ type: 'clock_sync_request', server_time: 123 });
    const reply = last().messages()[1];
    assert.deepEqual(reply, {
      type: 'clock_sync_response',
      dj_recv_time: clock.now() / 1000,
      dj_send_time: clock.now() / 1000,
      server_time: 123,
    });
  });

  it('sends frames only while accepted and never queues them for later', () => {
    const { link, last, service } = setup();
    assert.equal(link.sendFrame(FRAME), false);
    last().acceptOpen();
    assert.equal(link.sendFrame(FRAME), false, 'not before auth_success');
    last().receive({ type: 'auth_success', dj_id: 'anna', dj_name: 'Anna', is_active: true });
    assert.equal(link.sendFrame(FRAME), true);
    last().drop();
    assert.equal(link.sendFrame(FRAME), false);
    assert.equal(service.queued, 0);
    assert.deepEqual([link.state.framesSent, link.state.framesDropped], [1, 3]);
  });

  it('stops for good when the hub refuses the key', () => {
    const { link, last, clock, sockets } = setup();
    last().acceptOpen();
    last().receive({ type: 'auth_error', error: 'Unknown DJ id or wrong key' });
    last().drop(CLOSE_CODES.AUTH_FAILED, 'Authentication failed');
    assert.equal(link.state.role, 'refused');
    assert.equal(link.state.refusal, 'Unknown DJ id or wrong key');
    clock.advance(10 * 60_000);
    assert.equal(sockets.length, 1);
  });

  it('reconnects after a loss on the DJ relay backoff (5 s first) and logs in again', () => {
    const { link, last, clock, sockets } = setup();
    last().acceptOpen();
    last().receive({ type: 'auth_success', dj_id: 'anna', dj_name: 'Anna', is_active: true });
    last().drop(1006);
    assert.equal(link.state.role, 'connecting');
    assert.equal(clock.nextDelay(), DJ_RELAY_POLICY.backoff.initialMs);
    clock.advance(DJ_RELAY_POLICY.backoff.initialMs);
    last().acceptOpen();
    assert.equal(sockets.length, 2);
    assert.equal(last().messages()[0]?.['type'], 'dj_auth');
  });

  it('takes the preset from preset_sync and ignores unknown ones', () => {
    const { link, last } = setup();
    last().acceptOpen();
    last().receive({ type: 'preset_sync', preset: 'edm' });
    assert.equal(link.state.preset?.name, 'edm');
    last().receive({ type: 'preset_sync', preset: 'polka' });
    assert.equal(link.state.preset?.name, 'edm');
    last().receive({ type: 'preset_sync', preset: { name: 'Chill', attack: 0.2, release: 7 } });
    assert.equal(link.state.preset?.name, 'chill', 'the hub’s (and MCAV’s) object shape, by name');
    assert.equal(link.state.preset?.attack, 0.2, 'the operator’s attack is kept');
    assert.equal(link.state.preset?.release, AUDIO_PRESETS.chill.release, 'a release out of range is not');
  });

  it('says going_offline when the DJ leaves', () => {
    const { link, last } = setup();
    last().acceptOpen();
    link.leave();
    assert.deepEqual(
      last()
        .messages()
        .map((m) => m['type']),
      ['dj_auth', 'going_offline'],
    );
    assert.equal(last().closedWith?.code, 1000);
  });
});
