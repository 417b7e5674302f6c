import assert from 'node:assert/strict';
import { AudioAnalyzer, FramePacer, createAnalysisResult, type AnalysisResult } from '../../src/analysis';
import { renderSynth } from '../../src/sources/synth';

function sine(hz: number, seconds: number, rate = 48000, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / rate);
  return out;
}

function last(analyzer: AudioAnalyzer, samples: Float32Array): AnalysisResult {
  const result = createAnalysisResult(analyzer.options.spectrumBands);
  analyzer.push(samples, 0, result, () => {});
  return result;
}

describe('AudioAnalyzer', () => {
  const cases: Array<[number, number]> = [
    [100, 0],
    [350, 1],
    [1000, 2],
    [3500, 3],
    [10000, 4],
  ];
  for (const [hz, band] of cases) {
    it(`puts a ${hz} Hz tone in protocol band ${band}`, () => {
      const r = last(new AudioAnalyzer(), sine(hz, 1));
      const loudest = r.bands.indexOf(Math.max(...r.bands));
      assert.equal(loudest, band, `bands ${Array.from(r.bands, (b) => b.toFixed(2)).join(' ')}`);
    });
  }

  it('maps bins by frequency at other sample rates (a 100 Hz tone at 22.05 kHz is bass)', () => {
    const r = last(new AudioAnalyzer({ sampleRate: 22050 }), sine(100, 1, 22050));
    assert.equal(r.bands.indexOf(Math.max(...r.bands)), 0);
  });

  it('fills a log-spaced spectrum of the requested size, low tones in low bands', () => {
    const low = last(new AudioAnalyzer({ spectrumBands: 16 }), sine(80, 1));
    const high = last(new AudioAnalyzer({ spectrumBands: 16 }), sine(8000, 1));
    assert.equal(low.spectrum.length, 16);
    const peak = (r: AnalysisResult) => r.spectrum.indexOf(Math.max(...r.spectrum));
    assert.ok(peak(low) < 3 && peak(high) > 11, `peaks ${peak(low)} ${peak(high)}`);
  });

  it('gives the same results whatever the chunk sizes', () => {
    const audio = renderSynth({ kind: 'drums', bpm: 128, seconds: 6 }).samples;
    const whole: number[] = [];
    const a = new AudioAnalyzer();
    a.push(audio, 0, createAnalysisResult(), (r) => whole.push(r.bands[0]!, r.beatPhase, r.iBass));
    const chunked: number[] = [];
    const b = new AudioAnalyzer();
    const result = createAnalysisResult();
    let t = 0;
    for (let at = 0, size = 1; at < audio.length; at += size, size = (size * 7 + 3) % 997) {
      const chunk = audio.subarray(at, at + size);
      b.push(chunk, t, result, (r) => chunked.push(r.bands[0]!, r.beatPhase, r.iBass));
      t += chunk.length / 48000;
    }
    assert.equal(chunked.length, whole.length);
    assert.deepEqual(chunked, whole);
  });

  it('stamps each hop with the time at its end on the caller timeline', () => {
    const times: number[] = [];
    new AudioAnalyzer().push(new Float32Array(1024), 10, createAnalysisResult(), (r) => times.push(r.t));
    assert.deepEqual(times, [10 + 256 / 48000, 10 + 512 / 48000, 10 + 768 / 48000, 10 + 1024 / 48000]);
  });

  it('reuses the caller-owned result object every hop', () => {
    const result = createAnalysisResult();
    const seen = new Set<AnalysisResult>();
    new AudioAnalyzer().push(sine(200, 0.2), 0, result, (r) => seen.add(r));
    assert.deepEqual([...seen], [result]);
  });

  it('stays silent on silence: no beats, no tempo, no NaN', () => {
    let beats = 0;
    let nan = false;
    new AudioAnalyzer().push(new Float32Array(48000 * 5), 0, createAnalysisResult(), (r) => {
      if (r.beat) beats++;
      for (const v of [...r.bands, ...r.spectrum, r.amplitude, r.iBass, r.beatPhase, r.tempoConfidence])
        if (!Number.isFinite(v)) nan = true;
    });
    assert.equal(beats, 0);
    assert.equal(nan, false);
  });

  it('keeps every level within 0–1 on clipped, full-scale noise', () => {
    const noise = new Float32Array(48000 * 2);
    for (let i = 0; i < noise.length; i++) noise[i] = i % 3 === 0 ? 1 : -1;
    new AudioAnalyzer().push(noise, 0, createAnalysisResult(), (r) => {
      for (const v of [...r.bands, ...r.spectrum, r.amplitude, r.peak, r.iBass, r.beatIntensity])
        assert.ok(v >= 0 && v <= 1, `level ${v}`);
    });
  });

  it('reacts faster with a snappier preset (edm) than with a gentle one (classical)', () => {
    const rise = (preset: 'edm' | 'classical') => {
      const a = new AudioAnalyzer({ preset });
      const result = createAnalysisResult();
      a.push(new Float32Array(4800), 0, result, () => {});
      a.push(sine(100, 0.03), 0.1, result, () => {});
      return result.bands[0]!;
    };
    assert.ok(rise('edm') > rise('classical') + 0.05, `${rise('edm')} vs ${rise('classical')}`);
  });

  it('switches preset on request and refuses an unknown one', () => {
    const a = new AudioAnalyzer();
    a.setPreset('hiphop');
    assert.equal(a.presetName, 'hiphop');
    assert.throws(() => a.setPreset('polka' as 'edm'), /unknown preset/);
  });

  it("smooths its levels with the attack/release the hub sends in place of the preset's", () => {
    const audio = renderSynth({ kind: 'drums', bpm: 120, seconds: 3 }).samples;
    /** How far the bass band moves from hop to hop: smaller when smoothed harder. */
    const jitter = (analyzer: AudioAnalyzer): number => {
      let total = 0;
      let previous: number | null = null;
      analyzer.push(audio, 0, createAnalysisResult(), (r) => {
        if (previous !== null) total += Math.abs(r.bands[0]! - previous);
        previous = r.bands[0]!;
      });
      return total;
    };
    const preset = new AudioAnalyzer();
    preset.setPreset('auto');
    const slow = new AudioAnalyzer();
    slow.setPreset('auto', { attack: 0.05, release: 0.05 });
    assert.equal(slow.presetName, 'auto');
    assert.ok(jitter(slow) < jitter(preset) / 2, `${jitter(slow)} vs ${jitter(preset)}`);
  });

  it('reports i_bass and i_kick from the fast low-pass path on kicks', () => {
    let kicks = 0;
    let maxBass = 0;
    const audio = renderSynth({ kind: 'drums', bpm: 120, seconds: 6 }).samples;
    new AudioAnalyzer().push(audio, 0, createAnalysisResult(), (r) => {
      if (r.iKick) kicks++;
      maxBass = Math.max(maxBass, r.iBass);
    });
    // 6 s at 120 BPM: 12 beats, kicks on beats 1 and 3 of each bar.
    assert.ok(kicks >= 5 && kicks <= 8, `kicks ${kicks}`);
    assert.ok(maxBass > 0.8);
  });

  it('splits onsets into kick, snare and hat', () => {
    const counts = { kick: 0, snare: 0, hat: 0 };
    const audio = renderSynth({ kind: 'drums', bpm: 120, seconds: 8 }).samples;
    new AudioAnalyzer().push(audio, 0, createAnalysisResult(), (r) => {
      if (r.t < 2) return;
      for (const k of ['kick', 'snare', 'hat'] as const) if (r.onsets[k]) counts[k]++;
    });
    // 6 s at 120 BPM: 6 kicks, 6 snares, 24 hats (eighths).
    assert.ok(counts.kick >= 5 && counts.kick <= 8, `kick ${counts.kick}`);
    assert.ok(counts.snare >= 5 && counts.snare <= 14, `snare ${counts.snare}`);
    assert.ok(counts.hat >= 18 && counts.hat <= 26, `hat ${counts.hat}`);
  });

  it('refuses bad options with a message naming them', () => {
    assert.throws(() => new AudioAnalyzer({ fftSize: 1000 }), /FFT size 1000/);
    assert.throws(() => new AudioAnalyzer({ sampleRate: 1000 }), /sample rate 1000/);
    assert.throws(() => new AudioAnalyzer({ lookaheadMs: 900 }), /lookahead/);
  });
});

describe('FramePacer', () => {
  it('sends about 60 frames per audio second and carries beats and onsets from skipped hops', () => {
    const pacer = new FramePacer(60);
    const r = createAnalysisResult();
    let frames = 0;
    let beatsSent = 0;
    let snaresSent = 0;
    for (let hop = 1; hop <= 1875; hop++) {
      r.t = (hop * 256) / 48000;
      // A beat and a snare on hops that the pacer skips (every 10th hop, never a sending hop by itself).
      r.beat = hop % 10 === 0;
      r.onsets.snare = hop % 10 === 0;
      r.beatIntensity = r.beat ? 0.9 : 0;
      const fields = pacer.offer(r);
      if (fields === null) continue;
      frames++;
      if (fields.beat) beatsSent++;
      if (fields.onsets?.snare) snaresSent++;
      if (fields.beat) assert.ok(fields.beat_i >= 0.9);
    }
    assert.ok(frames >= 590 && frames <= 630, `frames ${frames}`);
    assert.equal(beatsSent, 187);
    assert.equal(snaresSent, 187);
  });
});
