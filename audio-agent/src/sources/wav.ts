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

/** Decodes a whole WAV file held in memory. @throws AudioInputError */
export function decodeWav(bytes: Uint8Array): DecodedAudio {
  if (!looksLikeWav(bytes)) throw new AudioInputError('WAV_NOT_RIFF', 'Not a WAV file (no RIFF/WAVE header)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: { tag: number; channels: number; rate: number; bits: number; blockAlign: number } | null = null;
  let p = 12;
  while (p + 8 <= bytes.length) {
    const id = ascii(bytes, p);
    const size = view.getUint32(p + 4, true);
    const body = p + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length)
        throw new AudioInputError('WAV_TRUNCATED', 'The WAV format chunk is cut short; the file is damaged');
      let tag = view.getUint16(body, true);
      if (tag === FORMAT_EXTENSIBLE && size >= 40 && body + 26 <= bytes.length)
        tag = view.getUint16(body + 24, true);
      format = {
        tag,
        channels: view.getUint16(body + 2, true),
        rate: view.getUint32(body + 4, true),
        blockAlign: view.getUint16(body + 12, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (format === null)
        throw new AudioInputError('WAV_NO_FMT', 'The WAV file has no format chunk before its data');
      checkFormat(format);
      // Streamed WAVs leave the size at 0 or 0xFFFFFFFF: read what is there, in whole frames.
      const available = bytes.length - body;
      const length = size === 0 || size > available ? available : size;
      const frames = Math.floor(length / format.blockAlign);
      const samples = decodeInterleaved(
        bytes,
        body,
        frames,
        format.channels,
        format.bits,
        format.tag === FORMAT_FLOAT,
      );
      return {
        samples,
        sampleRate: format.rate,
        channels: format.channels,
        bitsPerSample: format.bits,
        float: format.tag === FORMAT_FLOAT,
      };
    }
    p = body + size + (size & 1);
  }
  throw new AudioInputError('WAV_NO_DATA', 'The WAV file has no audio data chunk');
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
