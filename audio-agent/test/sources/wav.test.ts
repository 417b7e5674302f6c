import assert from 'node:assert/strict';
import { AudioInputError } from '../../src/sources/audio-input-error';
import { decodeWav, encodeWav } from '../../src/sources/wav';

function ramp(n: number, scale = 0.5): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => scale * Math.sin(i / 7));
}

function expectError(bytes: Uint8Array, code: string, message: RegExp): void {
  assert.throws(
    () => decodeWav(bytes),
    (e: unknown) => e instanceof AudioInputError && e.code === code && message.test(e.message),
  );
}

/** A WAV header with arbitrary fmt fields, followed by `dataBytes` of zeros. */
function header(tag: number, channels: number, rate: number, bits: number, dataBytes = 64): Uint8Array {
  const bytes = encodeWav([new Float32Array(dataBytes / 2)], rate, 16);
  const view = new DataView(bytes.buffer);
  view.setUint16(20, tag, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, rate, true);
  view.setUint16(32, (channels * bits) / 8, true);
  view.setUint16(34, bits, true);
  return bytes;
}

describe('decodeWav', () => {
  for (const [bits, float, tolerance] of [
    [16, false, 1 / 16000],
    [24, false, 1e-6],
    [32, false, 1e-8],
    [32, true, 1e-7],
  ] as const) {
    it(`reads ${bits}-bit ${float ? 'float' : 'integer'} mono`, () => {
      const source = ramp(1000);
      const decoded = decodeWav(encodeWav([source], 44100, bits, float));
      assert.equal(decoded.sampleRate, 44100);
      assert.equal(decoded.samples.length, 1000);
      for (let i = 0; i < 1000; i++) assert.ok(Math.abs(decoded.samples[i]! - source[i]!) <= tolerance);
    });
  }

  it('averages stereo to mono', () => {
    const left = new Float32Array(10).fill(0.5);
    const right = new Float32Array(10).fill(-0.25);
    const decoded = decodeWav(encodeWav([left, right], 48000, 16));
    assert.equal(decoded.channels, 2);
    assert.ok(Math.abs(decoded.samples[3]! - 0.125) < 1e-3);
  });

  it('reads any rate, e.g. 96 kHz and 8 kHz', () => {
    assert.equal(decodeWav(encodeWav([ramp(10)], 96000, 16)).sampleRate, 96000);
    assert.equal(decodeWav(encodeWav([ramp(10)], 8000, 16)).sampleRate, 8000);
  });

  it('skips unknown chunks, including odd-sized ones with a pad byte', () => {
    const plain = encodeWav([ramp(20)], 48000, 16);
    const extra = new Uint8Array([...'LIST'].map((c) => c.charCodeAt(0)).concat([3, 0, 0, 0, 1, 2, 3, 0]));
    const bytes = new Uint8Array(plain.length + extra.length);
    bytes.set(plain.subarray(0, 36));
    bytes.set(extra, 36);
    bytes.set(plain.subarray(36), 36 + extra.length);
    assert.deepEqual(decodeWav(bytes).samples, decodeWav(plain).samples);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE by its sub-format', () => {
    const plain = encodeWav([ramp(20)], 48000, 16);
    const bytes = new Uint8Array(plain.length + 24);
    bytes.set(plain.subarray(0, 36));
    const view = new DataView(bytes.buffer);
    view.setUint32(16, 40, true);
    view.setUint16(20, 0xfffe, true);
    view.setUint16(36, 22, true);
    view.setUint16(44, 1, true);
    bytes.set(plain.subarray(36), 60);
    assert.deepEqual(decodeWav(bytes).samples, decodeWav(plain).samples);
  });

  it('reads the whole frames of a streamed file whose data size is unknown or too large', () => {
    const bytes = encodeWav([ramp(100)], 48000, 16).subarray(0, 44 + 51);
    new DataView(bytes.buffer).setUint32(40, 0xffffffff, true);
    assert.equal(decodeWav(bytes).samples.length, 25);
  });

  it('turns NaN and infinite float samples into silence', () => {
    const decoded = decodeWav(encodeWav([Float32Array.from([NaN, Infinity, 0.5])], 48000, 32, true));
    assert.deepEqual(Array.from(decoded.samples), [0, 1, 0.5]);
  });

  it('refuses a file that is not RIFF/WAVE', () => {
    expectError(new TextEncoder().encode('ID3\u0004 not a wav at all'), 'WAV_NOT_RIFF', /Not a WAV file/);
  });

  it('refuses compressed encodings (ADPCM) and says how to convert', () => {
    expectError(header(2, 1, 48000, 16), 'WAV_UNSUPPORTED_FORMAT', /encoding 2 is not supported.*ffmpeg/);
  });

  it('refuses 8-bit integer and 64-bit float samples', () => {
    expectError(header(1, 1, 48000, 8), 'WAV_UNSUPPORTED_BITS', /8-bit integer/);
    expectError(header(3, 1, 48000, 64), 'WAV_UNSUPPORTED_BITS', /64-bit float/);
  });

  it('refuses more than two channels', () => {
    expectError(header(1, 6, 48000, 16), 'WAV_UNSUPPORTED_CHANNELS', /6-channel/);
  });

  it('refuses rates outside 8–192 kHz', () => {
    expectError(header(1, 1, 4000, 16), 'WAV_UNSUPPORTED_RATE', /4000 Hz/);
  });

  it('refuses a file without a data chunk', () => {
    expectError(encodeWav([ramp(10)], 48000, 16).subarray(0, 36), 'WAV_NO_DATA', /no audio data/);
  });

  it('refuses data before the format chunk', () => {
    const bytes = encodeWav([ramp(10)], 48000, 16);
    bytes.set(
      [...'junk'].map((c) => c.charCodeAt(0)),
      12,
    );
    expectError(bytes, 'WAV_NO_FMT', /no format chunk/);
  });

  it('refuses a cut-off format chunk', () => {
    expectError(encodeWav([ramp(10)], 48000, 16).subarray(0, 28), 'WAV_TRUNCATED', /cut short/);
  });
});
