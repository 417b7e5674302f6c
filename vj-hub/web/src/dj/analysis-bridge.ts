/** Placeholder until the agent's analysis module is importable. */
import type { FrameFields } from './frame-pacer';

export interface FrameAnalyzer {
  push(samples: Float32Array): void;
}

export function createFrameAnalyzer(
  _sampleRate: number,
  _onFrame: (fields: FrameFields, audioTimeS: number) => void,
): FrameAnalyzer {
  throw new Error('analysis not available');
}
