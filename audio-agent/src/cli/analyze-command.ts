/** `audioviz-agent analyze FILE [--jsonl]`: analyses a file as fast as it can. */
import { performance } from 'node:perf_hooks';
import { AudioAnalyzer, createAnalysisResult, type AnalysisResult, type AnalyzerOptions } from '../analysis';
import { streamFile } from '../sources/stream-file';

export interface AnalysisSummary {
  /** Length of the audio, s. */
  readonly durationS: number;
  /** Median tempo over the second half of the file, BPM, or null when none was found. */
  readonly bpm: number | null;
  /** Times of the beats found, s. */
  readonly beatTimes: number[];
  /** Audio seconds analysed per second of wall time (decode included). */
  readonly realTimeFactor: number;
}

function r4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** One hop as `analyze --jsonl` prints it. */
export function hopJson(r: AnalysisResult): string {
  return JSON.stringify({
    t: r4(r.t),
    beat: r.beat,
    bpm: r.bpm === null ? null : Math.round(r.bpm * 100) / 100,
    beat_phase: r4(r.beatPhase),
    tempo_conf: r4(r.tempoConfidence),
    bands: Array.from(r.bands, r4),
    amplitude: r4(r.amplitude),
    onsets: { kick: r.onsets.kick, snare: r.onsets.snare, hat: r.onsets.hat },
  });
}

/**
 * Streams and analyses `file`; `onHop` sees every hop.
 * @throws AudioInputError when the file cannot be read or decoded
 */
export async function analyzeFile(
  file: string,
  options: Partial<AnalyzerOptions> = {},
  onHop?: (result: AnalysisResult) => void,
): Promise<AnalysisSummary> {
  const started = performance.now();
  let analyzer: AudioAnalyzer | null = null;
  let result: AnalysisResult | null = null;
  let samplesSeen = 0;
  let sampleRate = 0;
  const beatTimes: number[] = [];
  const tempos: Array<{ t: number; bpm: number }> = [];
  const hop = (r: AnalysisResult) => {
    if (r.beat) beatTimes.push(r.t);
    // One tempo reading per second is plenty for the summary's median and keeps memory flat.
    if (r.bpm !== null && (tempos.length === 0 || r.t - tempos[tempos.length - 1]!.t >= 1))
      tempos.push({ t: r.t, bpm: r.bpm });
    onHop?.(r);
  };
  await streamFile(file, {
    start(rate) {
      sampleRate = rate;
      analyzer = new AudioAnalyzer({ ...options, sampleRate: rate });
      result = createAnalysisResult(analyzer.options.spectrumBands);
    },
    data(samples) {
      analyzer!.push(samples, samplesSeen / sampleRate, result!, hop);
      samplesSeen += samples.length;
    },
  });
  const durationS = sampleRate > 0 ? samplesSeen / sampleRate : 0;
  const elapsedS = (performance.now() - started) / 1000;
  const late = tempos.filter((x) => x.t >= durationS / 2).map((x) => x.bpm);
  late.sort((a, b) => a - b);
  const bpm = late.length === 0 ? null : late[Math.floor(late.length / 2)]!;
  return { durationS, bpm, beatTimes, realTimeFactor: durationS / Math.max(elapsedS, 1e-9) };
}

/** Runs the command; returns the exit code. */
export async function analyzeCommand(
  file: string,
  jsonl: boolean,
  options: Partial<AnalyzerOptions>,
  out: NodeJS.WritableStream,
): Promise<number> {
  const lines: string[] = [];
  const flush = () => {
    if (lines.length > 0) out.write(lines.join('\n') + '\n');
    lines.length = 0;
  };
  const summary = await analyzeFile(file, options, (r) => {
    if (!jsonl) return;
    lines.push(hopJson(r));
    if (lines.length >= 512) flush();
  });
  if (jsonl) flush();
  else {
    out.write(
      [
        `file       ${file}`,
        `duration   ${summary.durationS.toFixed(2)} s`,
        `bpm        ${summary.bpm === null ? 'none found' : summary.bpm.toFixed(1)}`,
        `beats      ${summary.beatTimes.length}`,
        `speed      ${summary.realTimeFactor.toFixed(0)}× real time`,
      ].join('\n') + '\n',
    );
  }
  return 0;
}
