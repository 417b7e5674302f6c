import assert from 'node:assert/strict';
import { BROWSER_CLIENT_POLICY, CLOSE_CODES, FakeClock } from '@audioviz/shared-types';
import { RequestError, WebSocketService, type LinkStatus } from '../../web/src/net/websocket-service';
import { FakeSocket } from './fake-socket';

/** A service on a fake clock with jitter pinned to zero (random 0.5 → spread 0), and its sockets. */
function setup(options: { handshake?: () => { type: string } | null; queueLimit?: number } = {}) {
  const clock = new FakeClock(1_000_000);
  const sockets: FakeSocket[] = [];
  const statuses: LinkStatus[] = [];
  const service = new WebSocketService({
    url: 'ws://127.0.0.1:8766',
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    clock,
    random: () => 0.5,
    ...options,
  });
  service.on('status', (s) => statuses.push(s));
  const last = (): FakeSocket => sockets[sockets.length - 1] as FakeSocket;
  return { clock, sockets, statuses, service, last };
}

describe('WebSocketService', () => {
  describe('status', () => {
    it('walks connecting → live → offline → connecting → live across a loss', () => {
      const { service, statuses, last, clock } = setup();
      service.connect();
      last().acceptOpen();
      last().drop();
      clock.advance(BROWSER_CLIENT_POLICY.backoff.initialMs);
      last().acceptOpen();
      assert.deepEqual(statuses, ['connecting', 'live', 'offline', 'connecting', 'live']);
      assert.equal(service.status, 'live');
    });

    it('is offline after close() and does not reconnect', () => {
      const { service, last, clock, sockets } = setup();
      service.connect();
      last().acceptOpen();
      service.close();
      assert.equal(service.status, 'offline');
      assert.deepEqual(last().closedWith, { code: 1000, reason: 'Page closed' });
      clock.advance(120_000);
      assert.equal(sockets.length, 1);
    });
  });

  describe('reconnect backoff', () => {
    it('waits 2 s × 1.5 per attempt, capped at 30 s', () => {
      const { service, last, clock } = setup();
      service.connect();
      const delays: number[] = [];
      for (let i = 0; i < 9; i++) {
        last().drop();
        delays.push(clock.nextDelay() as number);
        clock.fireNext();
      }
      assert.deepEqual(delays, [2000, 3000, 4500, 6750, 10125, 15188, 22781, 30000, 30000]);
    });

    it('spreads each delay by at most ±10 % jitter', () => {
      for (const random of [0, 0.999]) {
        const clock = new FakeClock();
        const sockets: FakeSocket[] = [];
        const service = new WebSocketService({
          url: 'ws://x',
          createSocket: (url) => (
            sockets.push(new FakeSocket(url)),
            sockets[sockets.length - 1] as FakeSocket
          ),
          clock,
          random: () => random,
        });
        service.connect();
        (sockets[0] as FakeSocket).drop();
        const delay = clock.nextDelay() as number;
        assert.ok(delay >= 1800 && delay <= 2200, `delay ${delay} outside 2 s ± 10 %`);
        assert.notEqual(delay, 2000);
      }
    });

    it('emits reconnect_failed after 10 failed attempts and then stays quiet', () => {
      const { service, last, clock, sockets } = setup();
      const failed: number[] = [];
      service.on('reconnect_failed', (n) => failed.push(n));
      service.connect();
      last().drop();
      while (clock.fireNext()) last().drop();
      assert.equal(sockets.length, 1 + BROWSER_CLIENT_POLICY.backoff.maxAttempts);
      assert.deepEqual(failed, [10]);
      assert.equal(service.status, 'offline');
      clock.advance(10 * 60_000);
      assert.equal(sockets.length, 11);
    });

    it('reconnectNow() after giving up connects at once with a fresh backoff', () => {
      const { service, last, clock, sockets } = setup();
      service.connect();
      last().drop();
      while (clock.fireNext()) last().drop();
      service.reconnectNow();
      assert.equal(sockets.length, 12);
      last().drop();
      assert.equal(clock.nextDelay(), 2000);
    });

    it('does not reset the backoff on open, only on the first message received', () => {
      const { service, last, clock } = setup();
      service.connect();
      last().drop();
      clock.fireNext();
      last().acceptOpen();
      last().drop();
      assert.equal(clock.nextDelay(), 3000, 'open alone must not reset the backoff');
      clock.fireNext();
      last().acceptOpen();
      last().receive({ type: 'vj_state' });
      last().drop();
      assert.equal(clock.nextDelay(), 2000);
    });

    it('never retries after a refusal close code and reports it', () => {
      const { service, last, clock, sockets } = setup();
      const refused: Array<[number, string]> = [];
      service.on('refused', (code, reason) => refused.push([code, reason]));
      service.connect();
      last().acceptOpen();
      last().drop(CLOSE_CODES.AUTH_FAILED, 'Wrong password');
      clock.advance(120_000);
      assert.equal(sockets.length, 1);
      assert.deepEqual(refused, [[4004, 'Wrong password']]);
      assert.equal(service.status, 'offline');
    });

    it('treats a socket that cannot even be created as a failed attempt', () => {
      const clock = new FakeClock();
      let calls = 0;
      const service = new WebSocketService({
        url: 'ws://bad',
        createSocket: () => {
          calls++;
          throw new Error('SyntaxError: bad URL');
        },
        clock,
        random: () => 0.5,
      });
      service.connect();
      assert.equal(service.status, 'offline');
      clock.advance(2000);
      assert.equal(calls, 2);
    });
  });

  describe('offline queue', () => {
    it('queues while offline and flushes in order after the handshake on reconnect', () => {
      const { service, last } = setup({ handshake: () => ({ type: 'vj_auth', password: 'p' }) });
      service.connect();
      assert.equal(service.send({ type: 'set_blackout', enabled: true }), false);
      service.send({ type: 'set_freeze', enabled: true });
      assert.equal(service.queued, 2);
      last().acceptOpen();
      assert.deepEqual(
        last()
          .messages()
          .map((m) => m['type']),
        ['vj_auth', 'set_blackout', 'set_freeze'],
      );
      assert.equal(service.queued, 0);
    });

    it('keeps at most 500 messages, evicting the oldest', () => {
      const { service, last } = setup();
      service.connect();
      for (let i = 0; i < 520; i++) service.send({ type: 'set_transition_duration', duration: i });
      assert.equal(service.queued, BROWSER_CLIENT_POLICY.offlineQueueLimit);
      assert.equal(service.droppedCount, 20);
      last().acceptOpen();
      const sent = last().messages();
      assert.equal(sent.length, 500);
      assert.equal(sent[0]?.['duration'], 20);
      assert.equal(sent[499]?.['duration'], 519);
    });

    it('drops instead of queueing when asked (live audio frames)', () => {
      const { service } = setup();
      service.connect();
      assert.equal(service.send({ type: 'dj_audio_frame' }, { queue: false }), false);
      assert.equal(service.queued, 0);
    });
  });

  describe('heartbeat', () => {
    it('pings every 5 s while open', () => {
      const { service, last, clock } = setup();
      service.connect();
      last().acceptOpen();
      clock.advance(5000);
      last().receive({ type: 'pong', timestamp: clock.now() - 12 });
      clock.advance(5000);
      const pings = last()
        .messages()
        .filter((m) => m['type'] === 'ping');
      assert.equal(pings.length, 2);
      assert.equal(service.latencyMs, 12);
    });

    it('gives the link up after 20 s without any message and reconnects', () => {
      const { service, last, clock, sockets, statuses } = setup();
      service.connect();
      last().acceptOpen();
      clock.advance(BROWSER_CLIENT_POLICY.heartbeat.pongTimeoutMs - 1);
      assert.equal(service.status, 'live');
      clock.advance(1);
      assert.equal(service.status, 'offline');
      assert.equal(sockets[0]?.closedWith?.code, 4000);
      assert.deepEqual(statuses.slice(-1), ['offline']);
      clock.advance(clock.nextDelay() as number);
      assert.equal(sockets.length, 2);
    });

    it('answers a server ping with a pong echoing its timestamp', () => {
      const { service, last } = setup();
      const seen: string[] = [];
      service.on('message', (m) => seen.push(m.type));
      service.connect();
      last().acceptOpen();
      last().receive({ type: 'ping', timestamp: 42 });
      assert.deepEqual(last().messages(), [{ type: 'pong', timestamp: 42 }]);
      assert.deepEqual(seen, []);
    });
  });

  describe('requests', () => {
    it('resolves with the reply echoing its _seq', async () => {
      const { service, last } = setup();
      service.connect();
      last().acceptOpen();
      const reply = service.request({ type: 'set_blackout', enabled: true });
      const seq = last().messages()[0]?.['_seq'];
      last().receive({ type: 'ack', request: 'set_blackout', _seq: seq });
      assert.equal((await reply).type, 'ack');
    });

    it('rejects on an error reply with the hub’s message', async () => {
      const { service, last } = setup();
      service.connect();
      last().acceptOpen();
      const reply = service.request({ type: 'load_scene', name: 'nope' });
      const seq = last().messages()[0]?.['_seq'];
      last().receive({ type: 'error', message: 'Unknown scene "nope"', _seq: seq });
      await assert.rejects(
        reply,
        (e: RequestError) => e.reason === 'error_reply' && /Unknown scene/.test(e.message),
      );
    });

    it('rejects after the timeout when no reply comes', async () => {
      const { service, last, clock } = setup();
      service.connect();
      last().acceptOpen();
      const reply = service.request({ type: 'get_zones' });
      clock.advance(5000);
      await assert.rejects(reply, (e: RequestError) => e.reason === 'timeout');
    });

    it('rejects pending requests on close()', async () => {
      const { service } = setup();
      service.connect();
      const reply = service.request({ type: 'get_zones' });
      service.close();
      await assert.rejects(reply, (e: RequestError) => e.reason === 'closed');
    });
  });

  describe('hostile input', () => {
    it('ignores frames that are not JSON objects with a type, and counts them', () => {
      const { service, last } = setup();
      const seen: unknown[] = [];
      service.on('message', (m) => seen.push(m));
      service.connect();
      last().acceptOpen();
      for (const bad of ['{', '[]', 'null', '42', '{"type":7}', '"x"']) last().receive(bad);
      last().onmessage?.({ data: new ArrayBuffer(4) });
      assert.deepEqual(seen, []);
      assert.equal(service.malformedCount, 7);
      assert.equal(service.status, 'live');
    });

    it('drops messages that fail the schema check, and refuses a request whose reply fails it', async () => {
      const clock = new FakeClock();
      const sockets: FakeSocket[] = [];
      const service = new WebSocketService({
        url: 'ws://x',
        createSocket: (url) => (sockets.push(new FakeSocket(url)), sockets[sockets.length - 1] as FakeSocket),
        clock,
        random: () => 0.5,
        validate: (m) => (m['ok'] === true ? null : `${m.type}.ok: expected true`),
      });
      const seen: string[] = [];
      service.on('message', (m) => seen.push(m.type));
      service.connect();
      const socket = sockets[0] as FakeSocket;
      socket.acceptOpen();
      const original = console.warn;
      const warnings: string[] = [];
      console.warn = (text: string) => warnings.push(text);
      try {
        const reply = service.request({ type: 'get_zones' });
        const seq = socket.messages()[0]?.['_seq'];
        socket.receive({ type: 'zones', _seq: seq });
        socket.receive({ type: 'state', ok: true });
        await assert.rejects(
          reply,
          (e: RequestError) => e.reason === 'error_reply' && /malformed/.test(e.message),
        );
      } finally {
        console.warn = original;
      }
      assert.deepEqual(seen, ['state']);
      assert.equal(service.malformedCount, 1);
      assert.deepEqual(warnings, ['Ignored a "zones" from the hub: zones.ok: expected true']);
    });

    it('keeps delivering to other listeners when one throws', () => {
      const { service, last } = setup();
      const seen: string[] = [];
      const original = console.error;
      console.error = () => {};
      try {
        service.on('message', () => {
          throw new Error('broken view');
        });
        service.on('message', (m) => seen.push(m.type));
        service.connect();
        last().acceptOpen();
        last().receive({ type: 'state' });
      } finally {
        console.error = original;
      }
      assert.deepEqual(seen, ['state']);
    });
  });
});
