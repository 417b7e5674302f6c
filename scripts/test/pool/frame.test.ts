import { strict as assert } from 'node:assert';
import { blendInto, copyFrame, createFrame, forceIntoRange } from '../../src/pool/frame';

describe('frames', () => {
  it('copies every field', () => {
    const a = createFrame(2);
    a.x[1] = 0.5;
    a.glow[1] = 1;
    const b = createFrame(2);
    copyFrame(a, b);
    assert.equal(b.x[1], 0.5);
    assert.equal(b.glow[1], 1);
  });

  it('blends continuous fields and switches discrete ones at the midpoint', () => {
    const from = createFrame(1);
    const into = createFrame(1);
    from.x[0] = 0;
    from.scale[0] = 1;
    from.visible[0] = 1;
    from.band[0] = 1;
    into.x[0] = 1;
    into.scale[0] = 2;
    into.visible[0] = 1;
    into.band[0] = 4;
    blendInto(from, into, 0.25);
    assert.equal(into.x[0], 0.25);
    assert.equal(into.scale[0], 1.25);
    assert.equal(into.band[0], 1);
  });

  it('fades a hidden entity in from scale 0 instead of popping', () => {
    const from = createFrame(1);
    const into = createFrame(1);
    into.scale[0] = 2;
    into.visible[0] = 1;
    from.scale[0] = 3; // but hidden
    blendInto(from, into, 0.5);
    assert.equal(into.scale[0], 1);
  });

  it('forces every field into its range, NaN and infinities included', () => {
    const f = createFrame(3);
    f.x.set([NaN, -1, 2]);
    f.y.set([0.25, Infinity, -Infinity]);
    f.scale.set([NaN, 9, -2]);
    f.rotation.set([NaN, Infinity, 725]);
    f.band.set([9, 4, 0]);
    f.brightness.set([200, 15, 3]);
    forceIntoRange(f);
    assert.deepEqual([...f.x], [0, 0, 1]);
    assert.deepEqual([...f.y], [0.25, 1, 0]);
    assert.deepEqual([...f.scale], [0, 4, 0]);
    assert.deepEqual([...f.rotation], [0, 0, 725], 'a finite yaw is kept as it is');
    assert.deepEqual([...f.band], [4, 4, 0]);
    assert.deepEqual([...f.brightness], [15, 15, 3]);
  });
});
