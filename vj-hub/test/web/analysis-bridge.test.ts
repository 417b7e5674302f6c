import assert from 'node:assert/strict';
import { djValidator, type DjAudioFrame } from '@audioviz/shared-types';
import { createFrameAnalyzer } from '../../web/src/dj/analysis-bridge';

/** One second of a 120 BPM click at 48 kHz. */
function clicks(): Float32Array {
  const samples = new Float32Array(48_000);
  for (let beat = 0; beat < 2; beat++) {
    for (let i = 0; i < 480; i++) samples[beat * 24_000 + i] = Math.sin(i * 0.3) * (1 - i / 480);
  }
  return samples;
}

describe('createFrameAnalyzer', () => {
  it('sends about 60 numbered, valid dj_audio_frames per second of audio, stamped with the clock', () => {
    const frames: DjAudioFrame[] = [];
    let now = 1_700_000_000.5;
    const analyzer = createFrameAnalyzer(
      48_000,
      () => (now += 0.01),
      (frame) => frames.push(frame),
    );
    for (let k = 0; k < 4; k++) analyzer.push(clicks().subarray(k * 12_000, (k + 1) * 12_000));
    assert.ok(frames.length >= 55 && frames.length <= 65, `${frames.length} frames in 1 s`);
    assert.deepEqual(
      frames.map((f) => f.seq),
      frames.map((_, i) => i),
    );
    assert.equal(frames[0]!.ts, 1_700_000_000.51);
    for (const frame of frames) assert.equal(djValidator.validate(frame).ok, true);
  });
});
