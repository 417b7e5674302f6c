/**
 * Audio worklet of the remote DJ page: hands the captured samples (mono mix) to the page in blocks, so the
 * analysis runs on the main thread exactly as the CLI agent runs it. Built as its own file (a worklet is
 * loaded by URL) and kept free of imports.
 */

/** Samples per block posted to the page: 1024 at 48 kHz is ~21 ms. */
const BLOCK = 1024;

declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;

class DjCaptureProcessor extends AudioWorkletProcessor {
  private block = new Float32Array(BLOCK);
  private filled = 0;

  process(inputs: Float32Array[][]): boolean {
    const channels = inputs[0];
    if (channels === undefined || channels.length === 0) return true;
    const frames = (channels[0] as Float32Array).length;
    const scale = 1 / channels.length;
    for (let i = 0; i < frames; i++) {
      let sum = 0;
      for (const channel of channels) sum += channel[i] as number;
      this.block[this.filled++] = sum * scale;
      if (this.filled === BLOCK) {
        // Transfer the buffer (no copy) and start a fresh one.
        this.port.postMessage(this.block, [this.block.buffer]);
        this.block = new Float32Array(BLOCK);
        this.filled = 0;
      }
    }
    return true;
  }
}

registerProcessor('dj-capture', DjCaptureProcessor);
