import assert from 'node:assert/strict';
import { parseSourceSpec } from '../../src/sources/source-spec';
import { PacedBufferSource } from '../../src/sources/live-source';
import { FakeClock } from '@audioviz/shared-types';

describe('parseSourceSpec', () => {
  it('reads synthetic sources with their tempo', () => {
    assert.deepEqual(parseSourceSpec('synth:click:128'), { kind: 'synth', synth: 'click', bpm: 128 });
    assert.deepEqual(parseSourceSpec('synth:drums:174'), { kind: 'synth', synth: 'drums', bpm: 174 });
    assert.deepEqual(parseSourceSpec('synth:latin:100'), { kind: 'synth', synth: 'latin', bpm: 100 });
    assert.deepEqual(parseSourceSpec('synth:sweep'), { kind: 'synth', synth: 'sweep', bpm: 0 });
  });

  it('reads stdin, devices and files', () => {
    assert.deepEqual(parseSourceSpec('stdin'), { kind: 'stdin' });
    assert.deepEqual(parseSourceSpec('device'), { kind: 'device', deviceId: null });
    assert.deepEqual(parseSourceSpec('device:3'), { kind: 'device', deviceId: 3 });
    assert.deepEqual(parseSourceSpec('set.wav'), { kind: 'file', path: 'set.wav' });
  });

  it('refuses tempos outside 60–200 and unknown synths', () => {
    assert.throws(() => parseSourceSpec('synth:drums:400'), /60–200/);
    assert.throws(() => parseSourceSpec('synth:noise'), /Unknown synthetic source/);
  });
});

describe('PacedBufferSource', () => {
  it('delivers samples as the clock advances, catching up after a late timer, and loops', () => {
    const clock = new FakeClock(1000);
    const source = new PacedBufferSource('test', new Float32Array(1000), 1000, true, clock);
    let delivered = 0;
    source.start(
      (s) => (delivered += s.length),
      () => assert.fail('a looped source never ends'),
    );
    clock.advance(500);
    assert.equal(delivered, 500);
    clock.advance(2000);
    assert.equal(delivered, 2500);
    source.stop();
    clock.advance(1000);
    assert.equal(delivered, 2500);
  });

  it('ends a file once it is played', () => {
    const clock = new FakeClock();
    const source = new PacedBufferSource('test', new Float32Array(100), 1000, false, clock);
    let ended = 0;
    source.start(
      () => {},
      () => ended++,
    );
    clock.advance(200);
    assert.equal(ended, 1);
  });
});
