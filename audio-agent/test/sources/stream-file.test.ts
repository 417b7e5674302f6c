import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AudioInputError } from '../../src/sources/audio-input-error';
import { streamFile } from '../../src/sources/stream-file';
import { encodeWav } from '../../src/sources/wav';

const dir = mkdtempSync(path.join(tmpdir(), 'agent-stream-'));

async function collect(file: string): Promise<{ rate: number; samples: number[]; chunks: number }> {
  let rate = 0;
  let chunks = 0;
  const samples: number[] = [];
  await streamFile(file, {
    start: (r) => (rate = r),
    data: (s) => {
      chunks++;
      for (const v of s) samples.push(v);
    },
  });
  return { rate, samples, chunks };
}

describe('streamFile', () => {
  it('streams a WAV larger than one block in order, in several chunks', async () => {
    // 24-bit stereo, 3 bytes × 2 channels: a block size that is not a power of two.
    const n = 400_000;
    const left = Float32Array.from({ length: n }, (_, i) => ((i % 1000) - 500) / 1000);
    const file = path.join(dir, 'long.wav');
    writeFileSync(file, encodeWav([left, left], 44100, 24));
    const got = await collect(file);
    assert.equal(got.rate, 44100);
    assert.equal(got.samples.length, n);
    assert.ok(got.chunks >= 2, `chunks ${got.chunks}`);
    for (const i of [0, 174_761, 174_762, n - 1])
      assert.ok(Math.abs(got.samples[i]! - left[i]!) < 1e-6, `sample ${i}`);
  });

  it('says what is wrong with a missing file, a directory and an empty file', async () => {
    const expectCode = (file: string, code: string, message: RegExp) =>
      assert.rejects(
        collect(file),
        (e: unknown) => e instanceof AudioInputError && e.code === code && message.test(e.message),
      );
    await expectCode(path.join(dir, 'none.wav'), 'FILE_UNREADABLE', /no such file/);
    await expectCode(dir, 'FILE_UNREADABLE', /directory/);
    writeFileSync(path.join(dir, 'empty.wav'), '');
    await expectCode(path.join(dir, 'empty.wav'), 'FILE_EMPTY', /is empty/);
  });

  it('refuses a hostile chunk size without reading past the file', async () => {
    const bytes = encodeWav([new Float32Array(100)], 48000, 16);
    new DataView(bytes.buffer).setUint32(16, 0xfffffff0, true);
    const file = path.join(dir, 'hostile.wav');
    writeFileSync(file, bytes);
    await assert.rejects(
      collect(file),
      (e: unknown) => e instanceof AudioInputError && e.code === 'WAV_NO_DATA',
    );
  });
});
