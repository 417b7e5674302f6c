import assert from 'node:assert/strict';
import { BAND_GLOW_COLORS } from '@audioviz/shared-types';
import { BAND_COLORS, entityColor, glowColor, materialColor } from '../../web/src/preview/block-colors';
import { entitySlot, layoutZones } from '../../web/src/preview/zone-layout';
import { hubSocketUrl } from '../../web/src/net/hub-address';

describe('block colours', () => {
  it('knows light blocks by name, with or without the namespace and in any case', () => {
    assert.equal(materialColor('minecraft:glowstone'), materialColor('GLOWSTONE'));
    assert.equal(materialColor('minecraft:sea_lantern'), 0xbfe6dc);
  });

  it('finds the dye colour in a name, preferring the longer dye', () => {
    assert.equal(materialColor('minecraft:light_blue_concrete'), 0x4fc3f7);
    assert.equal(materialColor('minecraft:blue_wool'), 0x3646c8);
  });

  it('gives unknown materials a stable colour and entities without one their band colour', () => {
    assert.equal(materialColor('modded:thing'), materialColor('modded:thing'));
    assert.ok(materialColor('modded:thing') >= 0 && materialColor('modded:thing') <= 0xffffff);
    assert.equal(entityColor(undefined, 3), BAND_COLORS[3]);
    assert.equal(entityColor(undefined, 99), BAND_COLORS[4]);
    assert.equal(entityColor(undefined, Number.NaN), BAND_COLORS[0]);
  });

  it('glows in the band colour the Minecraft host outlines with', () => {
    assert.equal(glowColor(0), 0xff3030);
    assert.deepEqual([0, 1, 2, 3, 4].map(glowColor), BAND_GLOW_COLORS);
    assert.equal(glowColor(99), BAND_GLOW_COLORS[4]);
    assert.equal(glowColor(undefined), BAND_GLOW_COLORS[0]);
  });
});

describe('zone layout', () => {
  const size = { x: 10, y: 10, z: 10 };

  it('keeps the real placement of nearby zones of one world, centred', () => {
    const placed = layoutZones([
      { name: 'a', world: 'w', origin: { x: 100, y: 64, z: 0 }, size },
      { name: 'b', world: 'w', origin: { x: 120, y: 70, z: 0 }, size, rotation: 90 },
    ]);
    assert.deepEqual(
      placed.map((p) => [p.name, p.x, p.y, p.z]),
      [
        ['a', -15, 0, -5],
        ['b', 5, 6, -5],
      ],
    );
    assert.equal(placed[1]?.yaw, Math.PI / 2);
  });

  it('sets far-apart zones or zones of different worlds side by side', () => {
    const placed = layoutZones([
      { name: 'a', world: 'w', origin: { x: 0, y: 64, z: 0 }, size },
      { name: 'b', world: 'nether', origin: { x: 0, y: 64, z: 0 }, size },
    ]);
    assert.deepEqual(
      placed.map((p) => p.x),
      [-12, 2],
    );
  });

  it('reads entity slots from "block_N" ids and refuses anything else', () => {
    assert.equal(entitySlot('block_0', 1024), 0);
    assert.equal(entitySlot('block_1023', 1024), 1023);
    assert.equal(entitySlot('block_1024', 1024), -1);
    assert.equal(entitySlot('block_-1', 1024), -1);
    assert.equal(entitySlot('block_1.5', 1024), -1);
    assert.equal(entitySlot('cube_1', 1024), -1);
  });
});

describe('hub socket address', () => {
  const page = { protocol: 'http:', hostname: 'vj.local', search: '' };

  it('uses the standard ports on the page’s host, wss on https', () => {
    assert.equal(hubSocketUrl(page, 'browser'), 'ws://vj.local:8766');
    assert.equal(hubSocketUrl(page, 'dj'), 'ws://vj.local:9000');
    assert.equal(hubSocketUrl({ ...page, protocol: 'https:' }, 'dj'), 'wss://vj.local:9000');
  });

  it('takes the ports from /api/config, and query parameters over both', () => {
    assert.equal(
      hubSocketUrl(page, 'browser', { browser_port: 40001, dj_port: 40002 }),
      'ws://vj.local:40001',
    );
    assert.equal(
      hubSocketUrl({ ...page, search: '?browser_port=5000&hub=10.0.0.2' }, 'browser', {
        browser_port: 40001,
      }),
      'ws://10.0.0.2:5000',
    );
  });

  it('ignores ports and hosts that are not ports and hosts', () => {
    assert.equal(hubSocketUrl({ ...page, search: '?browser_port=99999' }, 'browser'), 'ws://vj.local:8766');
    assert.equal(hubSocketUrl(page, 'browser', { browser_port: 'x' }), 'ws://vj.local:8766');
    assert.equal(hubSocketUrl({ ...page, search: '?hub=evil/path@x' }, 'dj'), 'ws://127.0.0.1:9000');
    assert.equal(hubSocketUrl({ ...page, hostname: '::1' }, 'dj'), 'ws://[::1]:9000');
  });
});
