/** Decoding of non-WAV files through an installed ffmpeg, to 32-bit float mono at a fixed rate. */
import { spawn, spawnSync } from 'node:child_process';
import { AudioInputError } from './audio-input-error';
import { PcmDecoder } from './pcm';

/** The ffmpeg executable: `AUDIOVIZ_FFMPEG` or `ffmpeg` on the PATH. */
export function ffmpegPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.AUDIOVIZ_FFMPEG ?? 'ffmpeg';
}

/** True when ffmpeg runs. */
export function ffmpegAvailable(path = ffmpegPath()): boolean {
  const result = spawnSync(path, ['-version'], { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

export const FFMPEG_MISSING_MESSAGE =
  'This file is not a WAV file, and decoding other formats needs ffmpeg, which was not found. Install ffmpeg ' +
  '(e.g. `apt install ffmpeg`, `brew install ffmpeg`, or from ffmpeg.org) or set AUDIOVIZ_FFMPEG to its path, ' +
  'or convert the file to WAV first.';

/**
 * Decodes `file` with ffmpeg to mono float samples at `sampleRate`, delivered in chunks as ffmpeg produces
 * them (memory stays flat whatever the file's length).
 * @throws AudioInputError FFMPEG_MISSING when ffmpeg is absent, FFMPEG_FAILED when it cannot decode the file
 */
export function streamWithFfmpeg(
  file: string,
  sampleRate: number,
  onSamples: (samples: Float32Array) => void,
  path = ffmpegPath(),
): Promise<void> {
  if (!ffmpegAvailable(path))
    return Promise.reject(new AudioInputError('FFMPEG_MISSING', FFMPEG_MISSING_MESSAGE));
  return new Promise((resolve, reject) => {
    const args = ['-v', 'error', '-i', file, '-f', 'f32le', '-ac', '1', '-ar', String(sampleRate), 'pipe:1'];
    const child = spawn(path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const decoder = new PcmDecoder('f32le', 1);
    let errorText = '';
    child.stdout.on('data', (chunk: Buffer) => onSamples(decoder.decode(chunk)));
    child.stderr.on('data', (chunk: Buffer) => {
      if (errorText.length < 4000) errorText += chunk.toString();
    });
    child.on('error', (error) =>
      reject(new AudioInputError('FFMPEG_FAILED', `ffmpeg could not start: ${error.message}`)),
    );
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const reason = errorText.trim().split('\n').pop() ?? `exit code ${code}`;
      reject(new AudioInputError('FFMPEG_FAILED', `ffmpeg could not decode ${file}: ${reason}`));
    });
  });
}

/** Decodes a whole file with ffmpeg into memory (for playback sources). @throws AudioInputError */
export async function decodeWithFfmpeg(
  file: string,
  sampleRate: number,
  path = ffmpegPath(),
): Promise<Float32Array> {
  const chunks: Float32Array[] = [];
  let length = 0;
  await streamWithFfmpeg(
    file,
    sampleRate,
    (samples) => {
      chunks.push(samples);
      length += samples.length;
    },
    path,
  );
  const all = new Float32Array(length);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}
