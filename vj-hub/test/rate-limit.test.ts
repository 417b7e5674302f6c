import assert from 'node:assert/strict';
import { FakeClock } from '@audioviz/shared-types';
import { SlidingWindowLimiter } from '../src/rate-limit';

describe('rate-limit', () => {
  it('allows `limit` events per window and refuses the next', () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(5, 60_000, clock);
    for (let i = 0; i < 5; i++) assert.equal(limiter.tryAcquire('ip'), true);
    assert.equal(limiter.tryAcquire('ip'), false);
  });

  it('allows again once the oldest event leaves the window', () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(2, 1000, clock);
    limiter.tryAcquire('k');
    clock.advance(500);
    limiter.tryAcquire('k');
    clock.advance(499);
    assert.equal(limiter.tryAcquire('k'), false);
    clock.advance(1);
    assert.equal(limiter.tryAcquire('k'), true);
    assert.equal(limiter.tryAcquire('k'), false);
  });

  it('counts keys separately', () => {
    const limiter = new SlidingWindowLimiter(1, 1000, new FakeClock());
    assert.equal(limiter.tryAcquire('a'), true);
    assert.equal(limiter.tryAcquire('b'), true);
    assert.equal(limiter.tryAcquire('a'), false);
  });

  it('does not record refused events, so a flood does not extend the ban', () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(1, 1000, clock);
    limiter.tryAcquire('k');
    for (let i = 0; i < 100; i++) {
      clock.advance(9);
      limiter.tryAcquire('k');
    }
    clock.advance(100);
    assert.equal(limiter.tryAcquire('k'), true);
  });

  it('bounds the keys it tracks under a flood of distinct keys', () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter(1, 1000, clock);
    for (let i = 0; i < 25_000; i++) limiter.tryAcquire(`ip-${i}`);
    assert.ok(limiter.trackedKeys <= 10_000, `tracked ${limiter.trackedKeys}`);
  });

  it('refuses a nonsensical limit', () => {
    assert.throws(() => new SlidingWindowLimiter(0, 1000, new FakeClock()), RangeError);
  });
});
