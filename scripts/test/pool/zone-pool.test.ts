import { strict as assert } from 'node:assert';
import { ZONE_HEADER, ZONE_HEADER_SLOTS, zoneFrameLayout } from '../../src/host';
import { MaterialTable } from '../../src/pool/material-table';
import { ZonePool } from '../../src/pool/zone-pool';
import { newZone } from '../../src/zones/zone';

function setup(count: number) {
  const zone = newZone('z', 'world', { x: 10, y: 64, z: 10 }, { x: 10, y: 4, z: 10 });
  const materials = new MaterialTable();
  const pool = new ZonePool();
  pool.resize(count);
  pool.describe(7, zone, materials, false);
  return { zone, materials, pool };
}

/** The zone frame as a host reads it: the header and each array at its documented offset. */
function readFrame(pool: ZonePool) {
  const buffer = pool.frameBuffer;
  const header = new Float64Array(buffer, 0, ZONE_HEADER_SLOTS);
  const n = header[ZONE_HEADER.COUNT]!;
  const at = zoneFrameLayout(n);
  return {
    header,
    bytes: buffer.byteLength,
    at,
    x: new Float32Array(buffer, at.x, n),
    scale: new Float32Array(buffer, at.scale, n),
    yaw: new Float32Array(buffer, at.yaw, n),
    light: new Float32Array(buffer, at.light, n),
    materialOverride: new Int32Array(buffer, at.materialOverride, n),
    interpolationOverride: new Int16Array(buffer, at.interpolationOverride, n),
    visibleOverride: new Int8Array(buffer, at.visibleOverride, n),
    brightnessOverride: new Int8Array(buffer, at.brightnessOverride, n),
    band: new Uint8Array(buffer, at.band, n),
    glow: new Uint8Array(buffer, at.glow, n),
  };
}

describe('ZonePool', () => {
  it('lays its frame out as host.ts documents: header, then every array at its offset', () => {
    const p = setup(3);
    p.zone.rotation = 90;
    p.zone.brightness = 12;
    p.zone.dynamicBrightness = false;
    p.zone.interpolation = 4;
    p.pool.describe(7, p.zone, p.materials, true);
    const t = p.pool.target;
    t.x[2] = 0.25;
    t.scale[2] = 2;
    t.visible[2] = 1;
    t.rotation[2] = 45;
    t.brightness[2] = 9;
    t.band[2] = 3;
    t.glow[2] = 1;
    p.pool.smooth(1, 1, true);
    p.pool.visibleOverride[1] = 0;
    p.pool.brightnessOverride[0] = 5;
    p.pool.materialOverride[0] = 2;
    p.pool.interpolationOverride[0] = 6;
    const f = readFrame(p.pool);
    assert.equal(f.bytes, zoneFrameLayout(3).bytes);
    assert.equal(f.bytes, 128 + 35 * 3);
    const h = f.header;
    assert.deepEqual(
      [h[ZONE_HEADER.ID], h[ZONE_HEADER.COUNT], h[ZONE_HEADER.KIND], h[ZONE_HEADER.ROTATION]],
      [7, 3, 0, 90],
    );
    assert.deepEqual([h[ZONE_HEADER.SIZE_X], h[ZONE_HEADER.SIZE_Y], h[ZONE_HEADER.SIZE_Z]], [10, 4, 10]);
    assert.deepEqual(
      [h[ZONE_HEADER.BRIGHTNESS], h[ZONE_HEADER.DYNAMIC_BRIGHTNESS], h[ZONE_HEADER.INTERPOLATION]],
      [12, 0, 4],
    );
    assert.equal(h[ZONE_HEADER.BEAT_GLOW], 1);
    const bandMaterials = [0, 1, 2, 3, 4].map(
      (b) => p.materials.materials[h[ZONE_HEADER.BAND_MATERIAL + b]!],
    );
    assert.deepEqual(bandMaterials, p.zone.materials);
    assert.deepEqual(
      [f.x[2], f.scale[2], f.yaw[2], f.light[2], f.band[2], f.glow[2]],
      [0.25, 2, 45, 9, 3, 1],
    );
    assert.deepEqual([...f.visibleOverride], [-1, 0, -1]);
    assert.deepEqual([...f.brightnessOverride], [5, -1, -1]);
    assert.deepEqual([...f.materialOverride], [2, -1, -1]);
    assert.deepEqual([...f.interpolationOverride], [6, -1, -1]);
  });

  it('keeps what is shown and the overrides when resized, with a new buffer of the new size', () => {
    const p = setup(2);
    p.pool.target.x[1] = 0.5;
    p.pool.target.scale[1] = 1;
    p.pool.target.visible[1] = 1;
    p.pool.smooth(1, 1, true);
    p.pool.glowOverride[1] = 1;
    const before = p.pool.frameBuffer;
    p.pool.resize(4);
    assert.notEqual(p.pool.frameBuffer, before);
    const f = readFrame(p.pool);
    assert.equal(f.header[ZONE_HEADER.COUNT], 4);
    assert.equal(f.header[ZONE_HEADER.ID], 7, 'the header survives a resize');
    assert.deepEqual([f.x[1], f.scale[1]], [0.5, 1]);
    assert.deepEqual([...new Int8Array(p.pool.frameBuffer, f.at.glowOverride, 4)], [-1, 1, -1, -1]);
    p.pool.resize(0);
    assert.equal(p.pool.frameBuffer.byteLength, 128);
  });

  it('keeps an append-only material table', () => {
    const t = new MaterialTable();
    assert.equal(t.index('minecraft:stone'), 0);
    assert.equal(t.index('minecraft:glass'), 1);
    assert.equal(t.index('minecraft:stone'), 0);
    assert.deepEqual(t.materials, ['minecraft:stone', 'minecraft:glass']);
  });

  it('smooths rises with the attack and falls with the release; positions follow at once', () => {
    const p = setup(1);
    p.pool.target.scale[0] = 1;
    p.pool.target.visible[0] = 1;
    p.pool.target.x[0] = 0.75;
    p.pool.smooth(0.5, 0.1, false);
    assert.equal(p.pool.shown.scale[0], 0.5);
    assert.equal(p.pool.shown.x[0], 0.75);
    p.pool.target.scale[0] = 0;
    p.pool.smooth(0.5, 0.1, false);
    assert.ok(Math.abs(p.pool.shown.scale[0] - 0.45) < 1e-6);
  });

  it('forces scale and brightness into range while smoothing, and passes the rest as written', () => {
    const p = setup(1);
    const t = p.pool.target;
    t.x[0] = NaN;
    t.y[0] = 7;
    t.z[0] = -1;
    t.scale[0] = 99;
    t.visible[0] = 1;
    t.rotation[0] = Infinity;
    t.band[0] = 9;
    t.brightness[0] = 200;
    t.glow[0] = 1;
    p.pool.smooth(1, 1, true);
    const s = p.pool.shown;
    assert.deepEqual([s.scale[0], s.brightness[0]], [4, 15]);
    // Positions, yaw and band are copied as written: the host keeps them in range.
    assert.deepEqual([s.x[0], s.y[0], s.z[0], s.rotation[0]], [NaN, 7, -1, Infinity]);
    assert.equal(s.band[0], 9);
  });
});
