/** Raw interleaved PCM to mono float samples, across chunk boundaries (stdin delivers arbitrary chunks). */
import { AudioInputError } from './audio-input-error';

/** Raw sample formats accepted on stdin. */
export const PCM_FORMATS = ['s16le', 'f32le'] as const;
export type PcmFormat = (typeof PCM_FORMATS)[number];

export class PcmDecoder {
  private readonly frameBytes: number;
  private carry = new Uint8Array(0);

  /**
   * @param format sample format
   * @param channels interleaved channels (1–8), averaged to mono
   */
  constructor(
    readonly format: PcmFormat,
    readonly channels: number,
  ) {
    if (!PCM_FORMATS.includes(format))
      throw new AudioInputError('PCM_FORMAT', `Unknown PCM format "${format}"; use s16le or f32le`);
    if (!(Number.isInteger(channels) && channels >= 1 && channels <= 8))
      throw new AudioInputError('PCM_CHANNELS', `Channel count ${channels} is not supported; use 1–8`);
    this.frameBytes = (format === 's16le' ? 2 : 4) * channels;
  }

  /** Decodes the whole frames in `chunk` (plus bytes left from the previous chunk); keeps the rest. */
  decode(chunk: Uint8Array): Float32Array {
    let bytes = chunk;
    if (this.carry.length > 0) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
    }
    const frames = Math.floor(bytes.length / this.frameBytes);
    const used = frames * this.frameBytes;
    this.carry = bytes.slice(used);
    return decodeInterleaved(
      bytes,
      0,
      frames,
      this.channels,
      this.format === 's16le' ? 16 : 32,
      this.format === 'f32le',
    );
  }
}

/**
 * Decodes `frames` interleaved little-endian frames starting at `offset`, averaging channels to mono.
 * @param bits 16, 24 or 32 (integer) or 32 with `float`
 */
export function decodeInterleaved(
  bytes: Uint8Array,
  offset: number,
  frames: number,
  channels: number,
  bits: number,
  float: boolean,
): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(frames);
  const width = bits / 8;
  const scale = 1 / channels;
  let p = offset;
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) {
      let v: number;
      if (float) v = view.getFloat32(p, true);
      else if (bits === 16) v = view.getInt16(p, true) / 32768;
      else if (bits === 24)
        v = (view.getUint8(p) | (view.getUint8(p + 1) << 8) | (view.getInt8(p + 2) << 16)) / 8388608;
      else v = view.getInt32(p, true) / 2147483648;
      sum += v;
      p += width;
    }
    const mono = sum * scale;
    // NaN or infinite floats in a file must not poison the analysis.
    out[f] = Number.isFinite(mono) ? Math.max(-1, Math.min(1, mono)) : 0;
  }
  return out;
}
