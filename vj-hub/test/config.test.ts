import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEFAULT_CONFIG, minecraftTargets, resolveConfig } from '../src/config';

describe('config', () => {
  it('starts from the standard ports', () => {
    const { config } = resolveConfig([], {});
    assert.deepEqual([config.djPort, config.browserPort, config.httpPort], [9000, 8766, 8080]);
    assert.equal(config.noAuth, false);
  });

  it('layers flags over environment over the config file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cfg-')), 'hub.json');
    fs.writeFileSync(file, JSON.stringify({ djPort: 1, browserPort: 2, httpPort: 3, maxDjs: 4 }));
    const { config } = resolveConfig(['--config', file, '--dj-port', '11'], {
      AUDIOVIZ_HUB_DJ_PORT: '21',
      AUDIOVIZ_HUB_BROWSER_PORT: '22',
    });
    assert.deepEqual([config.djPort, config.browserPort, config.httpPort, config.maxDjs], [11, 22, 3, 4]);
  });

  it('reads --no-auth and its environment spelling', () => {
    assert.equal(resolveConfig(['--no-auth'], {}).config.noAuth, true);
    assert.equal(resolveConfig([], { AUDIOVIZ_HUB_NO_AUTH: '1' }).config.noAuth, true);
  });

  it('pairs Minecraft URLs with their tokens', () => {
    const { config } = resolveConfig(
      ['--minecraft', 'ws://a:8765,ws://b:8765', '--minecraft-tokens', 't1,'],
      {},
    );
    assert.deepEqual(config.minecraft, [
      { url: 'ws://a:8765', token: 't1' },
      { url: 'ws://b:8765', token: null },
    ]);
    assert.deepEqual(minecraftTargets([{ url: 'wss://c:1', token: 'x' }], undefined), [
      { url: 'wss://c:1', token: 'x' },
    ]);
  });

  it('names the setting and its source in every error', () => {
    assert.throws(
      () => resolveConfig(['--dj-port', 'abc'], {}),
      (e: Error) => e instanceof ConfigError && /--dj-port: expected a port/.test(e.message),
    );
    assert.throws(() => resolveConfig([], { AUDIOVIZ_HUB_HTTP_PORT: '70000' }), /AUDIOVIZ_HUB_HTTP_PORT/);
    assert.throws(
      () => resolveConfig(['--minecraft', 'http://x'], {}),
      /expected a URL like ws:\/\/host:8765/,
    );
    assert.throws(() => resolveConfig(['--bogus'], {}), /audioviz-hub --help/);
    assert.throws(() => resolveConfig(['--config', '/nonexistent/x.json'], {}), /cannot be read/);
    assert.throws(() => resolveConfig(['--log-level', 'loud'], {}), /expected one of/);
  });

  it('reports --help', () => {
    assert.equal(resolveConfig(['--help'], {}).help, true);
    assert.equal(DEFAULT_CONFIG.publicDir.endsWith(path.join('vj-hub', 'public')), true);
  });
});
