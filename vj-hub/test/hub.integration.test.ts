import assert from 'node:assert/strict';
import { FakeClock, HUB_HEALTH_LOG_INTERVAL_MS, seededRandom } from '@audioviz/shared-types';
import { createLogger, startHub } from '../src/index';
import { FakePlugin } from './helpers/fake-plugin';
import { startTestHub } from './helpers/test-hub';
import { eventually } from './helpers/ws-client';

describe('startHub', () => {
  it('logs a structured health line every 60 s', async () => {
    const lines: Record<string, unknown>[] = [];
    const clock = new FakeClock(0);
    const hub = await startHub(
      { host: '127.0.0.1', djPort: 0, browserPort: 0, httpPort: 0, noAuth: true },
      {
        clock,
        random: seededRandom(1),
        createEngine: null,
        logger: createLogger({ clock, write: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) }),
      },
    );
    try {
      const health = () => lines.filter((l) => l['msg'] === 'health');
      clock.advance(HUB_HEALTH_LOG_INTERVAL_MS - 1);
      assert.equal(health().length, 0);
      clock.advance(1);
      clock.advance(HUB_HEALTH_LOG_INTERVAL_MS);
      assert.equal(health().length, 2);
      const line = health()[1]!;
      assert.equal(line['level'], 'info');
      assert.equal(line['time'], new Date(2 * HUB_HEALTH_LOG_INTERVAL_MS).toISOString());
      for (const field of ['dj_connects', 'current_browsers', 'mc_connected', 'uptime_s'])
        assert.ok(field in line, field);
    } finally {
      await hub.close();
    }
  });

  it('refuses to start with an admin password hash that is not a hash', async () => {
    await assert.rejects(
      startHub(
        { host: '127.0.0.1', djPort: 0, browserPort: 0, httpPort: 0, adminPasswordHash: 'hunter2' },
        { createEngine: null, logger: createLogger({ level: 'silent' }) },
      ),
      /hash-password/,
    );
  });

  it('frees its ports when one of them is taken', async () => {
    const t = await startTestHub();
    try {
      await assert.rejects(startTestHub({ httpPort: t.hub.ports.http }), /EADDRINUSE/);
    } finally {
      await t.close();
    }
  });

  it('gives a direct-mode DJ the Minecraft server to send to', async () => {
    const plugin = new FakePlugin();
    await plugin.start();
    const t = await startTestHub({ minecraft: [{ url: `ws://127.0.0.1:${plugin.port}`, token: null }] });
    try {
      await eventually(() => t.hub.store.zones.length === 1, 'zones from the server');
      const dj = await t.dj();
      dj.send({ type: 'dj_auth', dj_id: 'd', dj_key: 'k', dj_name: 'D', direct_mode: true });
      const ok = await dj.next('auth_success');
      assert.equal(ok['minecraft_host'], '127.0.0.1');
      assert.equal(ok['minecraft_port'], plugin.port);
      assert.equal(ok['zone'], 'stage');
      assert.equal(ok['entity_count'], 16);
    } finally {
      await t.close();
      await plugin.kill();
    }
  });
});
