import assert from 'node:assert/strict';
import { AudioInputError } from '../../src/sources/audio-input-error';
import { PcmDecoder } from '../../src/sources/pcm';

describe('PcmDecoder', () => {
  it('decodes s16le stereo to mono across arbitrary chunk boundaries', () => {
    const frames = [
      [16384, -16384],
      [32767, 32767],
      [-32768, 0],
    ];
    const bytes = new Uint8Array(frames.length * 4);
    const view = new DataView(bytes.buffer);
    frames.flat().forEach((v, i) => view.setInt16(i * 2, v, true));
    const decoder = new PcmDecoder('s16le', 2);
    const out: number[] = [];
    for (const cut of [
      [0, 3],
      [3, 4],
      [4, 11],
      [11, 12],
    ])
      out.push(...decoder.decode(bytes.subarray(cut[0], cut[1])));
    assert.equal(out.length, 3);
    assert.ok(Math.abs(out[0]!) < 1e-6);
    assert.ok(Math.abs(out[1]! - 32767 / 32768) < 1e-6);
    assert.ok(Math.abs(out[2]! + 0.5) < 1e-6);
  });

  it('decodes f32le mono', () => {
    const bytes = new Uint8Array(new Float32Array([0.25, -0.75]).buffer);
    assert.deepEqual(Array.from(new PcmDecoder('f32le', 1).decode(bytes)), [0.25, -0.75]);
  });

  it('refuses an unknown format or channel count with a code', () => {
    assert.throws(
      () => new PcmDecoder('u8' as 's16le', 1),
      (e: unknown) => (e as AudioInputError).code === 'PCM_FORMAT',
    );
    assert.throws(
      () => new PcmDecoder('s16le', 0),
      (e: unknown) => (e as AudioInputError).code === 'PCM_CHANNELS',
    );
  });
});
