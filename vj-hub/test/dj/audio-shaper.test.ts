import assert from 'node:assert/strict';
import { PLUGIN_INBOUND, createPortValidator, type DjAudioFrame } from '@audioviz/shared-types';
import {
  AudioShaper,
  SILENCE_AFTER_MS,
  SILENCE_FADE_HALF_LIFE_MS,
  SILENCE_FLOOR,
} from '../../src/dj/audio-shaper';

const audioStateValidator = createPortValidator({ audio_state: PLUGIN_INBOUND.audio_state }, 1 << 20);

function frame(level: number, extra: Partial<DjAudioFrame> = {}): DjAudioFrame {
  return {
    type: 'dj_audio_frame',
    seq: 0,
    ts: 0,
    bands: [level, level, level, level, level],
    peak: level,
    beat: false,
    beat_i: 0,
    bpm: 120,
    tempo_conf: 0.8,
    beat_phase: 0.5,
    i_bass: level,
    i_kick: false,
    ...extra,
  };
}

const flat = { bandSensitivity: [1, 1, 1, 1, 1] };

describe('audio-shaper', () => {
  it('clamps hot and negative values into a valid audio_state', () => {
    const shaper = new AudioShaper(flat);
    let state = shaper.ingest(frame(50, { peak: 9, beat_i: 7, tempo_conf: -3, beat_phase: 4, bpm: 999 }), 0);
    for (let t = 1; t < 60; t++)
      state = shaper.ingest(frame(50, { peak: 9, bpm: 999, spectrum: [5, -1] }), t * 16);
    const checked = audioStateValidator.validate(state);
    assert.ok(checked.ok, checked.ok ? '' : checked.error.message);
    assert.ok(state.bands.every((b) => b <= 1 && b > 0.99));
    assert.deepEqual(state.spectrum, [1, 0]);
    assert.equal(state.bpm, 400);
    const low = new AudioShaper(flat).ingest(frame(-5), 0);
    assert.ok(low.bands.every((b) => b === 0));
  });

  it("applies the operator's sensitivity per band, and only that (the preset's gains are the analyzer's)", () => {
    const shaper = new AudioShaper({ bandSensitivity: [2, 1, 0.5, 1, 0] });
    assert.deepEqual(shaper.ingest(frame(0.4), 0).bands, [0.8, 0.4, 0.2, 0.4, 0]);
  });

  it('relays the levels as they come, without smoothing them a second time', () => {
    const shaper = new AudioShaper(flat);
    assert.equal(shaper.ingest(frame(1), 0).bands[0], 1);
    assert.equal(shaper.ingest(frame(0), 16).bands[0], 0);
    assert.equal(shaper.ingest(frame(0.3, { beat_i: 0.6 }), 32).beat_intensity, 0.6);
  });

  it('decays smoothly toward silence when no frame arrives', () => {
    const shaper = new AudioShaper(flat);
    for (let t = 0; t < 60; t++) shaper.ingest(frame(0.8), t * 16);
    const last = 59 * 16;
    assert.equal(shaper.isSilent(last + SILENCE_AFTER_MS - 1), false);
    assert.equal(shaper.isSilent(last + SILENCE_AFTER_MS), true);
    let previous = 0.8;
    let i = 1;
    for (; previous > 10 * SILENCE_FLOOR; i++) {
      const level = shaper.idle(last + i * 50).bands[0]!;
      assert.ok(level < previous, 'falls every step');
      assert.ok(level > previous * 0.2, 'never drops to zero in one step');
      previous = level;
    }
    assert.ok(i > 10, `a smooth decay, not a cut (${i} steps)`);
  });

  it('halves what is left every SILENCE_FADE_HALF_LIFE_MS', () => {
    const shaper = new AudioShaper(flat);
    shaper.ingest(frame(0.8), 0);
    const level = shaper.idle(SILENCE_FADE_HALF_LIFE_MS).bands[0]!;
    assert.ok(Math.abs(level - 0.4) < 1e-9, String(level));
  });

  it('decays to exactly 0, never to subnormal floats', () => {
    const shaper = new AudioShaper(flat);
    shaper.ingest(frame(1, { beat: true, beat_i: 1 }), 0);
    // Five seconds of release leave about 1e-21 of a level without the floor: invisible, yet not 0.
    let state = shaper.idle(100);
    for (let t = 200; t <= 5000; t += 100) state = shaper.idle(t);
    assert.deepEqual(state.bands, [0, 0, 0, 0, 0]);
    assert.equal(state.amplitude, 0);
    assert.equal(state.beat_intensity, 0);
  });

  it('keeps the beat phase moving at the last tempo while idle (no frozen frame)', () => {
    const shaper = new AudioShaper(flat);
    shaper.ingest(frame(0.5, { bpm: 120, beat_phase: 0 }), 0);
    const a = shaper.idle(500).beat_phase!;
    const b = shaper.idle(750).beat_phase!;
    assert.ok(Math.abs(b - a - 0.5) < 1e-9, `120 bpm advances half a beat in 250 ms: ${a} → ${b}`);
  });

  it('goes from one DJ to the next without passing through zero', () => {
    const shaper = new AudioShaper(flat);
    for (let t = 0; t < 60; t++) shaper.ingest(frame(0.9), t * 16);
    assert.equal(shaper.ingest(frame(0.2), 60 * 16).bands[0], 0.2);
  });

  it("uses the operator's tapped tempo instead of the detected one, also while idle", () => {
    const shaper = new AudioShaper({ ...flat, tapBpm: 60 });
    assert.equal(shaper.ingest(frame(0.5, { bpm: 128, beat_phase: 0 }), 0).bpm, 60);
    const a = shaper.idle(250).beat_phase!;
    const b = shaper.idle(500).beat_phase!;
    assert.ok(Math.abs(b - a - 0.25) < 1e-9, `60 bpm advances a quarter beat in 250 ms: ${a} → ${b}`);
  });

  it('passes beats and onsets through', () => {
    const shaper = new AudioShaper(flat);
    const state = shaper.ingest(
      frame(0.5, { beat: true, beat_i: 0.7, onsets: { kick: true, snare: false, hat: false } }),
      0,
    );
    assert.equal(state.is_beat, true);
    assert.equal(state.beat_intensity, 0.7);
    assert.deepEqual(state.onsets, { kick: true, snare: false, hat: false });
  });
});
