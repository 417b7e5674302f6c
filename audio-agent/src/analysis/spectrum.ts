/**
 * Windowed FFT magnitudes and their reduction to the five protocol bands and N log-spaced bands.
 * Bins are mapped by frequency, so any sample rate works without resampling.
 */
import FFT from 'fft.js';

/** docs/protocol.md ":9000": band edges in Hz (bass, low-mid, mid, high-mid, air). */
export const PROTOCOL_BAND_EDGES_HZ = [40, 250, 500, 2000, 6000, 20000] as const;
/** Lowest and highest frequency of the log-spaced spectrum, Hz. */
const SPECTRUM_LOW_HZ = 40;
const SPECTRUM_HIGH_HZ = 16000;

/** An inclusive bin range. */
interface BinRange {
  readonly first: number;
  readonly last: number;
}

/** Computes one magnitude spectrum per call into preallocated arrays. */
export class SpectrumFrame {
  /** Magnitudes of bins 0…fftSize/2, scaled so a full-scale sine reads about 1. */
  readonly magnitude: Float64Array;
  /** Hz per bin. */
  readonly binHz: number;
  private readonly fft: FFT;
  private readonly window: Float64Array;
  private readonly windowed: Float64Array;
  private readonly complex: Float64Array;
  private readonly scale: number;
  private readonly bandRanges: BinRange[];
  private readonly spectrumRanges: BinRange[];

  /**
   * @param sampleRate input rate, Hz (8000–192000)
   * @param fftSize power of two ≥ 64
   * @param spectrumBands number of log-spaced bands (1–256)
   */
  constructor(
    sampleRate: number,
    readonly fftSize: number,
    readonly spectrumBands: number,
  ) {
    this.fft = new FFT(fftSize);
    this.window = new Float64Array(fftSize);
    for (let i = 0; i < fftSize; i++) this.window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / fftSize);
    this.windowed = new Float64Array(fftSize);
    // fft.js indexes its output like an array; a typed array keeps it unboxed and fast.
    this.complex = new Float64Array(2 * fftSize);
    this.magnitude = new Float64Array(fftSize / 2 + 1);
    this.binHz = sampleRate / fftSize;
    // A Hann-windowed sine of amplitude A peaks at A·N/4 in one bin.
    this.scale = 4 / fftSize;
    const nyquist = sampleRate / 2;
    this.bandRanges = [];
    for (let b = 0; b < 5; b++) {
      const lo = PROTOCOL_BAND_EDGES_HZ[b]!;
      const hi = Math.min(PROTOCOL_BAND_EDGES_HZ[b + 1]!, nyquist);
      this.bandRanges.push(this.rangeFor(lo, hi));
    }
    this.spectrumRanges = [];
    const top = Math.min(SPECTRUM_HIGH_HZ, nyquist);
    const ratio = Math.pow(top / SPECTRUM_LOW_HZ, 1 / spectrumBands);
    for (let b = 0; b < spectrumBands; b++) {
      const lo = SPECTRUM_LOW_HZ * Math.pow(ratio, b);
      this.spectrumRanges.push(this.rangeFor(lo, lo * ratio));
    }
  }

  /** The bin range covering [loHz, hiHz); at least one bin, so narrow low bands still read something. */
  rangeFor(loHz: number, hiHz: number): BinRange {
    const maxBin = this.fftSize / 2;
    const first = Math.min(maxBin, Math.max(1, Math.ceil(loHz / this.binHz)));
    const last = Math.min(maxBin, Math.max(first, Math.ceil(hiHz / this.binHz) - 1));
    return { first, last };
  }

  /**
   * Transforms the newest `fftSize` samples of a ring buffer.
   * @param ring sample ring of length `fftSize`
   * @param start index of the oldest sample in the ring
   */
  compute(ring: Float32Array, start: number): void {
    const n = this.fftSize;
    const w = this.window;
    const out = this.windowed;
    const head = n - start;
    for (let i = 0; i < head; i++) out[i] = ring[start + i]! * w[i]!;
    for (let i = head; i < n; i++) out[i] = ring[i - head]! * w[i]!;
    this.fft.realTransform(this.complex, this.windowed);
    const c = this.complex;
    const mag = this.magnitude;
    for (let k = 0; k <= n / 2; k++) {
      const re = c[2 * k]!;
      const im = c[2 * k + 1]!;
      mag[k] = Math.sqrt(re * re + im * im) * this.scale;
    }
  }

  /** Writes the RMS magnitude of each protocol band into `out` (length 5). */
  protocolBands(out: Float64Array): void {
    this.reduce(this.bandRanges, out);
  }

  /** Writes the RMS magnitude of each log-spaced band into `out` (length `spectrumBands`). */
  logBands(out: Float64Array): void {
    this.reduce(this.spectrumRanges, out);
  }

  private reduce(ranges: BinRange[], out: Float64Array): void {
    const mag = this.magnitude;
    for (let b = 0; b < ranges.length; b++) {
      const { first, last } = ranges[b]!;
      let sum = 0;
      for (let k = first; k <= last; k++) sum += mag[k]! * mag[k]!;
      // Sum of power, not mean: a wide band full of energy should read louder than one tone in it.
      out[b] = Math.sqrt(sum);
    }
  }
}
