import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CLOSE_CODES,
  DJ_OUTBOUND,
  createPortValidator,
  DJ_AUTH_ATTEMPTS_PER_WINDOW,
  DJ_AUTH_TIMEOUT_MS,
  DJ_MAX_FRAMES_PER_SECOND,
  MAX_HUB_MESSAGE_BYTES,
  mcavPresetSettings,
} from '@audioviz/shared-types';
import { upsertDjKey } from '../../src/auth/dj-keys';
import { WebSocket } from 'ws';
import { DJ_SOCKET_LIVENESS } from '../../src/dj/dj-server';
import { connectDj, frame, startTestHub, type TestHub } from '../helpers/test-hub';
import { eventually } from '../helpers/ws-client';

/** What the hub sends a DJ must itself be valid protocol. */
const outbound = createPortValidator(DJ_OUTBOUND, 1 << 20);
function assertValid(message: unknown): void {
  const result = outbound.validate(message);
  assert.ok(result.ok, result.ok ? '' : result.error.message);
}

describe('dj-server (:9000)', function () {
  let t: TestHub;
  let keysDir: string;
  let keysFile: string;

  before(async function () {
    keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-dj-'));
    keysFile = path.join(keysDir, 'keys.json');
    await upsertDjKey(keysFile, 'alice', 'alice-key', 'Alice');
    await upsertDjKey(keysFile, 'bob', 'bob-key', 'Bob');
  });
  after(() => fs.rmSync(keysDir, { recursive: true, force: true }));
  afterEach(async () => t?.close());

  const withKeys = () => startTestHub({ noAuth: false, djKeysFile: keysFile, maxDjs: 2 });

  describe('handshake', () => {
    it('accepts a DJ whose key matches the stored hash: auth_success, clock sync, roster', async () => {
      t = await withKeys();
      const dj = await t.dj();
      dj.send({ type: 'dj_auth', dj_id: 'alice', dj_key: 'alice-key', dj_name: 'Alice' });
      const ok = await dj.next('auth_success');
      assert.deepEqual(ok, { type: 'auth_success', dj_id: 'alice', dj_name: 'Alice', is_active: true });
      const sync = await dj.next('clock_sync_request');
      assert.equal(typeof sync['server_time'], 'number');
      const roster = await dj.next('dj_roster');
      for (const m of [ok, sync, roster]) assertValid(m);
      assert.deepEqual(roster['djs'], [
        {
          dj_id: 'alice',
          dj_name: 'Alice',
          is_active: true,
          queue_position: 0,
          fps: 0,
          bpm: 0,
          latency_ms: 0,
          frames_dropped: 0,
          frames_refused: 0,
          refusing_frames: false,
        },
      ]);
      assert.equal(t.hub.health().dj_connects, 1);
    });

    it('answers a wrong key with auth_error and closes 4004', async () => {
      t = await withKeys();
      const dj = await t.dj();
      dj.send({ type: 'dj_auth', dj_id: 'alice', dj_key: 'wrong', dj_name: 'Alice' });
      assert.match(String((await dj.next('auth_error'))['error']), /Invalid DJ id or key/);
      assert.equal((await dj.closedWith()).code, CLOSE_CODES.AUTH_FAILED);
    });

    it('answers an unknown DJ id exactly like a wrong key', async () => {
      t = await withKeys();
      const dj = await t.dj();
      dj.send({ type: 'dj_auth', dj_id: 'mallory', dj_key: 'x', dj_name: 'M' });
      assert.match(String((await dj.next('auth_error'))['error']), /Invalid DJ id or key/);
      assert.equal((await dj.closedWith()).code, CLOSE_CODES.AUTH_FAILED);
    });

    it('closes 4001 when no message arrives within 10 s', async () => {
      t = await withKeys();
      const dj = await t.dj();
      await eventually(() => t.clock.pendingTimers > 0, 'the auth timer');
      t.clock.advance(DJ_AUTH_TIMEOUT_MS - 1);
      assert.equal(dj.isClosed, false);
      t.clock.advance(1);
      assert.equal((await dj.closedWith()).code, CLOSE_CODES.HANDSHAKE_TIMEOUT);
    });

    it('closes 4002 when the first message is not JSON', async () => {
      t = await withKeys();
      const dj = await t.dj();
      dj.send('{not json');
      assert.equal((await dj.closedWith()).code, CLOSE_CODES.INVALID_MESSAGE);
    });

    it('closes 4002 when the auth message has a bad field', async () => {
      t = await withKeys();
      const dj = await t.dj();
      dj.send({ type: 'dj_auth', dj_id: 'has space', dj_key: 'k', dj_name: 'n' });
      const closed = await dj.closedWith();
      assert.equal(closed.code, CLOSE_CODES.INVALID_MESSAGE);
      assert.match(closed.reason, /dj_id/);
    });

    it('closes 4003 when the first message is not dj_auth or code_auth', async () => {
      t = await withKeys();
      for (const first of [frame(1), { type: 'no_such_type' }]) {
        const dj = await t.dj();
        dj.send(first);
        assert.equal((await dj.closedWith()).code, CLOSE_CODES.AUTH_REQUIRED);
      }
    });

    it('closes 4005 "Already connected" for a second connection with the same id', async () => {
      t = await withKeys();
      await connectDj(t, 'alice', 'alice-key');
      const second = await t.dj();
      second.send({ type: 'dj_auth', dj_id: 'alice', dj_key: 'alice-key', dj_name: 'Alice' });
      const closed = await second.closedWith();
      assert.deepEqual(closed, { code: CLOSE_CODES.ALREADY_CONNECTED, reason: 'Already connected' });
    });

    it('closes 4003 past the DJ limit', async () => {
      t = await startTestHub({ maxDjs: 2 });
      await connectDj(t, 'a');
      await connectDj(t, 'b');
      const third = await t.dj();
      third.send({ type: 'dj_auth', dj_id: 'c', dj_key: 'k', dj_name: 'C' });
      const closed = await third.closedWith();
      assert.equal(closed.code, CLOSE_CODES.AUTH_REQUIRED);
      assert.match(closed.reason, /DJ limit of 2/);
    });

    it('closes 4029 after 5 auth attempts from one IP within a minute, and lets in again after it', async () => {
      t = await withKeys();
      for (let i = 0; i < DJ_AUTH_ATTEMPTS_PER_WINDOW; i++) {
        const dj = await t.dj();
        dj.send({ type: 'dj_auth', dj_id: 'alice', dj_key: 'wrong', dj_name: 'A' });
        assert.equal((await dj.closedWith()).code, CLOSE_CODES.AUTH_FAILED);
      }
      const limited = await t.dj();
      limited.send({ type: 'dj_auth', dj_id: 'alice', dj_key: 'alice-key', dj_name: 'A' });
      assert.equal((await limited.closedWith()).code, CLOSE_CODES.AUTH_RATE_LIMITED);
      t.clock.advance(60_000);
      await connectDj(t, 'alice', 'alice-key');
    });
  });

  describe('connect codes', () => {
    it('puts a code_auth DJ in the approval queue and lets them in on approval', async () => {
      t = await withKeys();
      const { code } = t.hub.store.generateConnectCode();
      const dj = await t.dj();
      dj.send({ type: 'code_auth', code, dj_name: 'Guest Star' });
      const waiting = await dj.next('auth_pending');
      assert.equal(waiting['dj_id'], 'guest-GuestStar', 'MCAV’s clients read the id they wait under');
      const [pending] = t.hub.store.djs.waiting();
      assert.equal(pending?.dj_id, 'guest-GuestStar');
      t.hub.store.djs.decidePending(pending!.dj_id, true);
      const ok = await dj.next('auth_success');
      assert.equal(ok['dj_id'], 'guest-GuestStar');
      assert.equal(t.hub.store.djs.count, 1);
    });

    it('answers auth_denied and closes 4006 when the operator denies', async () => {
      t = await withKeys();
      const { code } = t.hub.store.generateConnectCode();
      const dj = await t.dj();
      dj.send({ type: 'code_auth', code, dj_name: 'Guest' });
      await dj.next('auth_pending');
      t.hub.store.djs.decidePending('guest-Guest', false);
      await dj.next('auth_denied');
      assert.equal((await dj.closedWith()).code, CLOSE_CODES.AUTH_DENIED);
    });

    it('refuses a used, unknown or expired code with auth_error and 4004', async () => {
      t = await withKeys();
      const { code } = t.hub.store.generateConnectCode(1);
      const first = await t.dj();
      first.send({ type: 'code_auth', code, dj_name: 'One' });
      await first.next('auth_pending');
      for (const attempt of [code, 'BASS-ZZZZ']) {
        const dj = await t.dj();
        dj.send({ type: 'code_auth', code: attempt, dj_name: 'Two' });
        assert.match(String((await dj.next('auth_error'))['error']), /ask the operator for a new one/);
        assert.equal((await dj.closedWith()).code, CLOSE_CODES.AUTH_FAILED);
      }
      const late = t.hub.store.generateConnectCode(1);
      t.clock.advance(60_000);
      const dj = await t.dj();
      dj.send({ type: 'code_auth', code: late.code, dj_name: 'Late' });
      assert.equal((await dj.closedWith()).code, CLOSE_CODES.AUTH_FAILED);
    });

    it('drops a pending DJ from the queue when their socket closes', async () => {
      t = await withKeys();
      const { code } = t.hub.store.generateConnectCode();
      const dj = await t.dj();
      dj.send({ type: 'code_auth', code, dj_name: 'Gone' });
      await dj.next('auth_pending');
      dj.close();
      await eventually(() => t.hub.store.djs.waiting().length === 0, 'the pending DJ to leave');
    });
  });

  describe('after auth', () => {
    it('acknowledges heartbeats and answers pings with their _seq', async () => {
      t = await startTestHub();
      const dj = await connectDj(t, 'a');
      dj.send({ type: 'dj_heartbeat', ts: 123.5, _seq: 4 });
      const ack = await dj.next('heartbeat_ack');
      assertValid(ack);
      assert.equal(ack['echo_ts'], 123.5);
      assert.equal(ack['server_time'], t.clock.now() / 1000);
      assert.equal(ack['_seq'], 4);
      dj.send({ type: 'ping', timestamp: 9 });
      assert.equal((await dj.next('pong'))['timestamp'], 9);
    });

    it('drops frames past 120 per second per DJ', async () => {
      t = await startTestHub();
      const dj = await connectDj(t, 'a');
      for (let i = 0; i < DJ_MAX_FRAMES_PER_SECOND + 30; i++) dj.send(frame(i));
      await eventually(
        () =>
          (t.hub.store.djs.get('a')?.framesReceived ?? 0) + (t.hub.store.djs.get('a')?.framesDropped ?? 0) ===
          DJ_MAX_FRAMES_PER_SECOND + 30,
        'every frame to arrive',
      );
      assert.equal(t.hub.store.djs.get('a')?.framesReceived, DJ_MAX_FRAMES_PER_SECOND);
      assert.equal(t.hub.store.djs.get('a')?.framesDropped, 30);
      t.clock.advance(1000);
      dj.send(frame(999));
      await eventually(
        () => t.hub.store.djs.get('a')?.framesReceived === DJ_MAX_FRAMES_PER_SECOND + 1,
        'the next second’s frame',
      );
    });

    it('answers bad JSON and bad fields with an error, and keeps the DJ connected', async () => {
      t = await startTestHub();
      const dj = await connectDj(t, 'a');
      dj.send('nope');
      assert.equal((await dj.next('error'))['code'], 'INVALID_JSON');
      dj.send({ ...frame(1), bands: [1, 2] });
      const err = await dj.next('error');
      assert.equal(err['code'], 'FRAMES_REFUSED');
      assert.match(String(err['message']), /bands/);
      dj.send({ type: 'dj_auth', dj_id: 'a', dj_key: 'k', dj_name: 'n' });
      assert.equal((await dj.next('error'))['code'], 'ALREADY_AUTHENTICATED');
      assert.equal(dj.isClosed, false);
    });

    it('answers INTERNAL_ERROR and stays up when handling a message hits a bug', async () => {
      t = await startTestHub();
      const dj = await connectDj(t, 'a');
      t.hub.store.djs.frame = () => {
        throw new Error('simulated bug');
      };
      dj.send(frame(1));
      assert.equal((await dj.next('error'))['code'], 'INTERNAL_ERROR');
      dj.send({ type: 'ping' });
      await dj.next('pong');
    });

    it('closes 1009 for a message over the size limit', async () => {
      t = await startTestHub();
      const dj = await connectDj(t, 'a');
      dj.send('x'.repeat(MAX_HUB_MESSAGE_BYTES + 1));
      assert.equal((await dj.closedWith()).code, CLOSE_CODES.MESSAGE_TOO_BIG);
    });

    it('closes 4010 when the operator kicks the DJ', async () => {
      t = await startTestHub();
      const dj = await connectDj(t, 'a');
      t.hub.store.djs.kick('a');
      assert.equal((await dj.closedWith()).code, CLOSE_CODES.KICKED);
      assert.equal(t.hub.health().current_djs, 0);
    });

    it('leaves cleanly on going_offline', async () => {
      t = await startTestHub();
      const dj = await connectDj(t, 'a');
      dj.send({ type: 'going_offline' });
      assert.equal((await dj.closedWith()).code, CLOSE_CODES.NORMAL);
      await eventually(() => t.hub.health().dj_disconnects === 1, 'the disconnect to count');
    });

    it('tells DJs when they go live and sends preset_sync on a preset change', async () => {
      t = await startTestHub();
      const a = await connectDj(t, 'a');
      const b = await connectDj(t, 'b');
      t.hub.store.djs.setActive('b');
      assert.equal((await b.next('status_update'))['is_active'], true);
      assert.equal((await a.next('status_update'))['is_active'], false);
      t.hub.store.setPreset('edm');
      const sync = await a.next('preset_sync');
      assertValid(sync);
      assert.equal((sync['preset'] as { name: string }).name, 'edm', 'MCAV’s DJ clients read preset.name');
    });

    it("sends the operator's attack/release in preset_sync, and the preset to a DJ who joins later", async () => {
      t = await startTestHub();
      const a = await connectDj(t, 'a');
      t.hub.store.setAudioSetting('attack', 0.9);
      const sync = await a.next('preset_sync');
      assertValid(sync);
      assert.deepEqual(sync['preset'], { ...mcavPresetSettings('auto'), attack: 0.9 });
      t.hub.store.setPreset('chill');
      assert.equal(((await a.next('preset_sync'))['preset'] as { attack: number }).attack, 0.9);
      const late = await connectDj(t, 'late');
      const joined = await late.next('preset_sync');
      assert.deepEqual(joined['preset'], { ...mcavPresetSettings('chill'), attack: 0.9 });
    });

    it('sends server_shutdown when the hub stops', async () => {
      t = await startTestHub();
      const dj = await connectDj(t, 'a');
      await t.close();
      await dj.next('server_shutdown');
      assert.equal((await dj.closedWith()).code, CLOSE_CODES.NORMAL);
    });
  });

  describe('liveness', () => {
    it('closes 4100 and falls back to the next DJ when the live DJ stops answering pings', async () => {
      t = await startTestHub();
      const silent = await new Promise<WebSocket>((resolve, reject) => {
        // A DJ whose connection died silently: it never answers a ping.
        const ws = new WebSocket(`ws://127.0.0.1:${t.hub.ports.dj}`, { autoPong: false });
        ws.on('error', reject);
        ws.on('open', () => {
          ws.send(JSON.stringify({ type: 'dj_auth', dj_id: 'ghost', dj_key: 'k', dj_name: 'Ghost' }));
          ws.once('message', () => resolve(ws));
        });
      });
      const closed = new Promise<number>((resolve) => silent.on('close', (code) => resolve(code)));
      const backup = await connectDj(t, 'backup');
      assert.equal(t.hub.store.djs.active, 'ghost');
      const heartbeat = async (): Promise<void> => {
        // The backup behaves like a real agent: a dj_heartbeat every interval, answered before time moves on.
        backup.send({ type: 'dj_heartbeat', ts: t.clock.now() / 1000 });
        await backup.next('heartbeat_ack');
      };
      for (let i = 0; i < DJ_SOCKET_LIVENESS.maxMissedPongs; i++) {
        await heartbeat();
        t.clock.advance(DJ_SOCKET_LIVENESS.intervalMs);
      }
      await heartbeat();
      assert.equal(t.hub.store.djs.active, 'ghost', 'still live while pings are merely unanswered');
      t.clock.advance(DJ_SOCKET_LIVENESS.intervalMs);
      assert.equal(await closed, CLOSE_CODES.PING_TIMEOUT);
      assert.equal(t.hub.store.djs.active, 'backup');
      assert.equal(backup.isClosed, false, 'a DJ that answers pings stays');
    });
  });
});
