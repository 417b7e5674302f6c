/**
 * Runs the agent's own analysis (`@audioviz/agent/analysis`, shared, not rewritten) on the page's captured
 * samples, so the remote DJ page sends the same frames the CLI agent sends.
 */
import { AudioAnalyzer, createAnalysisResult, toFrameFields } from '@audioviz/agent/analysis';
import type { PresetName } from '@audioviz/shared-types';
import type { FrameFields, HopSummary } from './frame-pacer';

export interface FrameAnalyzer {
  /** Feeds mono samples (−1…1) in capture order. */
  push(samples: Float32Array): void;
  /** Switches the analysis preset (the hub's `preset_sync`). */
  setPreset(preset: PresetName): void;
}

/**
 * An analyzer for `sampleRate` that calls `onHop` after every analysis hop with the hop's beat summary,
 * its end in audio seconds, and `build()`, which makes the frame fields (it allocates: call it only for
 * hops that are sent).
 */
export function createFrameAnalyzer(
  sampleRate: number,
  onHop: (hop: HopSummary, audioTimeS: number, build: () => FrameFields) => void,
): FrameAnalyzer {
  const analyzer = new AudioAnalyzer({ sampleRate });
  const result = createAnalysisResult(analyzer.options.spectrumBands);
  const build = (): FrameFields => toFrameFields(result);
  const summary = { beat: false, beatIntensity: 0, kick: false };
  let timeS = 0;
  const hop = (): void => {
    summary.beat = result.beat;
    summary.beatIntensity = result.beatIntensity;
    summary.kick = result.iKick;
    onHop(summary, result.t, build);
  };
  return {
    push(samples) {
      analyzer.push(samples, timeS, result, hop);
      timeS += samples.length / sampleRate;
    },
    setPreset(preset) {
      analyzer.setPreset(preset);
    },
  };
}
