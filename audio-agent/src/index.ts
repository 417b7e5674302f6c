/**
 * @audioviz/agent: the audio agent as a library — the pure analysis (also at `@audioviz/agent/analysis`),
 * audio sources, and the two links (DJRelay to the hub, VizClient to the plugin).
 */
export * from './analysis';
export * from './transport';
export { AudioInputError } from './sources/audio-input-error';
export { decodeWav, encodeWav, looksLikeWav } from './sources/wav';
export type { DecodedAudio } from './sources/wav';
export { decodeFile } from './sources/decode-file';
export { streamFile } from './sources/stream-file';
export type { AudioSink } from './sources/stream-file';
export { PcmDecoder, PCM_FORMATS } from './sources/pcm';
export type { PcmFormat } from './sources/pcm';
export { renderSynth } from './sources/synth';
export type { SynthSpec, SynthMaterial } from './sources/synth';
export { parseSourceSpec } from './sources/source-spec';
export type { SourceSpec } from './sources/source-spec';
export { openSource } from './sources/open-source';
export type { LiveSource } from './sources/live-source';
export { listInputDevices, loadPortAudio } from './sources/device';
export type { InputDevice } from './sources/device';
export { analyzeFile } from './cli/analyze-command';
export type { AnalysisSummary } from './cli/analyze-command';
