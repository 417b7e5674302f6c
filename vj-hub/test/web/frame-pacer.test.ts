import assert from 'node:assert/strict';
import { djValidator } from '@audioviz/shared-types';
import { FramePacer, type FrameFields } from '../../web/src/dj/frame-pacer';

const FIELDS: FrameFields = {
  bands: [0.5, 0.4, 0.3, 0.2, 0.1],
  peak: 0.6,
  beat: false,
  beat_i: 0.2,
  bpm: 124,
  tempo_conf: 0.8,
  beat_phase: 0.3,
  i_bass: 0.4,
  i_kick: false,
};

describe('FramePacer', () => {
  it('turns 48 kHz / 256-sample hops (187.5 per second) into 60 frames per second', () => {
    const pacer = new FramePacer();
    let frames = 0;
    let builds = 0;
    const hopS = 256 / 48_000;
    for (let i = 1; i <= 1875; i++) {
      const frame = pacer.offer(
        { beat: false, beatIntensity: 0, kick: false },
        i * hopS,
        () => (builds++, FIELDS),
        0,
      );
      if (frame !== null) frames++;
    }
    assert.ok(frames >= 590 && frames <= 630, `${frames} frames in 10 s`);
    assert.equal(builds, frames, 'fields are built only for frames sent');
  });

  it('carries a beat and a kick from a skipped hop into the next frame', () => {
    const pacer = new FramePacer(0.1);
    assert.ok(pacer.offer({ beat: false, beatIntensity: 0, kick: false }, 0, () => FIELDS, 0));
    assert.equal(
      pacer.offer({ beat: true, beatIntensity: 0.9, kick: true }, 0.05, () => FIELDS, 0),
      null,
    );
    const next = pacer.offer({ beat: false, beatIntensity: 0.1, kick: false }, 0.1, () => FIELDS, 0);
    assert.equal(next?.beat, true);
    assert.equal(next?.i_kick, true);
    assert.equal(next?.beat_i, 0.9);
    const after = pacer.offer({ beat: false, beatIntensity: 0, kick: false }, 0.2, () => FIELDS, 0);
    assert.equal(after?.beat, false);
  });

  it('numbers frames and makes valid dj_audio_frame messages', () => {
    const pacer = new FramePacer();
    const a = pacer.offer({ beat: false, beatIntensity: 0, kick: false }, 0, () => FIELDS, 1_700_000_000.5);
    const b = pacer.offer({ beat: false, beatIntensity: 0, kick: false }, 1, () => FIELDS, 1_700_000_001.5);
    assert.deepEqual([a?.seq, b?.seq], [0, 1]);
    assert.equal(a?.ts, 1_700_000_000.5);
    assert.equal(djValidator.validate(a).ok, true);
  });
});
