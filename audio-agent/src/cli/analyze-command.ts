/** `audioviz-agent analyze FILE [--jsonl]`: analyses a file as fast as it can. */
import { performance } from 'node:perf_hooks';
import { AudioAnalyzer, createAnalysisResult, type AnalysisResult, type AnalyzerOptions } from '../analysis';
import { decodeFile } from '../sources/decode-file';

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
 * Decodes and analyses `file`; `onHop` sees every hop.
 * @throws AudioInputError when the file cannot be read or decoded
 */
export async function analyzeFile(
  file: string,
  options: Partial<AnalyzerOptions> = {},
  onHop?: (result: AnalysisResult) => void,
): Promise<AnalysisSummary> {
  const started = performance.now();
  const audio = await decodeFile(file);
  const analyzer = new AudioAnalyzer({ ...options, sampleRate: audio.sampleRate });
  const result = createAnalysisResult(analyzer.options.spectrumBands);
  const durationS = audio.samples.length / audio.sampleRate;
  const beatTimes: number[] = [];
  const tempos: number[] = [];
  analyzer.push(audio.samples, 0, result, (r) => {
    if (r.beat) beatTimes.push(r.t);
    if (r.bpm !== null && r.t >= durationS / 2) tempos.push(r.bpm);
    onHop?.(r);
  });
  const elapsedS = (performance.now() - started) / 1000;
  tempos.sort((a, b) => a - b);
  const bpm = tempos.length === 0 ? null : tempos[Math.floor(tempos.length / 2)]!;
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
