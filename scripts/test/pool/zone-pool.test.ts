import { strict as assert } from 'node:assert';
import { BAND_GLOW_COLORS } from '@audioviz/shared-types';
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
function readFrame({ pool, materials }: { pool: ZonePool; materials: MaterialTable }) {
  const buffer = pool.frameBuffer;
  const header = new Float64Array(buffer, 0, ZONE_HEADER_SLOTS);
  const n = header[ZONE_HEADER.COUNT]!;
  const at = zoneFrameLayout(n);
  const f32 = (offset: number) => [...new Float32Array(buffer, offset, n)];
  return {
    header,
    bytes: buffer.byteLength,
    x: f32(at.x),
    y: f32(at.y),
    z: f32(at.z),
    scale: f32(at.scale),
    yaw: f32(at.yaw),
    glowColor: [...new Int32Array(buffer, at.glowColor, n)],
    material: [...new Int32Array(buffer, at.material, n)].map((m) => materials.materials[m]),
    interpolation: [...new Int16Array(buffer, at.interpolation, n)],
    brightness: [...new Uint8Array(buffer, at.brightness, n)],
  };
}

/** Entity `i` shown at full size in band `band`. */
function show(pool: ZonePool, i: number, band = 0): void {
  const t = pool.target;
  t.x[i] = 0.5;
  t.scale[i] = 1;
  t.visible[i] = 1;
  t.band[i] = band;
  t.brightness[i] = 15;
}

describe('ZonePool', () => {
  it('lays its frame out as zone-frame.ts declares: header, then every array at its offset', () => {
    const p = setup(3);
    p.zone.rotation = 90;
    p.pool.describe(7, p.zone, p.materials, false);
    const t = p.pool.target;
    t.x[2] = 0.25;
    t.y[2] = 0.5;
    t.z[2] = 0.75;
    t.scale[2] = 2;
    t.visible[2] = 1;
    t.rotation[2] = 45;
    t.brightness[2] = 9;
    t.band[2] = 3;
    t.glow[2] = 1;
    p.pool.smooth(1, 1, true);
    const f = readFrame(p);
    assert.equal(f.bytes, zoneFrameLayout(3).bytes);
    assert.equal(f.bytes, 64 + 31 * 3);
    const h = f.header;
    assert.deepEqual(
      [h[ZONE_HEADER.ID], h[ZONE_HEADER.COUNT], h[ZONE_HEADER.KIND], h[ZONE_HEADER.ROTATION]],
      [7, 3, 0, 90],
    );
    assert.deepEqual([h[ZONE_HEADER.SIZE_X], h[ZONE_HEADER.SIZE_Y], h[ZONE_HEADER.SIZE_Z]], [10, 4, 10]);
    assert.deepEqual(
      [f.x[2], f.y[2], f.z[2], f.scale[2], f.yaw[2], f.brightness[2], f.interpolation[2]],
      [0.25, 0.5, 0.75, 2, 45, 9, p.zone.interpolation],
    );
    assert.equal(f.glowColor[2], BAND_GLOW_COLORS[3], 'a lit entity glows in its band colour');
    assert.equal(f.material[2], p.zone.materials[3], "a band's entities show the band's material");
    assert.deepEqual(f.scale.slice(0, 2), [0, 0], 'entities the pattern hides are at scale 0');
  });

  it("applies the operator's overrides, beat glow and dynamic brightness into the frame", () => {
    const p = setup(4);
    p.zone.brightness = 12;
    p.zone.dynamicBrightness = true;
    p.zone.interpolation = 4;
    p.pool.describe(7, p.zone, p.materials, true);
    for (let i = 0; i < 4; i++) show(p.pool, i, 1);
    p.pool.target.brightness[3] = 5;
    p.pool.visibleOverride[0] = 0;
    p.pool.glowOverride[1] = 0;
    p.pool.brightnessOverride[1] = 3;
    p.pool.materialOverride[2] = p.materials.index('minecraft:glass');
    p.pool.interpolationOverride[2] = 6;
    p.pool.overridden();
    p.pool.smooth(1, 1, true);
    const f = readFrame(p);
    assert.deepEqual(f.scale, [0, 1, 1, 1], 'a hide override wins over the pattern');
    assert.deepEqual(
      f.glowColor.slice(1),
      [-1, BAND_GLOW_COLORS[1], BAND_GLOW_COLORS[1]],
      'beat glow, unless forced off',
    );
    // Dynamic brightness: the zone's 12 scaled by the entity's level / 15, rounded (5 → 4).
    assert.deepEqual(f.brightness.slice(1), [3, 12, 4]);
    assert.deepEqual(f.material.slice(1), [p.zone.materials[1], 'minecraft:glass', p.zone.materials[1]]);
    assert.deepEqual(f.interpolation.slice(1), [4, 6, 4]);
    p.pool.visibleOverride[0] = -1;
    p.pool.smooth(1, 1, true);
    assert.equal(readFrame(p).scale[0], 1, 'lifting the override shows the smoothed scale again');
  });

  it('keeps what is shown and the overrides when resized, with a new buffer of the new size', () => {
    const p = setup(2);
    show(p.pool, 1);
    p.pool.glowOverride[1] = 1;
    p.pool.overridden();
    p.pool.smooth(1, 1, true);
    const before = p.pool.frameBuffer;
    p.pool.resize(4);
    assert.notEqual(p.pool.frameBuffer, before);
    const f = readFrame(p);
    assert.equal(f.header[ZONE_HEADER.COUNT], 4);
    assert.equal(f.header[ZONE_HEADER.ID], 7, 'the header survives a resize');
    assert.deepEqual([f.x[1], f.scale[1], f.glowColor[1]], [0.5, 1, BAND_GLOW_COLORS[0]]);
    assert.deepEqual(f.glowColor.slice(2), [-1, -1], 'new entities do not glow');
    assert.deepEqual([...p.pool.glowOverride], [-1, 1, -1, -1]);
    p.pool.resize(0);
    assert.equal(p.pool.frameBuffer.byteLength, 64);
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

  it('writes a static zone brightness, or scales it by each level when dynamic', () => {
    const p = setup(2);
    for (let i = 0; i < 2; i++) show(p.pool, i);
    p.pool.target.brightness[1] = 6;
    p.zone.brightness = 10;
    p.zone.dynamicBrightness = false;
    p.pool.describe(7, p.zone, p.materials, false);
    p.pool.smooth(1, 1, true);
    assert.deepEqual(readFrame(p).brightness, [10, 10]);
    p.zone.dynamicBrightness = true;
    p.pool.describe(7, p.zone, p.materials, false);
    p.pool.smooth(1, 1, true);
    assert.deepEqual(readFrame(p).brightness, [10, 4], '6 × 10 / 15 = 4');
    p.zone.brightness = 15;
    p.pool.describe(7, p.zone, p.materials, false);
    p.pool.smooth(1, 1, true);
    assert.deepEqual(readFrame(p).brightness, [15, 6]);
  });

  it('stops the override pass once no override is left, and starts it again for a new one', () => {
    const p = setup(2);
    for (let i = 0; i < 2; i++) show(p.pool, i);
    p.pool.brightnessOverride[0] = 2;
    p.pool.overridden();
    p.pool.smooth(1, 1, true);
    assert.equal(readFrame(p).brightness[0], 2);
    p.pool.brightnessOverride[0] = -1;
    p.pool.smooth(1, 1, true);
    assert.equal(readFrame(p).brightness[0], 15, 'lifted');
    p.pool.glowOverride[1] = 1;
    p.pool.overridden();
    p.pool.smooth(1, 1, true);
    assert.equal(readFrame(p).glowColor[1], BAND_GLOW_COLORS[0]);
  });
});
