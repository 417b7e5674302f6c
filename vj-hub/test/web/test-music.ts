/**
 * A generated music loop for the DJ page test: kicks at 120 BPM, off-beat hi-hats and a soft chord, as a
 * 48 kHz mono 16-bit WAV (the format Chromium's fake audio capture plays).
 */
import { seededRandom } from '@audioviz/shared-types';

const RATE = 48_000;

/** `seconds` of music as WAV bytes. */
export function testMusicWav(seconds = 4): Buffer {
  const n = Math.round(seconds * RATE);
  const random = seededRandom(7);
  const beatS = 60 / 120;
  const data = Buffer.alloc(44 + n * 2);
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const inBeat = t % beatS;
    const sinceHat = (t + beatS / 2) % beatS;
    // Kick: a sine falling from 150 to 50 Hz, 180 ms long.
    const kick =
      inBeat < 0.18
        ? Math.sin(2 * Math.PI * (50 * inBeat + 280 * (1 - Math.exp(-inBeat / 0.03)) * 0.03)) *
          Math.exp(-inBeat / 0.06)
        : 0;
    const hat = sinceHat < 0.04 ? (random() * 2 - 1) * Math.exp(-sinceHat / 0.01) * 0.35 : 0;
    const chord =
      (Math.sin(2 * Math.PI * 220 * t) +
        Math.sin(2 * Math.PI * 277.2 * t) +
        Math.sin(2 * Math.PI * 329.6 * t)) *
      0.05;
    const sample = Math.max(-1, Math.min(1, kick * 0.9 + hat + chord));
    data.writeInt16LE(Math.round(sample * 32767), 44 + i * 2);
  }
  data.write('RIFF', 0, 'ascii');
  data.writeUInt32LE(36 + n * 2, 4);
  data.write('WAVEfmt ', 8, 'ascii');
  data.writeUInt32LE(16, 16);
  data.writeUInt16LE(1, 20); // PCM
  data.writeUInt16LE(1, 22); // mono
  data.writeUInt32LE(RATE, 24);
  data.writeUInt32LE(RATE * 2, 28);
  data.writeUInt16LE(2, 32);
  data.writeUInt16LE(16, 34);
  data.write('data', 36, 'ascii');
  data.writeUInt32LE(n * 2, 40);
  return data;
}
