import assert from 'node:assert/strict';
import { recordingEngine } from '../helpers/engine-double';
import { startTestHub } from '../helpers/test-hub';

describe('preview engine inside the hub', () => {
  it('runs inside the hub: zone commands reach it and its entities reach the browsers', async () => {
    const { factory, log } = recordingEngine();
    const t = await startTestHub({}, { createEngine: factory });
    try {
      const b = await t.browser();
      await b.next('vj_state');
      b.send({ type: 'set_pattern', pattern: 'circle', zones: ['z1'] });
      await b.next('ack');
      assert.ok(log.enqueued.some((text) => text.includes('"set_pattern"') && text.includes('"z1"')));
      t.clock.advance(50);
      const state = await b.next('state');
      assert.deepEqual(state['entities'], { z1: [{ id: 'block_0', x: 0.5, y: 1, z: 0 }] });
      assert.ok(log.ticks >= 1);
    } finally {
      await t.close();
    }
  });
});
