/** The per-hop output of the analysis, allocated once by the caller and overwritten every hop. */
export interface AnalysisResult {
  /** Seconds at the end of the hop, on the caller's timeline (file: from its start). */
  t: number;
  /** The five protocol bands (bass, low-mid, mid, high-mid, air), 0–1 after gain and smoothing. */
  readonly bands: Float64Array;
  /** Log-spaced spectrum, 0–1, `spectrumBands` long. */
  readonly spectrum: Float64Array;
  /** Largest absolute sample of the hop, 0–1 (unshaped). */
  peak: number;
  /** Loudness, 0–1 (RMS with automatic gain and smoothing). */
  amplitude: number;
  /** True on the hop a beat is flagged (lookahead already applied). */
  beat: boolean;
  /** Beat pulse, 1 on a strong beat decaying towards 0, 0–1. */
  beatIntensity: number;
  /** Tempo, BPM (60–200), or null before one is found. */
  bpm: number | null;
  /** Position within the beat, 0–1. */
  beatPhase: number;
  /** Tempo confidence, 0–1. */
  tempoConfidence: number;
  /** Fast low-pass level, 0–1. */
  iBass: number;
  /** Kick from the fast low-pass path. */
  iKick: boolean;
  /** Spectral-flux onsets by drum class. */
  readonly onsets: { kick: boolean; snare: boolean; hat: boolean };
}

/** Allocates a result for an analyzer with `spectrumBands` log bands. */
export function createAnalysisResult(spectrumBands = 32): AnalysisResult {
  return {
    t: 0,
    bands: new Float64Array(5),
    spectrum: new Float64Array(spectrumBands),
    peak: 0,
    amplitude: 0,
    beat: false,
    beatIntensity: 0,
    bpm: null,
    beatPhase: 0,
    tempoConfidence: 0,
    iBass: 0,
    iKick: false,
    onsets: { kick: false, snare: false, hat: false },
  };
}
