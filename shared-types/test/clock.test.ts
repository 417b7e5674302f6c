import assert from 'node:assert/strict';
import { FakeClock, seededRandom, systemClock } from '../src';

describe('FakeClock', () => {
  it('fires timers in due order, ties in scheduling order', () => {
    const clock = new FakeClock();
    const order: string[] = [];
    clock.setTimeout(() => order.push('b'), 20);
    clock.setTimeout(() => order.push('a'), 10);
    clock.setTimeout(() => order.push('c'), 20);
    clock.advance(20);
    assert.deepEqual(order, ['a', 'b', 'c']);
  });

  it('fires timers scheduled by timers when they fall inside the window', () => {
    const clock = new FakeClock();
    const at: number[] = [];
    const tick = () => {
      at.push(clock.now());
      clock.setTimeout(tick, 100);
    };
    clock.setTimeout(tick, 100);
    clock.advance(350);
    assert.deepEqual(at, [100, 200, 300]);
    assert.equal(clock.now(), 350);
    assert.equal(clock.nextDelay(), 50);
  });

  it('cancels a timer', () => {
    const clock = new FakeClock();
    let fired = false;
    const handle = clock.setTimeout(() => (fired = true), 5);
    clock.clearTimeout(handle);
    clock.advance(10);
    assert.equal(fired, false);
    assert.equal(clock.fireNext(), false);
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for the same seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const seqA = Array.from({ length: 1000 }, a);
    assert.deepEqual(seqA, Array.from({ length: 1000 }, b));
    assert.notDeepEqual(seqA.slice(0, 10), Array.from({ length: 10 }, c));
    for (const x of seqA) assert.ok(x >= 0 && x < 1);
  });
});

describe('systemClock', () => {
  it('schedules and cancels real timers', async () => {
    let fired = false;
    const handle = systemClock.setTimeout(() => (fired = true), 1);
    systemClock.clearTimeout(handle);
    await new Promise<void>((resolve) => systemClock.setTimeout(resolve, 5));
    assert.equal(fired, false);
    assert.ok(Math.abs(systemClock.now() - Date.now()) < 1000);
  });
});
