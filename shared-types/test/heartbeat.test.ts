import assert from 'node:assert/strict';
import {
  BROWSER_CLIENT_POLICY,
  BROWSER_SERVER_HEARTBEAT,
  DJ_RELAY_POLICY,
  FakeClock,
  HeartbeatMonitor,
  HUB_MINECRAFT_POLICY,
  VIZ_CLIENT_POLICY,
  type HeartbeatFailure,
  type HeartbeatPolicy,
} from '../src';

function harness(policy: HeartbeatPolicy, sendOk: () => boolean = () => true) {
  const clock = new FakeClock(1_000_000);
  const sentAt: number[] = [];
  const dead: { reason: HeartbeatFailure; at: number }[] = [];
  const monitor = new HeartbeatMonitor(policy, clock, {
    send: () => {
      sentAt.push(clock.now() - 1_000_000);
      return sendOk();
    },
    onDead: (reason) => dead.push({ reason, at: clock.now() - 1_000_000 }),
  });
  return { clock, sentAt, dead, monitor };
}

describe('HeartbeatMonitor', () => {
  describe('DJ relay: dj_heartbeat every 2 s, 3 consecutive send failures → disconnect', () => {
    it('sends every 2 s while sends succeed, and never times out on missing acks', () => {
      const h = harness(DJ_RELAY_POLICY.heartbeat);
      h.monitor.start();
      h.clock.advance(60_000);
      assert.equal(h.sentAt.length, 30);
      assert.deepEqual(h.sentAt.slice(0, 3), [2000, 4000, 6000]);
      assert.equal(h.dead.length, 0);
    });

    it('declares the link dead on the third consecutive failed send', () => {
      const h = harness(DJ_RELAY_POLICY.heartbeat, () => false);
      h.monitor.start();
      h.clock.advance(20_000);
      assert.deepEqual(h.dead, [{ reason: 'send_failures', at: 6000 }]);
      assert.equal(h.monitor.running, false);
    });

    it('counts a throwing send as a failure', () => {
      const h = harness(DJ_RELAY_POLICY.heartbeat, () => {
        throw new Error('socket closed');
      });
      h.monitor.start();
      h.clock.advance(6000);
      assert.equal(h.dead[0]?.reason, 'send_failures');
    });

    it('forgives failures that are not consecutive', () => {
      const pattern = [true, false, false, true, false, false, true];
      let i = 0;
      const g = harness(DJ_RELAY_POLICY.heartbeat, () => pattern[i++ % pattern.length] as boolean);
      g.monitor.start();
      g.clock.advance(60_000);
      assert.equal(g.sentAt.length, 30);
      assert.equal(g.dead.length, 0);
    });
  });

  describe('hub → Minecraft: ping every 10 s, no pong for 30 s → disconnect', () => {
    it('dies exactly 30 s after the last pong', () => {
      const h = harness(HUB_MINECRAFT_POLICY.heartbeat);
      h.monitor.start();
      h.clock.advance(15_000);
      h.monitor.pongReceived();
      h.clock.advance(60_000);
      assert.deepEqual(h.dead, [{ reason: 'pong_timeout', at: 45_000 }]);
      assert.deepEqual(h.sentAt, [10_000, 20_000, 30_000, 40_000]);
    });

    it('stays alive while pongs keep coming', () => {
      const h = harness(HUB_MINECRAFT_POLICY.heartbeat);
      h.monitor.start();
      for (let t = 0; t < 300; t++) {
        h.clock.advance(1000);
        if (t % 10 === 9) h.monitor.pongReceived();
      }
      assert.equal(h.dead.length, 0);
      assert.equal(h.sentAt.length, 30);
    });
  });

  describe('VizClient: ping every 10 s, pong timeout 30 s', () => {
    it('dies 30 s after start when nothing ever answers', () => {
      const h = harness(VIZ_CLIENT_POLICY.heartbeat);
      h.monitor.start();
      h.clock.advance(29_999);
      assert.equal(h.dead.length, 0);
      h.clock.advance(1);
      assert.deepEqual(h.dead, [{ reason: 'pong_timeout', at: 30_000 }]);
    });
  });

  describe('browser client: ping every 5 s, pong timeout 20 s', () => {
    it('pings every 5 s and dies 20 s after the last pong', () => {
      const h = harness(BROWSER_CLIENT_POLICY.heartbeat);
      h.monitor.start();
      h.clock.advance(12_000);
      h.monitor.pongReceived();
      h.clock.advance(30_000);
      assert.deepEqual(h.sentAt, [5000, 10_000, 15_000, 20_000, 25_000, 30_000]);
      assert.deepEqual(h.dead, [{ reason: 'pong_timeout', at: 32_000 }]);
    });
  });

  describe('hub server → browser: ping every 15 s, removed after 2 missed pongs', () => {
    it('removes a browser that stops answering after two unanswered pings', () => {
      const h = harness(BROWSER_SERVER_HEARTBEAT);
      h.monitor.start();
      h.clock.advance(100_000);
      assert.deepEqual(h.sentAt, [15_000, 30_000]);
      assert.deepEqual(h.dead, [{ reason: 'missed_pongs', at: 45_000 }]);
    });

    it('keeps a browser that answers every ping', () => {
      const h = harness(BROWSER_SERVER_HEARTBEAT);
      h.monitor.start();
      for (let i = 0; i < 20; i++) {
        h.clock.advance(15_000);
        h.monitor.pongReceived();
      }
      assert.equal(h.dead.length, 0);
      assert.equal(h.monitor.missedPongs, 0);
    });

    it('tolerates one missed pong', () => {
      const h = harness(BROWSER_SERVER_HEARTBEAT);
      h.monitor.start();
      h.clock.advance(30_000); // two pings out
      h.monitor.pongReceived();
      h.clock.advance(30_000);
      assert.equal(h.dead.length, 0);
    });
  });

  it('stop() cancels every timer', () => {
    const h = harness(HUB_MINECRAFT_POLICY.heartbeat);
    h.monitor.start();
    h.monitor.stop();
    assert.equal(h.clock.pendingTimers, 0);
    h.clock.advance(100_000);
    assert.equal(h.dead.length, 0);
    assert.equal(h.sentAt.length, 0);
  });

  it('restarting clears the missed and failure counts', () => {
    const h = harness(BROWSER_SERVER_HEARTBEAT);
    h.monitor.start();
    h.clock.advance(30_000);
    assert.equal(h.monitor.missedPongs, 2);
    h.monitor.start();
    assert.equal(h.monitor.missedPongs, 0);
    h.clock.advance(44_999);
    assert.equal(h.dead.length, 0);
  });

  it('refuses a zero interval', () => {
    assert.throws(() => harness({ ...BROWSER_SERVER_HEARTBEAT, intervalMs: 0 }), RangeError);
  });
});
