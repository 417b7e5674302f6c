/**
 * `@audioviz/agent/analysis`: the pure analysis (no Node, no DOM), bundled by the web UI for the remote DJ page.
 */
export { AudioAnalyzer, DEFAULT_ANALYZER_OPTIONS, checkAnalyzerOptions } from './audio-analyzer';
export type { AnalyzerOptions } from './audio-analyzer';
export { createAnalysisResult } from './analysis-result';
export type { AnalysisResult } from './analysis-result';
export { PROTOCOL_BAND_EDGES_HZ } from './spectrum';
export { toFrameFields } from './frame-fields';
export { FramePacer } from './frame-pacer';
export type { FrameFields } from './frame-fields';
export { beatFMeasure } from './beat-evaluation';
export type { BeatScore } from './beat-evaluation';
