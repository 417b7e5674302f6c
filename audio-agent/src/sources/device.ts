/**
 * Input devices through naudiodon (PortAudio). It is an optional native dependency: it is loaded only when a
 * device is used, and its absence gives a message that says how to get audio in another way.
 */
import { AudioInputError } from './audio-input-error';

/** One capture device as `audioviz-agent devices` lists it. */
export interface InputDevice {
  readonly id: number;
  readonly name: string;
  readonly hostApi: string;
  readonly channels: number;
  readonly defaultSampleRate: number;
}

/** The part of naudiodon the agent uses. */
export interface PortAudioModule {
  getDevices(): Array<{
    id: number;
    name: string;
    hostAPIName?: string;
    maxInputChannels: number;
    defaultSampleRate: number;
  }>;
  SampleFormat16Bit: number;
  AudioIO: new (options: {
    inOptions: {
      channelCount: number;
      sampleFormat: number;
      sampleRate: number;
      deviceId: number;
      closeOnError: boolean;
    };
  }) => NodeJS.ReadableStream & { start(): void; quit(callback?: () => void): void };
}

export const DEVICE_UNAVAILABLE_MESSAGE =
  'Audio devices need the optional native module "naudiodon" (PortAudio), which is not installed or did not ' +
  'build on this machine. Reinstall with build tools present (`npm install naudiodon`), or feed audio on stdin ' +
  'instead, e.g. `parec --format=s16le --rate=48000 --channels=2 | audioviz-agent run --source stdin --format s16le ' +
  '--rate 48000 --channels 2 ...` (see README "Capturing system audio").';

/** Loads naudiodon, or throws `DEVICE_UNAVAILABLE` with advice. `load` is replaceable for tests. */
export function loadPortAudio(load: (name: string) => unknown = require): PortAudioModule {
  try {
    return load('naudiodon') as PortAudioModule;
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message.split('\n')[0]})` : '';
    throw new AudioInputError('DEVICE_UNAVAILABLE', `${DEVICE_UNAVAILABLE_MESSAGE}${detail}`);
  }
}

/** Input-capable devices. */
export function listInputDevices(portAudio: PortAudioModule): InputDevice[] {
  return portAudio
    .getDevices()
    .filter((d) => d.maxInputChannels > 0)
    .map((d) => ({
      id: d.id,
      name: d.name,
      hostApi: d.hostAPIName ?? 'unknown',
      channels: d.maxInputChannels,
      defaultSampleRate: d.defaultSampleRate,
    }));
}
