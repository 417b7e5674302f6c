/**
 * Streams a file's audio in blocks — WAV read straight from disk, other formats through ffmpeg — so `analyze`
 * keeps memory flat on an hour-long set.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { AudioInputError } from './audio-input-error';
import { streamWithFfmpeg } from './ffmpeg';
import { decodeWavData, looksLikeWav, parseWavLayout } from './wav';

/** Rate ffmpeg decodes other formats to, Hz (the analysis default). */
export const FFMPEG_RATE = 48000;
/** Bytes read per block. */
const BLOCK_BYTES = 1 << 20;

/** Receives a streamed file. */
export interface AudioSink {
  /** Called once, before any samples. */
  start(sampleRate: number): void;
  /** Mono samples, −1…1, in order. */
  data(samples: Float32Array): void;
}

function unreadable(file: string, error: unknown): AudioInputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
  return new AudioInputError('FILE_UNREADABLE', `Cannot read ${file}: ${reason}`);
}

/** @throws AudioInputError FILE_UNREADABLE, FILE_EMPTY, a WAV_* code, or FFMPEG_* */
export async function streamFile(file: string, sink: AudioSink): Promise<void> {
  let fd: number;
  let size: number;
  try {
    fd = openSync(file, 'r');
    size = fstatSync(fd).size;
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    const read = (offset: number, length: number): Uint8Array => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      const got = readSync(fd, buffer, 0, buffer.length, offset);
      return buffer.subarray(0, got);
    };
    if (size === 0) throw new AudioInputError('FILE_EMPTY', `${file} is empty`);
    let head: Uint8Array;
    try {
      head = read(0, 12);
    } catch (error) {
      throw unreadable(file, error);
    }
    if (looksLikeWav(head)) {
      const layout = parseWavLayout(read, size);
      sink.start(layout.sampleRate);
      const block = Buffer.alloc(BLOCK_BYTES - (BLOCK_BYTES % layout.blockAlign));
      for (let done = 0; done < layout.dataBytes;) {
        const want = Math.min(block.length, layout.dataBytes - done);
        const got = readSync(fd, block, 0, want, layout.dataOffset + done);
        if (got <= 0) break;
        const whole = got - (got % layout.blockAlign);
        sink.data(decodeWavData(layout, block, 0, whole));
        done += whole;
        if (whole === 0) break;
      }
      return;
    }
  } finally {
    closeSync(fd);
  }
  sink.start(FFMPEG_RATE);
  await streamWithFfmpeg(file, FFMPEG_RATE, (samples) => sink.data(samples));
}
