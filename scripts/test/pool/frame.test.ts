import { strict as assert } from 'node:assert';
import { blendInto, copyFrame, createFrame } from '../../src/pool/frame';

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
});
