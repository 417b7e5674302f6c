/** Runs the analyzer over one piece of material and scores its beats (tests and benchmark share this). */
import {
  AudioAnalyzer,
  beatFMeasure,
  createAnalysisResult,
  type AnalyzerOptions,
  type BeatScore,
} from '../../src/analysis';
import { renderSynth } from '../../src/sources/synth';
import type { Material } from './material';

export interface MaterialRun {
  readonly score: BeatScore;
  readonly beats: number[];
  /** Fraction of hops after 8 s whose BPM is within 2 % of the true tempo at that time. */
  readonly bpmWithin2Percent: number;
}

export function runMaterial(material: Material, options: Partial<AnalyzerOptions> = {}): MaterialRun {
  const audio = renderSynth(material.spec);
  const analyzer = new AudioAnalyzer({ ...options, sampleRate: audio.sampleRate });
  const result = createAnalysisResult();
  const beats: number[] = [];
  let checked = 0;
  let within = 0;
  const { bpm, endBpm, seconds } = material.spec;
  analyzer.push(audio.samples, 0, result, (r) => {
    if (r.beat) beats.push(r.t);
    if (r.t < 8) return;
    const truth = bpm + ((endBpm ?? bpm) - bpm) * (r.t / seconds);
    checked++;
    if (r.bpm !== null && Math.abs(r.bpm / truth - 1) <= 0.02) within++;
  });
  return {
    score: beatFMeasure(audio.beatTimes, beats),
    beats,
    bpmWithin2Percent: within / Math.max(1, checked),
  };
}
