import assert from 'node:assert/strict';
import { connectDj, frame, startTestHub, type TestHub } from '../helpers/test-hub';
import { eventually, type Received, type TestClient } from '../helpers/ws-client';

/** One 60 Hz frame period on the fake clock, ms. */
const FRAME_MS = 17;

describe('DJ switching under load', function () {
  this.timeout(30_000);
  let t: TestHub;
  afterEach(async () => t?.close());

  /** Every DJ in `djs` sends one frame (levels that wobble), then the fake clock moves one frame on. */
  async function step(n: number, djs: Map<string, { client: TestClient; level: number }>): Promise<void> {
    const before = new Map([...djs.keys()].map((id) => [id, t.hub.store.djs.get(id)?.framesReceived ?? 0]));
    for (const { client, level } of djs.values())
      client.send(frame(n, level * (0.85 + 0.15 * Math.sin(n / 3)), n % 30 === 0));
    await eventually(
      () => [...djs.keys()].every((id) => (t.hub.store.djs.get(id)?.framesReceived ?? 0) > before.get(id)!),
      `frames of step ${n}`,
    );
    t.clock.advance(FRAME_MS);
  }

  it('switches and falls back without a blank or frozen frame', async () => {
    t = await startTestHub();
    const browsers = await Promise.all(Array.from({ length: 8 }, () => t.browser()));
    const watcher = browsers[0]!;
    const djs = new Map<string, { client: TestClient; level: number }>();
    djs.set('a', { client: await connectDj(t, 'a'), level: 0.8 });
    djs.set('b', { client: await connectDj(t, 'b'), level: 0.3 });
    djs.set('c', { client: await connectDj(t, 'c'), level: 0.6 });

    for (let n = 0; n < 30; n++) await step(n, djs);
    watcher.send({ type: 'set_active_dj', dj_id: 'b' });
    await watcher.next('ack');
    for (let n = 30; n < 60; n++) await step(n, djs);
    djs.get('b')!.client.close(); // the live DJ drops out
    djs.delete('b');
    await eventually(() => t.hub.store.djs.active === 'a', 'the fallback to the next DJ in the queue');
    for (let n = 60; n < 90; n++) await step(n, djs);

    const states = await watcher.count('state', 20);
    const byDj = (id: string) => states.filter((s) => s['active_dj'] === id);
    assert.ok(byDj('a').length > 10 && byDj('b').length > 10, 'states from before and after each switch');
    const bands = (s: Received) => s['bands'] as number[];
    for (const s of states)
      assert.ok(Math.max(...bands(s)) > 0.05, `blank frame: ${JSON.stringify(s['bands'])}`);
    for (let i = 1; i < states.length; i++) {
      assert.notDeepEqual(bands(states[i]!), bands(states[i - 1]!), `frozen frame at state ${i}`);
    }
    // Switching glides: no state-to-state jump larger than the attack can make in the elapsed frames.
    for (let i = 1; i < states.length; i++) {
      const jump = Math.max(...bands(states[i]!).map((b, k) => Math.abs(b - bands(states[i - 1]!)[k]!)));
      assert.ok(jump < 0.6, `jump of ${jump} at state ${i}`);
    }
    for (const b of browsers) assert.equal(b.isClosed, false);
  });

  it('winds the show down smoothly when the last DJ leaves', async () => {
    t = await startTestHub();
    const watcher = await t.browser();
    const djs = new Map([['a', { client: await connectDj(t, 'a'), level: 0.9 }]]);
    for (let n = 0; n < 20; n++) await step(n, djs);
    djs.get('a')!.client.close();
    await eventually(() => t.hub.store.djs.active === null, 'the DJ to leave');
    watcher.received.length = 0;
    for (let i = 0; i < 40; i++) t.clock.advance(50);
    const states = await watcher.count('state', 40);
    const levels = states.map((s) => (s['bands'] as number[])[0]!);
    for (let i = 1; i < levels.length; i++)
      assert.ok(levels[i]! <= levels[i - 1]!, 'never rises without a DJ');
    assert.ok(levels[0]! > 0.1 && levels.at(-1)! < 0.01, `decays from ${levels[0]} to ${levels.at(-1)}`);
    assert.equal(states.at(-1)!['active_dj'], null);
  });
});
