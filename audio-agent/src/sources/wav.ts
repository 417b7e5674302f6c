/**
 * WAV decoding: RIFF/WAVE with PCM 16/24/32-bit integer or 32-bit float (plain or WAVE_FORMAT_EXTENSIBLE),
 * any rate in 8–192 kHz, mono or stereo. Anything else is refused with a code and a readable message.
 */
import { AudioInputError } from './audio-input-error';
import { decodeInterleaved } from './pcm';

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
const CONVERT_HINT = 'convert it with e.g. `ffmpeg -i in.wav -c:a pcm_s16le out.wav`';

export interface DecodedAudio {
  /** Mono samples, −1…1. */
  readonly samples: Float32Array;
  readonly sampleRate: number;
  /** Channels in the file (the samples are their average). */
  readonly channels: number;
  readonly bitsPerSample: number;
  readonly float: boolean;
}

function ascii(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}

/** True when `bytes` start like a WAV file. */
export function looksLikeWav(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0) === 'RIFF' && ascii(bytes, 8) === 'WAVE';
}

/** Where a WAV file's samples are and how they are encoded. */
export interface WavLayout {
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  readonly float: boolean;
  /** Bytes per frame (all channels). */
  readonly blockAlign: number;
  /** Byte offset of the first sample. */
  readonly dataOffset: number;
  /** Bytes of sample data, whole frames only. */
  readonly dataBytes: number;
}

/** Largest chunk header region read while looking for the data chunk (guards against hostile sizes). */
const MAX_FMT_BYTES = 64;

/**
 * Finds the format and the data chunk by reading chunk headers only, so a file of any size can be streamed.
 * @param read returns up to `length` bytes at `offset` (fewer at the end of the file)
 * @param totalBytes size of the file
 * @throws AudioInputError
 */
export function parseWavLayout(
  read: (offset: number, length: number) => Uint8Array,
  totalBytes: number,
): WavLayout {
  if (!looksLikeWav(read(0, 12)))
    throw new AudioInputError('WAV_NOT_RIFF', 'Not a WAV file (no RIFF/WAVE header)');
  let format: { tag: number; channels: number; rate: number; bits: number; blockAlign: number } | null = null;
  let p = 12;
  while (p + 8 <= totalBytes) {
    const header = read(p, 8);
    const id = ascii(header, 0);
    const size = new DataView(header.buffer, header.byteOffset, 8).getUint32(4, true);
    const body = p + 8;
    if (id === 'fmt ') {
      const bytes = read(body, Math.min(size, MAX_FMT_BYTES));
      if (size < 16 || bytes.length < 16)
        throw new AudioInputError('WAV_TRUNCATED', 'The WAV format chunk is cut short; the file is damaged');
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      let tag = view.getUint16(0, true);
      if (tag === FORMAT_EXTENSIBLE && size >= 40 && bytes.length >= 26) tag = view.getUint16(24, true);
      format = {
        tag,
        channels: view.getUint16(2, true),
        rate: view.getUint32(4, true),
        blockAlign: view.getUint16(12, true),
        bits: view.getUint16(14, true),
      };
    } else if (id === 'data') {
      if (format === null)
        throw new AudioInputError('WAV_NO_FMT', 'The WAV file has no format chunk before its data');
      checkFormat(format);
      // Streamed WAVs leave the size at 0 or 0xFFFFFFFF: read what is there, in whole frames.
      const available = totalBytes - body;
      const length = size === 0 || size > available ? available : size;
      return {
        sampleRate: format.rate,
        channels: format.channels,
        bitsPerSample: format.bits,
        float: format.tag === FORMAT_FLOAT,
        blockAlign: format.blockAlign,
        dataOffset: body,
        dataBytes: length - (length % format.blockAlign),
      };
    }
    p = body + size + (size & 1);
  }
  throw new AudioInputError('WAV_NO_DATA', 'The WAV file has no audio data chunk');
}

/** Decodes `byteLength` bytes of sample data (whole frames) starting at `offset` of `bytes`. */
export function decodeWavData(
  layout: WavLayout,
  bytes: Uint8Array,
  offset: number,
  byteLength: number,
): Float32Array {
  const frames = Math.floor(byteLength / layout.blockAlign);
  return decodeInterleaved(bytes, offset, frames, layout.channels, layout.bitsPerSample, layout.float);
}

/** Decodes a whole WAV file held in memory. @throws AudioInputError */
export function decodeWav(bytes: Uint8Array): DecodedAudio {
  const layout = parseWavLayout((offset, length) => bytes.subarray(offset, offset + length), bytes.length);
  return {
    samples: decodeWavData(layout, bytes, layout.dataOffset, layout.dataBytes),
    sampleRate: layout.sampleRate,
    channels: layout.channels,
    bitsPerSample: layout.bitsPerSample,
    float: layout.float,
  };
}

function checkFormat(f: {
  tag: number;
  channels: number;
  rate: number;
  bits: number;
  blockAlign: number;
}): void {
  if (f.tag !== FORMAT_PCM && f.tag !== FORMAT_FLOAT)
    throw new AudioInputError(
      'WAV_UNSUPPORTED_FORMAT',
      `WAV encoding ${f.tag} is not supported (only PCM and 32-bit float); ${CONVERT_HINT}`,
    );
  const intOk = f.tag === FORMAT_PCM && (f.bits === 16 || f.bits === 24 || f.bits === 32);
  const floatOk = f.tag === FORMAT_FLOAT && f.bits === 32;
  if (!intOk && !floatOk)
    throw new AudioInputError(
      'WAV_UNSUPPORTED_BITS',
      `${f.bits}-bit ${f.tag === FORMAT_FLOAT ? 'float' : 'integer'} WAV is not supported (16/24/32-bit integer or 32-bit float); ${CONVERT_HINT}`,
    );
  if (f.channels !== 1 && f.channels !== 2)
    throw new AudioInputError(
      'WAV_UNSUPPORTED_CHANNELS',
      `${f.channels}-channel WAV is not supported (mono or stereo); downmix it, e.g. \`ffmpeg -i in.wav -ac 2 out.wav\``,
    );
  if (!(f.rate >= 8000 && f.rate <= 192000))
    throw new AudioInputError(
      'WAV_UNSUPPORTED_RATE',
      `WAV sample rate ${f.rate} Hz is outside 8000–192000 Hz`,
    );
  if (f.blockAlign !== (f.bits / 8) * f.channels)
    throw new AudioInputError(
      'WAV_BAD_BLOCK_ALIGN',
      `WAV block size ${f.blockAlign} does not match ${f.channels}×${f.bits}-bit samples; the file is damaged`,
    );
}

/** Encodes mono or stereo float samples as a WAV file (tests and tools). */
export function encodeWav(
  channelsData: readonly Float32Array[],
  sampleRate: number,
  bits: 16 | 24 | 32,
  float = false,
): Uint8Array {
  const channels = channelsData.length;
  const frames = channelsData[0]!.length;
  const width = bits / 8;
  const bytes = new Uint8Array(44 + frames * channels * width);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < 4; i++) bytes[at + i] = s.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, float ? FORMAT_FLOAT : FORMAT_PCM, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * width, true);
  view.setUint16(32, channels * width, true);
  view.setUint16(34, bits, true);
  text(36, 'data');
  view.setUint32(40, frames * channels * width, true);
  let p = 44;
  for (let f = 0; f < frames; f++) {
    for (let c = 0; c < channels; c++) {
      const v = Math.max(-1, Math.min(1, channelsData[c]![f]!));
      if (float) view.setFloat32(p, v, true);
      else if (bits === 16) view.setInt16(p, Math.round(v * 32767), true);
      else if (bits === 24) {
        const i = Math.round(v * 8388607);
        bytes[p] = i & 0xff;
        bytes[p + 1] = (i >> 8) & 0xff;
        bytes[p + 2] = (i >> 16) & 0xff;
      } else view.setInt32(p, Math.round(v * 2147483647), true);
      p += width;
    }
  }
  return bytes;
}
