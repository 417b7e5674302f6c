import assert from 'node:assert/strict';
import { BROWSER_OUTBOUND, createPortValidator } from '@audioviz/shared-types';
import { createEngine } from '@audioviz/scripts';
import { FakePlugin } from '../helpers/fake-plugin';
import { connectDj, frame, startTestHub, type TestHub } from '../helpers/test-hub';
import { eventually } from '../helpers/ws-client';

const outbound = createPortValidator(BROWSER_OUTBOUND, 1 << 24);

describe('the preview on the real engine', function () {
  this.timeout(20_000);
  let t: TestHub | undefined;
  let plugin: FakePlugin | undefined;
  /** A hub on the real engine linked to one fake Minecraft server (zone `stage`), and a browser on its panel. */
  async function hubWithOneServer() {
    plugin = new FakePlugin();
    await plugin.start();
    t = await startTestHub(
      { minecraft: [{ url: `ws://127.0.0.1:${plugin.port}`, token: null }] },
      { createEngine },
    );
    await eventually(() => t!.hub.store.zones.length === 1, 'the server’s zones');
    const b = await t.browser();
    await b.next('vj_state');
    return { h: t, b };
  }
  afterEach(async () => {
    await t?.close();
    await plugin?.kill();
    t = plugin = undefined;
  });

  it('shows a default stage whose entities move with the live DJ', async () => {
    t = await startTestHub({}, { createEngine });
    const b = await t.browser();
    const vj = await b.next('vj_state');
    assert.deepEqual(
      (vj['zones'] as { name: string }[]).map((z) => z.name),
      ['stage'],
    );
    assert.ok((vj['patterns'] as unknown[]).length > 1, 'the engine’s patterns are listed');
    const dj = await connectDj(t, 'a');
    const states: Record<string, unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      dj.send(frame(i, i % 2 === 0 ? 0.9 : 0.1, i % 5 === 0));
      await eventually(() => t!.hub.store.djs.get('a')?.framesReceived === i + 1, `frame ${i}`);
      t.clock.advance(50);
      states.push(await b.next('state'));
    }
    for (const s of states) {
      const checked = outbound.validate(s);
      assert.ok(checked.ok, checked.ok ? '' : checked.error.message);
    }
    const entities = states.map(
      (s) => (s['entities'] as Record<string, { y: number; scale?: number }[]>)['stage']!,
    );
    assert.ok(
      entities.every((e) => e.length > 0),
      'every state has the stage’s entities',
    );
    const signature = (e: { y: number; scale?: number }[]) =>
      e.map((x) => `${x.y.toFixed(3)}:${(x.scale ?? 1).toFixed(3)}`).join(',');
    assert.ok(new Set(entities.map(signature)).size > 5, 'the entities move');
  });

  it('blacks out and freezes the preview and the Minecraft server from the panel, while the DJ plays on', async () => {
    const { h, b } = await hubWithOneServer();
    const dj = await connectDj(h, 'a');
    let sent = 0;
    /** Plays `n` frames (one per tick) and answers the stage's entities in the last state. */
    const play = async (
      n: number,
    ): Promise<{ x: number; y: number; scale?: number; visible?: boolean }[]> => {
      let state: Record<string, unknown> = {};
      for (let i = 0; i < n; i++, sent++) {
        dj.send(frame(sent, sent % 2 === 0 ? 0.9 : 0.2, sent % 4 === 0));
        await eventually(() => h.hub.store.djs.get('a')?.framesReceived === sent + 1, `frame ${sent}`);
        h.clock.advance(50);
        state = await b.next('state');
      }
      return (state['entities'] as Record<string, { x: number; y: number }[]>)['stage']!;
    };
    const look = (e: { x: number; y: number; scale?: number }[]) =>
      e.map((x) => `${x.x.toFixed(3)}/${x.y.toFixed(3)}/${(x.scale ?? 1).toFixed(3)}`).join(',');
    await play(10);

    b.send({ type: 'set_freeze', enabled: true });
    await b.next('ack');
    await play(2);
    const held = look(await play(1));
    assert.equal(look(await play(10)), held, 'the frozen preview holds its frame');
    b.send({ type: 'set_freeze', enabled: false });
    await b.next('ack');
    await play(2);
    assert.notEqual(look(await play(10)), held, 'and moves again once the freeze is lifted');

    b.send({ type: 'set_blackout', enabled: true });
    await b.next('ack');
    const dark = await play(40);
    assert.ok(
      dark.every((e) => e.visible === false || e.scale === 0),
      'blackout hides every entity of the preview',
    );
    await eventually(
      () => JSON.stringify(plugin!.of('set_freeze').map((m) => m['enabled'])) === '[true,false]',
      'the server is frozen and thawed',
    );
    await eventually(() => plugin!.of('set_blackout').at(-1)?.['enabled'] === true, 'the server blacked out');
  });

  it('follows a blackout, freeze or preset switched in game on a server, in the panel and the preview', async () => {
    const { h, b } = await hubWithOneServer();
    plugin!.broadcast(JSON.stringify({ type: 'show_state', preset: 'edm', blackout: true, freeze: false }));
    await eventually(
      () => h.hub.store.blackout && h.hub.store.preset === 'edm',
      'the hub follows the server',
    );
    for (let t = 0; t < 20; t++) h.clock.advance(50);
    await eventually(() => {
      const state = b.received.filter((m) => m.type === 'state').at(-1);
      const stage = (state?.['entities'] as Record<string, { scale?: number }[]> | undefined)?.['stage'];
      return stage !== undefined && stage.length > 0 && stage.every((e) => (e.scale ?? 0) === 0);
    }, 'the preview is dark');
    await eventually(
      () => b.received.some((m) => m.type === 'vj_state' && m['blackout'] === true && m['preset'] === 'edm'),
      'the panel shows the blackout and the preset',
    );
    plugin!.broadcast(JSON.stringify({ type: 'show_state', preset: 'edm', blackout: false, freeze: false }));
    await eventually(() => !h.hub.store.blackout, 'and lifts it');
  });

  it('mirrors a Minecraft server’s zones and follows the operator’s pattern changes', async () => {
    const { h, b } = await hubWithOneServer();
    h.clock.advance(50);
    const state = await b.next('state');
    assert.equal(
      (state['entities'] as Record<string, unknown[]>)['stage']?.length,
      16,
      'the server’s entity count',
    );
    b.send({ type: 'set_pattern', pattern: 'circle', zones: ['stage'] });
    await b.next('ack');
    await eventually(
      () => plugin!.of('set_pattern').some((m) => m['pattern'] === 'circle'),
      'the relayed command',
    );
    h.clock.advance(50);
    await eventually(
      () => b.received.some((m) => m.type === 'state' && m['pattern'] === 'circle'),
      'the preview on the new pattern',
    );
  });
});
