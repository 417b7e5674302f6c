// agent.*: cost of one analysis hop, speed of `analyze` on a file, beat accuracy on the generated material and,
// when it is rendered, on the evaluation set (eval/README.md) beside the reference tracker.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AudioAnalyzer, createAnalysisResult } from '../src/analysis';
import { analyzeFile } from '../src/cli/analyze-command';
import { renderSynth } from '../src/sources/synth';
import { encodeWav } from '../src/sources/wav';
import { MATERIAL } from '../test/analysis/material';
import { runMaterial } from '../test/analysis/run-material';
import { percentile, report } from '../../tools/measure.cjs';
import { EVAL_SETUP_HINT, benchEvalSet, evalSetAvailable } from './eval-set';

/** The `--only` filter: a section runs when its figures could match it ("agent.dev" skips the timing runs). */
const only = process.env.AUDIOVIZ_BENCH_ONLY ?? '';
function wanted(prefix: string): boolean {
  return only === '' || prefix.startsWith(only) || only.startsWith(prefix);
}

async function main(): Promise<void> {
  if (wanted('agent.hop_us')) benchTiming();
  if (wanted('agent.analyze_rtf')) await benchAnalyzeSpeed();
  if (wanted('agent.beat_f1')) benchMaterial();
  const splits = new Set(
    ['dev', 'test', 'real'].filter(
      (s) => wanted(`agent.${s}`) || wanted(`agent.ref.${s}`) || wanted(`agent.madmom.${s}`),
    ),
  );
  if (splits.size === 0) return;
  if (!evalSetAvailable()) {
    console.error(EVAL_SETUP_HINT);
    return;
  }
  // A broken render or venv costs only these figures, never the rest of the bench.
  await benchEvalSet(splits).catch((error: Error) => console.error(`agent eval set: ${error.message}`));
}

function benchTiming(): void {
  // agent.hop_us: µs per 256-sample hop at 48 kHz (budget ≤ 50).
  const drums = renderSynth({ kind: 'drums', bpm: 128, seconds: 20 }).samples;
  const analyzer = new AudioAnalyzer();
  const result = createAnalysisResult();
  const perHop: number[] = [];
  for (let run = 0; run < 7; run++) {
    let hops = 0;
    const start = performance.now();
    analyzer.push(drums, run * 20, result, () => hops++);
    perHop.push(((performance.now() - start) * 1000) / hops);
  }
  report('agent.hop_us', percentile(perHop.slice(2), 0.5), 'us', { max: 50 });
}

async function benchAnalyzeSpeed(): Promise<void> {
  // agent.analyze_rtf: audio seconds per wall second of `analyze` on a 60 s 16-bit WAV, decode included (budget ≥ 200).
  const dir = mkdtempSync(path.join(tmpdir(), 'agent-bench-'));
  try {
    const file = path.join(dir, 'set.wav');
    writeFileSync(
      file,
      encodeWav([renderSynth({ kind: 'drums', bpm: 174, seconds: 60 }).samples], 48000, 16),
    );
    const factors: number[] = [];
    for (let run = 0; run < 5; run++) factors.push((await analyzeFile(file)).realTimeFactor);
    report('agent.analyze_rtf', percentile(factors.slice(1), 0.5), 'x', { min: 200 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchMaterial(): void {
  // agent.beat_f1: mean beat F-measure (±70 ms, first 5 s ignored) over the material, then each piece.
  const scores = MATERIAL.map((m) => ({ m, run: runMaterial(m) }));
  const mean = scores.reduce((sum, s) => sum + s.run.score.f, 0) / scores.length;
  report('agent.beat_f1', mean, 'F', { min: 0.9 });
  for (const { m, run } of scores) {
    report(`agent.beat_f1.${m.name}`, run.score.f, 'F', m.steady ? { min: 0.9 } : {});
    report(`agent.bpm_within_2pct.${m.name}`, run.bpmWithin2Percent, 'fraction');
  }
}

void main();
