import assert from 'node:assert/strict';
import {
  Backoff,
  BROWSER_CLIENT_POLICY,
  DJ_RELAY_POLICY,
  FakeClock,
  HUB_MINECRAFT_POLICY,
  Reconnector,
  VIZ_CLIENT_POLICY,
  type BackoffPolicy,
} from '../src';

const middle = () => 0.5; // jitter factor 0: the exact base delay
const low = () => 0; // −jitter
const high = () => 0.999999; // +jitter (just under)

function delays(policy: BackoffPolicy, count: number, random = middle): (number | null)[] {
  const backoff = new Backoff(policy, random);
  return Array.from({ length: count }, () => backoff.next());
}

describe('Backoff', () => {
  describe('connection-policy rows (docs/protocol.md)', () => {
    it('DJ relay: 5 s × 1.5 up to 30 s, unlimited after a loss', () => {
      assert.deepEqual(
        delays(DJ_RELAY_POLICY.backoff, 8),
        [5000, 7500, 11250, 16875, 25313, 30000, 30000, 30000],
      );
      assert.equal(new Backoff(DJ_RELAY_POLICY.backoff, middle).exhausted, false);
    });

    it('DJ relay: the initial connection gives up after max_connect_attempts (3)', () => {
      const initial = { ...DJ_RELAY_POLICY.backoff, maxAttempts: DJ_RELAY_POLICY.maxConnectAttempts };
      assert.deepEqual(delays(initial, 4), [5000, 7500, 11250, null]);
    });

    it('hub → Minecraft: 5 s × 1.5 up to 60 s, unlimited', () => {
      assert.deepEqual(
        delays(HUB_MINECRAFT_POLICY.backoff, 10),
        [5000, 7500, 11250, 16875, 25313, 37969, 56953, 60000, 60000, 60000],
      );
      const backoff = new Backoff(HUB_MINECRAFT_POLICY.backoff, middle);
      for (let i = 0; i < 1000; i++) assert.notEqual(backoff.next(), null, 'unlimited attempts');
      assert.equal(backoff.next(), 60000);
    });

    it('VizClient: 1 s × 1.5 up to 30 s, 10 attempts', () => {
      assert.deepEqual(delays(VIZ_CLIENT_POLICY.backoff, 11), [
        1000,
        1500,
        2250,
        3375,
        5063,
        7594,
        11391,
        17086,
        25629,
        30000,
        null,
      ]);
      assert.equal(VIZ_CLIENT_POLICY.autoReconnect, false);
      assert.equal(VIZ_CLIENT_POLICY.connectTimeoutMs, 10_000);
    });

    it('browser: 2 s × 1.5 up to 30 s, 10 attempts', () => {
      assert.deepEqual(delays(BROWSER_CLIENT_POLICY.backoff, 11), [
        2000,
        3000,
        4500,
        6750,
        10125,
        15188,
        22781,
        30000,
        30000,
        30000,
        null,
      ]);
    });
  });

  describe('jitter', () => {
    for (const [name, policy] of [
      ['DJ relay', DJ_RELAY_POLICY.backoff],
      ['hub → Minecraft', HUB_MINECRAFT_POLICY.backoff],
      ['VizClient', VIZ_CLIENT_POLICY.backoff],
      ['browser', BROWSER_CLIENT_POLICY.backoff],
    ] as const) {
      it(`stays within ±10 % of the base delay (${name})`, () => {
        const lo = delays(policy, 10, low);
        const hi = delays(policy, 10, high);
        const backoff = new Backoff(policy, middle);
        lo.forEach((d, i) => {
          if (d === null) return;
          const base = backoff.baseDelay(i);
          assert.equal(d, Math.round(base * 0.9));
          assert.ok(Math.abs((hi[i] as number) - base * 1.1) <= 1);
        });
      });
    }

    it('spreads delays across the jitter range with a real random source', () => {
      const seen = new Set(delays({ ...VIZ_CLIENT_POLICY.backoff, maxAttempts: Infinity }, 1, Math.random));
      for (let i = 0; i < 50; i++) seen.add(delays(VIZ_CLIENT_POLICY.backoff, 1, Math.random)[0]!);
      assert.ok(seen.size > 10, 'jitter should produce varied first delays');
      for (const d of seen) assert.ok((d as number) >= 900 && (d as number) <= 1100);
    });
  });

  it('starts over from the initial delay after reset', () => {
    const backoff = new Backoff(VIZ_CLIENT_POLICY.backoff, middle);
    for (let i = 0; i < 10; i++) backoff.next();
    assert.equal(backoff.exhausted, true);
    assert.equal(backoff.next(), null);
    backoff.reset();
    assert.equal(backoff.attempts, 0);
    assert.equal(backoff.next(), 1000);
  });

  it('refuses nonsensical policies with a RangeError', () => {
    const ok = VIZ_CLIENT_POLICY.backoff;
    assert.throws(() => new Backoff({ ...ok, multiplier: 0.5 }, middle), RangeError);
    assert.throws(() => new Backoff({ ...ok, maxMs: 10 }, middle), RangeError);
    assert.throws(() => new Backoff({ ...ok, jitter: 1 }, middle), RangeError);
    assert.throws(() => new Backoff({ ...ok, initialMs: -1 }, middle), RangeError);
    assert.throws(() => new Backoff({ ...ok, maxAttempts: -1 }, middle), RangeError);
  });
});

describe('Reconnector', () => {
  it('runs attempts on the VizClient schedule, then gives up after 10', () => {
    const clock = new FakeClock();
    const attemptsAt: number[] = [];
    let gaveUp = 0;
    const loop: Reconnector = new Reconnector(
      VIZ_CLIENT_POLICY.backoff,
      clock,
      middle,
      () => {
        attemptsAt.push(clock.now());
        loop.schedule(); // every attempt fails
      },
      { onGiveUp: (n) => (gaveUp = n) },
    );
    assert.equal(loop.schedule(), true);
    clock.advance(10 * 60_000);
    assert.deepEqual(attemptsAt, [1000, 2500, 4750, 8125, 13188, 20782, 32173, 49259, 74888, 104888]);
    assert.equal(gaveUp, 10);
    assert.equal(loop.pending, false);
  });

  it('resets the schedule on success (hub → Minecraft: reset on success)', () => {
    const clock = new FakeClock();
    let attempts = 0;
    const scheduled: number[] = [];
    const loop: Reconnector = new Reconnector(HUB_MINECRAFT_POLICY.backoff, clock, middle, () => attempts++, {
      onScheduled: (delay) => scheduled.push(delay),
    });
    loop.schedule();
    clock.advance(5000);
    loop.schedule();
    clock.advance(7500);
    assert.equal(attempts, 2);
    loop.succeeded();
    loop.schedule();
    assert.deepEqual(scheduled, [5000, 7500, 5000]);
  });

  it('does not double-schedule and can be cancelled', () => {
    const clock = new FakeClock();
    let attempts = 0;
    const loop = new Reconnector(DJ_RELAY_POLICY.backoff, clock, middle, () => attempts++);
    loop.schedule();
    loop.schedule();
    assert.equal(clock.pendingTimers, 1);
    loop.cancel();
    clock.advance(60_000);
    assert.equal(attempts, 0);
  });
});
