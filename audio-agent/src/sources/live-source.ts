/**
 * Sources that deliver audio as it happens: synthetic loops and files paced in real time on a Clock, raw PCM
 * from a stream (stdin), and capture devices.
 */
import type { Clock, TimerHandle } from '@audioviz/shared-types';
import { AudioInputError } from './audio-input-error';
import { loadPortAudio, type PortAudioModule } from './device';
import { PcmDecoder, type PcmFormat } from './pcm';

/** A running audio input. */
export interface LiveSource {
  /** What it is, for the status line. */
  readonly label: string;
  /** Hz. */
  readonly sampleRate: number;
  /** Starts delivery of mono samples; `onEnd` is called once, with an error when capture failed. */
  start(onSamples: (mono: Float32Array) => void, onEnd: (error?: Error) => void): void;
  stop(): void;
}

/** How often a paced source delivers, ms. */
const PACE_MS = 10;

/** Plays an in-memory buffer in real time, once or looped. */
export class PacedBufferSource implements LiveSource {
  private timer: TimerHandle | null = null;
  private position = 0;
  private startedAt = 0;
  private delivered = 0;

  constructor(
    readonly label: string,
    private readonly samples: Float32Array,
    readonly sampleRate: number,
    private readonly loop: boolean,
    private readonly clock: Clock,
  ) {}

  start(onSamples: (mono: Float32Array) => void, onEnd: (error?: Error) => void): void {
    this.startedAt = this.clock.now();
    const tick = () => {
      this.timer = null;
      // Deliver what the clock says is due, so a late timer catches up instead of drifting.
      const due = Math.floor(((this.clock.now() - this.startedAt) / 1000) * this.sampleRate);
      let count = due - this.delivered;
      while (count > 0) {
        const available = this.samples.length - this.position;
        if (available === 0) {
          if (!this.loop) return onEnd();
          this.position = 0;
          continue;
        }
        const n = Math.min(count, available);
        onSamples(this.samples.subarray(this.position, this.position + n));
        this.position += n;
        this.delivered += n;
        count -= n;
      }
      this.timer = this.clock.setTimeout(tick, PACE_MS);
    };
    this.timer = this.clock.setTimeout(tick, PACE_MS);
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}

/** Raw PCM from a readable stream (stdin). */
export class StreamPcmSource implements LiveSource {
  readonly label: string;
  private readonly decoder: PcmDecoder;
  private stopped = false;

  constructor(
    private readonly stream: NodeJS.ReadableStream,
    format: PcmFormat,
    readonly sampleRate: number,
    channels: number,
  ) {
    if (!(sampleRate >= 8000 && sampleRate <= 192000))
      throw new AudioInputError('PCM_RATE', `Sample rate ${sampleRate} Hz is outside 8000–192000 Hz`);
    this.decoder = new PcmDecoder(format, channels);
    this.label = `stdin ${format} ${sampleRate} Hz ×${channels}`;
  }

  start(onSamples: (mono: Float32Array) => void, onEnd: (error?: Error) => void): void {
    this.stream.on('data', (chunk: Buffer) => {
      if (this.stopped) return;
      const samples = this.decoder.decode(chunk);
      if (samples.length > 0) onSamples(samples);
    });
    this.stream.on('end', () => onEnd());
    this.stream.on('error', (error: Error) => onEnd(error));
  }

  stop(): void {
    this.stopped = true;
    this.stream.pause();
  }
}

/** A capture device through naudiodon, 16-bit, averaged to mono. */
export class DeviceSource implements LiveSource {
  readonly label: string;
  readonly sampleRate: number;
  private io: ReturnType<typeof this.open> | null = null;
  private readonly channels: number;
  private readonly deviceId: number;

  /** @throws AudioInputError DEVICE_UNAVAILABLE or DEVICE_UNKNOWN */
  constructor(
    deviceId: number | null,
    private readonly portAudio: PortAudioModule = loadPortAudio(),
  ) {
    const devices = portAudio.getDevices().filter((d) => d.maxInputChannels > 0);
    const device = deviceId === null ? devices[0] : devices.find((d) => d.id === deviceId);
    if (device === undefined)
      throw new AudioInputError(
        'DEVICE_UNKNOWN',
        deviceId === null
          ? 'No input device found; run `audioviz-agent devices`, or feed audio on stdin (see README)'
          : `No input device with id ${deviceId}; run \`audioviz-agent devices\` to list them`,
      );
    this.deviceId = device.id;
    this.channels = Math.min(2, device.maxInputChannels);
    this.sampleRate = device.defaultSampleRate;
    this.label = `device ${device.id} "${device.name}"`;
  }

  private open() {
    return new this.portAudio.AudioIO({
      inOptions: {
        channelCount: this.channels,
        sampleFormat: this.portAudio.SampleFormat16Bit,
        sampleRate: this.sampleRate,
        deviceId: this.deviceId,
        closeOnError: true,
      },
    });
  }

  start(onSamples: (mono: Float32Array) => void, onEnd: (error?: Error) => void): void {
    const decoder = new PcmDecoder('s16le', this.channels);
    const io = this.open();
    this.io = io;
    io.on('data', (chunk: Buffer) => onSamples(decoder.decode(chunk)));
    io.on('error', (error: Error) => onEnd(error));
    io.on('end', () => onEnd());
    io.start();
  }

  stop(): void {
    this.io?.quit();
    this.io = null;
  }
}
