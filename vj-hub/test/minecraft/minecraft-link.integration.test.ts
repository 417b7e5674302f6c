import assert from 'node:assert/strict';
import net from 'node:net';
import {
  FakeClock,
  HUB_MINECRAFT_POLICY,
  PLUGIN_AUTH_TIMEOUT_MS,
  pluginValidator,
  seededRandom,
} from '@audioviz/shared-types';
import { silentLogger } from '../../src/logger';
import { MC_COMMAND_TIMEOUT_MS, MinecraftLink } from '../../src/minecraft/minecraft-link';
import { FakePlugin } from '../helpers/fake-plugin';
import { connectDj, frame, startTestHub, type TestHub } from '../helpers/test-hub';
import { eventually } from '../helpers/ws-client';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('minecraft-link (hub → :8765)', function () {
  const plugins: FakePlugin[] = [];
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
    await Promise.all(plugins.splice(0).map((p) => p.kill()));
  });

  async function plugin(token: string | null = null, zones?: string[]): Promise<FakePlugin> {
    const p = new FakePlugin(token, zones);
    plugins.push(p);
    await p.start();
    return p;
  }

  /** A fake plugin without a token, and a test hub whose link to it is up (also kept in `t` for the clean-up). */
  async function linkedHub(): Promise<{ p: FakePlugin; hub: TestHub }> {
    const p = await plugin();
    const hub = await startTestHub({ minecraft: [{ url: `ws://127.0.0.1:${p.port}`, token: null }] });
    t = hub;
    await eventually(() => hub.hub.health().mc_connected, 'the link');
    return { p, hub };
  }

  it('with two servers, shows both servers’ zones and sends a zone’s commands only to its server', async () => {
    const north = await plugin(null, ['north']);
    const south = await plugin(null, ['south', 'shared']);
    const hub = await startTestHub({
      minecraft: [north, south].map((p) => ({ url: `ws://127.0.0.1:${p.port}`, token: null })),
    });
    t = hub;
    const names = (): string[] => hub.hub.store.zones.map((z) => z.name);
    await eventually(() => names().length === 3, 'both servers’ zones');
    assert.deepEqual([...names()].sort(), ['north', 'shared', 'south']);
    const sent = (p: FakePlugin, zone: string): number =>
      p.of('set_pattern').filter((m) => m['zone'] === zone).length;
    hub.hub.store.setPattern('circle', ['south']);
    hub.hub.store.setPattern('circle', ['north']);
    await eventually(() => sent(north, 'north') === 1 && sent(south, 'south') === 1, 'each server’s command');
    assert.equal(sent(north, 'south'), 0, 'south’s command stayed off the north server');
    assert.equal(sent(south, 'north'), 0, 'north’s command stayed off the south server');
    // A command for a zone nobody reports yet goes to every server (it may be about to create it).
    hub.hub.store.initPool('new_zone', 8);
    await eventually(() => north.of('init_pool').length === 1 && south.of('init_pool').length === 1, 'both');
  });

  it('follows the backoff schedule 5 s × 1.5 up to 60 s with ±10 % jitter while the server is down', async () => {
    const clock = new FakeClock();
    const delays: number[] = [];
    const link = new MinecraftLink({
      url: `ws://127.0.0.1:${await closedPort()}`,
      token: null,
      clock,
      random: seededRandom(3),
      logger: silentLogger,
      events: { onScheduled: (delay) => delays.push(delay) },
    });
    link.start();
    try {
      for (let i = 0; i < 9; i++) {
        await eventually(() => delays.length === i + 1, `attempt ${i + 1} to fail`);
        clock.advance(delays[i]!);
      }
    } finally {
      link.stop();
    }
    const { initialMs, multiplier, maxMs, jitter } = HUB_MINECRAFT_POLICY.backoff;
    delays.forEach((delay, n) => {
      const base = Math.min(initialMs * multiplier ** n, maxMs);
      assert.ok(
        Math.abs(delay - base) <= base * jitter + 1,
        `attempt ${n + 1}: ${delay} ms, expected ${base} ±10 %`,
      );
    });
    assert.equal(Math.min(...delays.slice(7)) >= maxMs * (1 - jitter), true, 'capped at 60 s');
  });

  it('reconnects to a server that was killed and restarted, restoring the operator’s zone state', async () => {
    const { p, hub } = await linkedHub();
    await eventually(() => hub.hub.store.zones.length === 1, 'zones from the server');
    hub.hub.store.setPattern('circle', ['stage']);
    await eventually(() => p.of('set_pattern').length === 1, 'the relayed pattern');

    await p.kill();
    await eventually(() => !hub.hub.health().mc_connected, 'the loss to be noticed');
    await p.start(p.port);
    p.received.length = 0;
    const delay = hub.clock.nextDelay();
    assert.ok(delay !== null);
    hub.clock.advance(HUB_MINECRAFT_POLICY.backoff.maxMs);
    await eventually(() => hub.hub.health().mc_connected, 'the link to come back');
    assert.equal(hub.hub.health().mc_reconnect_count, 1);
    await eventually(
      () => p.of('set_pattern').some((m) => m['pattern'] === 'circle' && m['zone'] === 'stage'),
      'the restored pattern',
    );
    await eventually(() => p.of('get_zones').length === 1, 'zones asked again');
  });

  it('authenticates with the server’s token', async () => {
    const p = await plugin('tok-123');
    t = await startTestHub({ minecraft: [{ url: `ws://127.0.0.1:${p.port}`, token: 'tok-123' }] });
    await eventually(() => t!.hub.health().mc_connected, 'the link');
    assert.deepEqual(p.of('auth')[0], { type: 'auth', token: 'tok-123' });
  });

  it('forwards the live DJ’s frames as valid audio_state at most 20 Hz, the newest one at the window’s end', async () => {
    const { p, hub } = await linkedHub();
    const dj = await connectDj(hub, 'a');
    dj.send(frame(1, 0.5));
    await eventually(() => p.of('audio_state').length === 1, 'the first frame');
    dj.send(frame(2, 0.5));
    dj.send(frame(3, 0.5));
    await eventually(() => hub.hub.store.djs.get('a')?.framesReceived === 3, 'the other frames');
    assert.equal(p.of('audio_state').length, 1, 'held back inside the 50 ms window');
    hub.clock.advance(50);
    await eventually(() => p.of('audio_state').length === 2, 'the window to end');
    const [first, second] = p.of('audio_state');
    assert.equal(second!['frame'], Number(first!['frame']) + 2, 'frame 3, the newest; frame 2 was coalesced');
    for (const m of p.of('audio_state')) {
      const checked = pluginValidator.validate(m);
      assert.ok(checked.ok, checked.ok ? '' : checked.error.message);
    }
  });

  it('sends a beat at once, inside the window, but at most one beat per window', async () => {
    const { p, hub } = await linkedHub();
    const dj = await connectDj(hub, 'a');
    dj.send(frame(1, 0.5));
    await eventually(() => p.of('audio_state').length === 1, 'the first frame');
    hub.clock.advance(10);
    dj.send(frame(2, 0.5));
    await eventually(() => hub.hub.store.djs.get('a')?.framesReceived === 2, 'the second frame');
    assert.equal(p.of('audio_state').length, 1, 'a plain frame waits for the whole 50 ms window');
    dj.send(frame(3, 0.5, true));
    await eventually(() => p.of('audio_state').length === 2, 'the beat, 10 ms after the last send');
    assert.equal(p.of('audio_state')[1]!['is_beat'], true);
    hub.clock.advance(10);
    dj.send(frame(4, 0.5, true));
    await eventually(() => hub.hub.store.djs.get('a')?.framesReceived === 4, 'the fourth frame');
    assert.equal(p.of('audio_state').length, 2, 'a second beat in the same window waits');
    hub.clock.advance(40);
    await eventually(() => p.of('audio_state').length === 3, 'the window to end');
    assert.equal(p.of('audio_state')[2]!['is_beat'], true, 'the held-back beat is kept');
  });

  it('relays zone commands with _seq and reports a server that does not answer in time', async () => {
    const { p, hub } = await linkedHub();
    const b = await hub.browser();
    await b.next('vj_state');
    b.send({ type: 'init_pool', zone: 'stage', count: 32 });
    await eventually(() => p.of('init_pool').length === 1, 'the relayed command');
    assert.equal(typeof p.of('init_pool')[0]!['_seq'], 'number');
    p.answering = false;
    b.send({ type: 'cleanup_zone', zone: 'stage' });
    await eventually(() => p.of('cleanup_zone').length === 1, 'the second command');
    hub.clock.advance(MC_COMMAND_TIMEOUT_MS);
    const notice = await b.next('error');
    assert.equal(notice['code'], 'MINECRAFT_TIMEOUT');
    assert.match(String(notice['message']), /cleanup_zone: no answer/);
  });

  it('pings every 10 s and drops a server that stays silent for 30 s', async () => {
    const { p, hub } = await linkedHub();
    await eventually(() => hub.hub.store.patterns.length === 1, 'the answers to the greeting requests');
    p.answering = false;
    hub.clock.advance(HUB_MINECRAFT_POLICY.heartbeat.intervalMs);
    await eventually(() => p.of('ping').length === 1, 'the first ping');
    hub.clock.advance(
      HUB_MINECRAFT_POLICY.heartbeat.pongTimeoutMs - HUB_MINECRAFT_POLICY.heartbeat.intervalMs - 1,
    );
    assert.equal(hub.hub.health().mc_connected, true, 'still up just before 30 s');
    hub.clock.advance(1);
    assert.equal(hub.hub.health().mc_connected, false);
  });

  it('gives up a handshake that never completes and tries again', async () => {
    const p = await plugin('needed');
    t = await startTestHub({ minecraft: [{ url: `ws://127.0.0.1:${p.port}`, token: null }] });
    await eventually(() => p.clients === 1, 'the connection');
    t.clock.advance(PLUGIN_AUTH_TIMEOUT_MS);
    await eventually(() => p.clients === 0, 'the stuck socket to close');
    assert.equal(t.hub.health().mc_connected, false);
  });
});
