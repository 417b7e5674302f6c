/** Builds the live source a `--source` spec names. */
import type { Clock } from '@audioviz/shared-types';
import { decodeFile } from './decode-file';
import { DeviceSource, PacedBufferSource, StreamPcmSource, type LiveSource } from './live-source';
import type { PcmFormat } from './pcm';
import type { SourceSpec } from './source-spec';
import { renderSynth } from './synth';

/** Beats in a synthetic loop: long enough that the loop point does not show. */
const SYNTH_LOOP_BEATS = 64;
const SYNTH_RATE = 48000;

export interface RawInputOptions {
  readonly format: PcmFormat;
  readonly sampleRate: number;
  readonly channels: number;
  readonly stdin: NodeJS.ReadableStream;
}

/** @throws AudioInputError for unreadable files, missing devices or bad raw-input options */
export async function openSource(spec: SourceSpec, raw: RawInputOptions, clock: Clock): Promise<LiveSource> {
  switch (spec.kind) {
    case 'synth': {
      const seconds = spec.synth === 'sweep' ? 8 : (SYNTH_LOOP_BEATS * 60) / spec.bpm;
      // Beats start 50 ms in; a loop of whole beats keeps the grid seamless.
      const material = renderSynth({
        kind: spec.synth,
        bpm: spec.bpm || 120,
        seconds,
        sampleRate: SYNTH_RATE,
      });
      const label = spec.synth === 'sweep' ? 'synth:sweep' : `synth:${spec.synth}:${spec.bpm}`;
      return new PacedBufferSource(label, material.samples, SYNTH_RATE, true, clock);
    }
    case 'file': {
      const decoded = await decodeFile(spec.path);
      return new PacedBufferSource(spec.path, decoded.samples, decoded.sampleRate, false, clock);
    }
    case 'stdin':
      return new StreamPcmSource(raw.stdin, raw.format, raw.sampleRate, raw.channels);
    case 'device':
      return new DeviceSource(spec.deviceId);
    default: {
      const unknown: never = spec;
      return unknown;
    }
  }
}
