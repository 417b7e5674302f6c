/**
 * Captures the DJ's audio in the browser: a shared tab (getDisplayMedia, audio only is kept) or a
 * microphone / line input (getUserMedia with processing off, so the music is not "cleaned up").
 * Samples reach `onSamples` as mono blocks at the context's sample rate.
 */

export type CaptureSource = 'tab' | 'microphone';

export interface AudioCapture {
  readonly sampleRate: number;
  readonly label: string;
  stop(): void;
}

/** Where the worklet bundle is served (web/build.mjs writes it next to the page bundles). */
const WORKLET_URL = '/assets/dj-capture-worklet.js';

/** Starts capturing; rejects with a message for the DJ when the browser refuses or offers no audio. */
export async function startCapture(
  source: CaptureSource,
  onSamples: (samples: Float32Array, sampleRate: number) => void,
): Promise<AudioCapture> {
  const stream = await openStream(source);
  const track = stream.getAudioTracks()[0];
  if (track === undefined) {
    stream.getTracks().forEach((t) => t.stop());
    throw new Error(
      source === 'tab'
        ? 'The shared tab has no audio: share again and tick "Share tab audio".'
        : 'The browser gave no audio input: check the microphone permission.',
    );
  }
  // Tab capture needs a video track to be offered; only the sound is used.
  stream.getVideoTracks().forEach((t) => t.stop());
  const context = new AudioContext({ latencyHint: 'interactive' });
  await context.audioWorklet.addModule(WORKLET_URL);
  const input = context.createMediaStreamSource(new MediaStream([track]));
  const worklet = new AudioWorkletNode(context, 'dj-capture', { numberOfOutputs: 1 });
  worklet.port.onmessage = (event: MessageEvent<Float32Array>) => onSamples(event.data, context.sampleRate);
  input.connect(worklet);
  // A silent sink keeps the graph pulling without playing the music twice.
  const mute = context.createGain();
  mute.gain.value = 0;
  worklet.connect(mute).connect(context.destination);
  if (context.state === 'suspended') await context.resume();
  return {
    sampleRate: context.sampleRate,
    label: track.label || (source === 'tab' ? 'shared tab' : 'microphone'),
    stop() {
      worklet.port.onmessage = null;
      stream.getTracks().forEach((t) => t.stop());
      void context.close();
    },
  };
}

function openStream(source: CaptureSource): Promise<MediaStream> {
  if (source === 'tab') {
    return navigator.mediaDevices.getDisplayMedia({
      video: true,
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
  }
  return navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    video: false,
  });
}
