import { strict as assert } from 'node:assert';
import { DIFF_FLAGS, FLOAT_STRIDE, INT_STRIDE } from '../../src/host';
import { DiffBuilder } from '../../src/pool/diff-builder';
import { REMOVE_PER_TICK, SPAWN_PER_TICK, ZonePool } from '../../src/pool/zone-pool';
import { newZone } from '../../src/zones/zone';

function setup(count: number) {
  const zone = newZone('z', 'world', { x: 10, y: 64, z: 10 }, { x: 10, y: 4, z: 10 });
  const diff = new DiffBuilder();
  diff.setZones([{ name: 'z', world: 'world', x: 10, y: 64, z: 10 }]);
  const pool = new ZonePool();
  pool.resize(count);
  pool.updateMaterials(zone, diff);
  return { zone, diff, pool };
}

/** Shows every entity at a point with a scale, full brightness. */
function place(pool: ZonePool, x: number, y: number, z: number, scale: number): void {
  for (let i = 0; i < pool.capacity; i++) {
    pool.target.x[i] = x;
    pool.target.y[i] = y;
    pool.target.z[i] = z;
    pool.target.scale[i] = scale;
    pool.target.visible[i] = 1;
    pool.target.brightness[i] = 15;
  }
  pool.smooth(1, 1, true);
}

function tick(p: ReturnType<typeof setup>): number {
  p.diff.reset();
  p.pool.beginDiff();
  p.pool.writeDiff(p.diff, 0, p.zone, false);
  return p.diff.count;
}

const flagsOf = (diff: DiffBuilder, r: number): number => diff.ints[r * INT_STRIDE + 2];
const floatsOf = (diff: DiffBuilder, r: number): number[] => [
  ...diff.floats.subarray(r * FLOAT_STRIDE, r * FLOAT_STRIDE + FLOAT_STRIDE),
];

describe('ZonePool', () => {
  it('spawns at scale 0, at most SPAWN_PER_TICK entities per tick', () => {
    const p = setup(100);
    place(p.pool, 0.5, 0.5, 0.5, 1);
    assert.equal(tick(p), SPAWN_PER_TICK);
    for (let r = 0; r < p.diff.count; r++) {
      assert.ok(flagsOf(p.diff, r) & DIFF_FLAGS.SPAWN);
      assert.equal(floatsOf(p.diff, r)[3], 0);
    }
    assert.equal(p.pool.live, SPAWN_PER_TICK);
    tick(p);
    assert.equal(p.pool.live, 100);
  });

  it('maps zone-local 0–1 to blocks from the anchor and centres the block on the point', () => {
    const p = setup(1);
    place(p.pool, 0.5, 0.25, 0.1, 1);
    tick(p); // spawn
    assert.equal(tick(p), 1);
    const [tx, ty, tz, scale, qx, qy, qz, qw] = floatsOf(p.diff, 0);
    assert.ok(
      Math.abs(tx - 4.5) < 1e-5 && Math.abs(ty - 0.5) < 1e-5 && Math.abs(tz - 0.5) < 1e-5,
      `${tx} ${ty} ${tz}`,
    );
    assert.equal(scale, 1);
    assert.deepEqual([qx, qy, qz, qw], [0, -0, 0, 1]);
    assert.ok(flagsOf(p.diff, 0) & DIFF_FLAGS.RESTART_INTERPOLATION);
    assert.equal(p.diff.ints[6], 2, 'interpolation ticks of the zone');
  });

  it('turns positions and entities with the zone yaw (90° sends +x to +z and +z to -x)', () => {
    const p = setup(1);
    p.zone.rotation = 90;
    place(p.pool, 1, 0, 0, 0.0001); // a point, so the centring offset vanishes
    tick(p);
    tick(p);
    const [, , , , , qy, , qw] = floatsOf(p.diff, 0);
    let [tx, , tz] = floatsOf(p.diff, 0);
    assert.ok(Math.abs(tx) < 1e-4 && Math.abs(tz - 10) < 1e-4, `+x → +z: ${tx} ${tz}`);
    assert.ok(
      Math.abs(qy + Math.SQRT1_2) < 1e-6 && Math.abs(qw - Math.SQRT1_2) < 1e-6,
      'quaternion of −90° about +Y',
    );
    place(p.pool, 0, 0, 1, 0.0001);
    tick(p);
    [tx, , tz] = floatsOf(p.diff, 0);
    assert.ok(Math.abs(tx + 10) < 1e-4 && Math.abs(tz) < 1e-4, `+z → −x: ${tx} ${tz}`);
  });

  it('sends nothing for an entity that moved less than the quantisation step', () => {
    const p = setup(10);
    place(p.pool, 0.5, 0.5, 0.5, 1);
    tick(p);
    tick(p);
    place(p.pool, 0.5005, 0.5, 0.5, 1.005); // 5 mm and half a percent
    assert.equal(tick(p), 0);
    place(p.pool, 0.51, 0.5, 0.5, 1);
    assert.equal(tick(p), 10);
    assert.equal(flagsOf(p.diff, 0), DIFF_FLAGS.TRANSFORM | DIFF_FLAGS.RESTART_INTERPOLATION);
  });

  it('sends brightness, glow and material changes with their own flags', () => {
    const p = setup(1);
    place(p.pool, 0.5, 0.5, 0.5, 1);
    tick(p);
    tick(p);
    p.pool.target.band[0] = 3;
    p.pool.target.glow[0] = 1;
    p.pool.smooth(1, 1, true);
    tick(p);
    assert.equal(flagsOf(p.diff, 0), DIFF_FLAGS.GLOW | DIFF_FLAGS.MATERIAL);
    assert.equal(p.diff.materials[p.diff.ints[3]], 'minecraft:lime_concrete');
    assert.notEqual(p.diff.ints[5], -1);
    p.pool.brightnessOverride[0] = 3;
    tick(p);
    assert.equal(flagsOf(p.diff, 0), DIFF_FLAGS.BRIGHTNESS);
    assert.equal(p.diff.ints[4], 3);
  });

  it('removes entities from the top when the pool shrinks, then sends the rest normally', () => {
    const p = setup(20);
    place(p.pool, 0.5, 0.5, 0.5, 1);
    tick(p);
    tick(p);
    p.pool.resize(5);
    assert.equal(tick(p), 15);
    assert.deepEqual(
      [0, 1, 14].map((r) => p.diff.ints[r * INT_STRIDE + 1]),
      [19, 18, 5],
    );
    assert.ok(REMOVE_PER_TICK >= 15);
    assert.equal(p.pool.live, 5);
  });

  it('hides an entity whose visibility is overridden off', () => {
    const p = setup(2);
    place(p.pool, 0.5, 0.5, 0.5, 1);
    tick(p);
    tick(p);
    p.pool.visibleOverride[1] = 0;
    assert.equal(tick(p), 1);
    assert.equal(floatsOf(p.diff, 0)[3], 0);
  });

  it('sends nothing for a hidden entity that moves, then everything when it shows again', () => {
    const p = setup(1);
    place(p.pool, 0.5, 0.5, 0.5, 0);
    tick(p); // spawn, hidden
    tick(p);
    for (let step = 1; step <= 5; step++) {
      place(p.pool, step / 10, 0.5, 0.5, 0); // the pattern keeps moving it while it is hidden
      p.pool.target.brightness[0] = step;
      assert.equal(tick(p), 0, `hidden step ${step} sent a record`);
    }
    place(p.pool, 0.9, 0.5, 0.5, 1);
    assert.equal(tick(p), 1);
    assert.ok(flagsOf(p.diff, 0) & DIFF_FLAGS.TRANSFORM);
    assert.equal(floatsOf(p.diff, 0)[3], 1);
  });

  it('rolls back a diff the host dropped: spawns again and resends everything', () => {
    const p = setup(10);
    place(p.pool, 0.5, 0.5, 0.5, 1);
    tick(p);
    p.pool.rollbackDiff();
    assert.equal(p.pool.live, 0);
    assert.equal(tick(p), 10);
    assert.ok(flagsOf(p.diff, 0) & DIFF_FLAGS.SPAWN);
  });

  it('smooths rises with the attack and falls with the release', () => {
    const p = setup(1);
    p.pool.target.scale[0] = 1;
    p.pool.target.visible[0] = 1;
    p.pool.smooth(0.5, 0.1, false);
    assert.equal(p.pool.shown.scale[0], 0.5);
    p.pool.target.scale[0] = 0;
    p.pool.smooth(0.5, 0.1, false);
    assert.ok(Math.abs(p.pool.shown.scale[0] - 0.45) < 1e-6);
  });

  it('forces NaN and out-of-range target values into range while smoothing', () => {
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
    assert.deepEqual([s.x[0], s.y[0], s.z[0], s.scale[0], s.brightness[0]], [0, 1, 0, 4, 15]);
    // Yaw and band are copied as written and forced into range where they are read.
    tick(p); // spawn
    const floats = floatsOf(p.diff, 0);
    assert.ok(floats.every(Number.isFinite), `finite transform, got ${floats.join(', ')}`);
    assert.deepEqual([floats[5], floats[7]], [-0, 1]); // no turn
    assert.equal(p.diff.ints[3], p.diff.material(p.zone.materials[4]));
    assert.equal(p.diff.ints[5], 0x60c0ff); // the glow colour of band 4
  });
});
