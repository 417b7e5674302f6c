/**
 * Runs the agent's own analysis and frame pacing (`@audioviz/agent/analysis`, shared, not rewritten) on the
 * page's captured samples, so the remote DJ page sends the same frames the CLI agent sends: ~60 per second,
 * with a beat, kick or onset of a skipped hop carried into the next frame.
 */
import { AudioAnalyzer, FramePacer, createAnalysisResult } from '@audioviz/agent/analysis';
import { DJ_FRAME_RATE, type DjAudioFrame, type McavPresetSettings } from '@audioviz/shared-types';

export interface FrameAnalyzer {
  /** Feeds mono samples (−1…1) in capture order. */
  push(samples: Float32Array): void;
  /** Switches the analysis preset and its smoothing (the hub's `preset_sync`). */
  setPreset(preset: McavPresetSettings): void;
}

/**
 * An analyzer for `sampleRate` that hands `onFrame` each `dj_audio_frame` to send, numbered from 0 and
 * stamped with `nowS()` (unix seconds).
 */
export function createFrameAnalyzer(
  sampleRate: number,
  nowS: () => number,
  onFrame: (frame: DjAudioFrame) => void,
): FrameAnalyzer {
  const analyzer = new AudioAnalyzer({ sampleRate });
  const result = createAnalysisResult(analyzer.options.spectrumBands);
  const pacer = new FramePacer(DJ_FRAME_RATE);
  let seq = 0;
  let timeS = 0;
  const hop = (): void => {
    const fields = pacer.offer(result);
    if (fields !== null) onFrame({ ...fields, type: 'dj_audio_frame', seq: seq++, ts: nowS() });
  };
  return {
    push(samples) {
      analyzer.push(samples, timeS, result, hop);
      timeS += samples.length / sampleRate;
    },
    setPreset({ name, attack, release }) {
      analyzer.setPreset(name, { attack, release });
    },
  };
}
