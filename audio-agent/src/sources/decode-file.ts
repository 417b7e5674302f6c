/** Reads a whole audio file into memory (for real-time playback sources): WAV directly, anything else through ffmpeg. */
import { readFile } from 'node:fs/promises';
import { AudioInputError } from './audio-input-error';
import { decodeWithFfmpeg } from './ffmpeg';
import { FFMPEG_RATE } from './stream-file';
import { decodeWav, looksLikeWav, type DecodedAudio } from './wav';

/** @throws AudioInputError with code FILE_UNREADABLE, a WAV_* code, or FFMPEG_* */
export async function decodeFile(file: string): Promise<DecodedAudio> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new AudioInputError('FILE_UNREADABLE', `Cannot read ${file}: ${reason}`);
  }
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (looksLikeWav(view)) return decodeWav(view);
  if (bytes.length === 0) throw new AudioInputError('FILE_EMPTY', `${file} is empty`);
  const samples = await decodeWithFfmpeg(file, FFMPEG_RATE);
  return { samples, sampleRate: FFMPEG_RATE, channels: 1, bitsPerSample: 32, float: true };
}
