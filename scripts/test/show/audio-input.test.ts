import { strict as assert } from 'node:assert';
import type { AudioState } from '@audioviz/shared-types';
import { AudioLevels, BEAT_DECAY_S, MutableInput } from '../../src/show/audio-input';

const state = (beat: boolean, extra: Partial<AudioState> = {}): AudioState => ({
  type: 'audio_state',
  bands: [0.9, 0.7, 0.5, 0.3, 0.1],
  amplitude: 0.6,
  is_beat: beat,
  beat_intensity: beat ? 0.8 : 0,
  bpm: 120,
  beat_phase: 0.25,
  ...extra,
});

describe('AudioLevels', () => {
  it('copies bands, amplitude, tempo and spectrum', () => {
    const a = new AudioLevels();
    a.apply(state(false, { spectrum: [0.1, 0.2, 0.3] }));
    assert.deepEqual(
      [...a.bands].map((v) => Math.round(v * 10) / 10),
      [0.9, 0.7, 0.5, 0.3, 0.1],
    );
    assert.equal(a.amplitude, 0.6);
    assert.equal(a.bpm, 120);
    assert.equal(a.spectrum.length, 3);
  });

  it('sees a beat on exactly one tick and decays its intensity afterwards', () => {
    const a = new AudioLevels();
    a.apply(state(true));
    a.advance(0.05);
    assert.equal(a.isBeat, true);
    assert.equal(a.beatIntensity, 0.8);
    a.advance(BEAT_DECAY_S);
    assert.equal(a.isBeat, false);
    assert.ok(Math.abs(a.beatIntensity - 0.8 / Math.E) < 1e-9);
  });

  it('advances the beat phase with the tempo between messages and wraps it', () => {
    const a = new AudioLevels();
    a.apply(state(false));
    a.advance(0.25); // 120 BPM: half a beat
    assert.ok(Math.abs(a.beatPhase - 0.75) < 1e-9);
    a.advance(0.5);
    assert.ok(Math.abs(a.beatPhase - 0.75) < 1e-9);
  });

  it('keeps onsets until a tick has seen them', () => {
    const a = new AudioLevels();
    a.apply(state(false, { onsets: { kick: true, snare: false, hat: false } }));
    a.apply(state(false, { onsets: { kick: false, snare: true, hat: false } }));
    assert.deepEqual({ ...a.onsets }, { kick: true, snare: true, hat: false });
    a.endTick();
    assert.deepEqual({ ...a.onsets }, { kick: false, snare: false, hat: false });
  });

  it('feeds the reusable pattern input without copying arrays', () => {
    const a = new AudioLevels();
    a.apply(state(true));
    a.advance(0.05);
    const input = new MutableInput(() => 0.5);
    input.useAudio(a);
    assert.equal(input.bands, a.bands);
    assert.equal(input.isBeat, true);
  });
});
