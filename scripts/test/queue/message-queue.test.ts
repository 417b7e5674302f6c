import { strict as assert } from 'node:assert';
import { MessageQueue, QUEUE_WARNING_INTERVAL_MS } from '../../src/queue/message-queue';

function queue(capacity: number) {
  const clock = { t: 0 };
  const warnings: string[] = [];
  const q = new MessageQueue({ capacity, now: () => clock.t, warn: (m) => warnings.push(m) });
  const drained = (): string[] => {
    const out: string[] = [];
    q.drain((c, t) => {
      out.push(`${c}:${t}`);
      return true;
    });
    return out;
  };
  return { q, clock, warnings, drained };
}

describe('MessageQueue', () => {
  it('hands messages over in arrival order and empties', () => {
    const { q, drained } = queue(4);
    q.push('a', '1');
    q.push('b', '2');
    assert.deepEqual(drained(), ['a:1', 'b:2']);
    assert.equal(q.length, 0);
    assert.deepEqual(drained(), []);
  });

  it('drops the oldest message when full and counts it', () => {
    const { q, drained } = queue(3);
    for (let i = 1; i <= 5; i++) q.push('c', String(i));
    assert.equal(q.length, 3);
    assert.equal(q.droppedCount, 2);
    assert.deepEqual(drained(), ['c:3', 'c:4', 'c:5']);
  });

  it('also drops the oldest messages to stay within its character budget', () => {
    const q = new MessageQueue({ capacity: 100, maxChars: 10, now: () => 0, warn: () => undefined });
    q.push('a', '1234');
    q.push('a', '5678');
    q.push('a', 'abcd');
    assert.equal(q.length, 2);
    assert.equal(q.droppedCount, 1);
    q.push('a', 'x'.repeat(50)); // alone over budget: everything else goes, it stays (the validator refuses it)
    assert.equal(q.length, 1);
    const seen: string[] = [];
    q.drain((_c, t) => {
      seen.push(t);
      return true;
    });
    assert.deepEqual(seen, ['x'.repeat(50)]);
  });

  it('defaults to the protocol capacity of 1000 and refuses a nonsense capacity', () => {
    assert.equal(new MessageQueue({ now: () => 0, warn: () => undefined }).capacity, 1000);
    assert.equal(new MessageQueue({ capacity: -5, now: () => 0, warn: () => undefined }).capacity, 1000);
  });

  it('warns past 80 % full, at most once per interval', () => {
    const { q, clock, warnings } = queue(10);
    for (let i = 0; i < 7; i++) q.push('c', 'x');
    assert.equal(warnings.length, 0);
    q.push('c', 'x');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /8\/10 full/);
    for (let i = 0; i < 100; i++) q.push('c', 'x');
    assert.equal(warnings.length, 1);
    clock.t += QUEUE_WARNING_INTERVAL_MS;
    q.push('c', 'x');
    assert.equal(warnings.length, 2);
    assert.match(warnings[1]!, /dropped/);
  });

  it('leaves messages enqueued during a drain for the next drain', () => {
    const { q } = queue(5);
    q.push('a', '1');
    const seen: string[] = [];
    q.drain((_c, t) => {
      seen.push(t);
      q.push('a', 'later');
      return true;
    });
    assert.deepEqual(seen, ['1']);
    assert.equal(q.length, 1);
  });

  it('stops a drain where the consumer says so and keeps the rest in order', () => {
    const { q, drained } = queue(5);
    for (const t of ['1', 'stop', '3', '4']) q.push('a', t);
    const seen: string[] = [];
    q.drain((_c, t) => {
      seen.push(t);
      return t !== 'stop';
    });
    assert.deepEqual(seen, ['1', 'stop']);
    assert.equal(q.length, 2);
    q.push('a', '5');
    assert.deepEqual(drained(), ['a:3', 'a:4', 'a:5']);
  });
});
