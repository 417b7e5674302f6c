/**
 * The rendered evaluation set (audio-agent/eval/): runs `analyze` over every track in its manifest and has
 * eval/score.py score our beats and the reference tracker's with mir_eval. Figures come back as bench lines.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeFile } from '../src/cli/analyze-command';

const EVAL_DIR = path.join(__dirname, '..', 'eval');
const ARTIFACTS = path.join(__dirname, '..', '..', '.artifacts', 'agent-eval');
const MANIFEST = path.join(ARTIFACTS, 'manifest.json');
const PYTHON = path.join(ARTIFACTS, 'venv', 'bin', 'python');
export const EVAL_SETUP_HINT =
  'agent eval set not rendered: run `bash audio-agent/eval/setup.sh` (apt + PyPI, a few minutes) ' +
  'for the agent.dev.*, agent.test.*, agent.ref.*, agent.madmom.* and agent.real.* figures';

interface ManifestEntry {
  readonly name: string;
  readonly split: 'dev' | 'test' | 'real';
  readonly wav: string;
}

/** True when the set is rendered and the scoring venv exists. */
export function evalSetAvailable(): boolean {
  return existsSync(MANIFEST) && existsSync(PYTHON);
}

/** Analyses the tracks of the given splits, scores them and prints the figures the scorer returns. */
export async function benchEvalSet(splits: ReadonlySet<string>): Promise<void> {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { tracks: ManifestEntry[] };
  const runs = [];
  for (const track of manifest.tracks.filter((t) => splits.has(t.split))) {
    const tempos: Array<[number, number]> = [];
    let lastReading = -Infinity;
    const summary = await analyzeFile(track.wav, {}, (r) => {
      if (r.bpm === null || r.t - lastReading < 1) return;
      lastReading = r.t;
      tempos.push([r.t, r.bpm]);
    });
    runs.push({ name: track.name, duration: summary.durationS, beats: summary.beatTimes, tempos });
  }
  // Per process, so two runs at once do not score each other's beats; the last one is kept as ours.json.
  const ours = path.join(ARTIFACTS, `ours.${process.pid}.json`);
  writeFileSync(ours, JSON.stringify({ tracks: runs }));
  const scored = spawnSync(PYTHON, [path.join(EVAL_DIR, 'score.py'), ours], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  renameSync(ours, path.join(ARTIFACTS, 'ours.json'));
  if (scored.status !== 0) throw new Error(`eval/score.py exited with ${scored.status}`);
  process.stdout.write(scored.stdout);
}
