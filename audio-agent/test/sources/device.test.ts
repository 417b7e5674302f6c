import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { AudioInputError } from '../../src/sources/audio-input-error';
import { listInputDevices, loadPortAudio, type PortAudioModule } from '../../src/sources/device';
import { DeviceSource } from '../../src/sources/live-source';

/** Stands in for the native PortAudio binding, which needs audio hardware this machine does not have. */
function fakePortAudio(chunks: Buffer[]): PortAudioModule & { opened: unknown[] } {
  const opened: unknown[] = [];
  return {
    opened,
    SampleFormat16Bit: 8,
    getDevices: () => [
      { id: 0, name: 'Speakers', hostAPIName: 'ALSA', maxInputChannels: 0, defaultSampleRate: 48000 },
      {
        id: 3,
        name: 'Stereo Mix',
        hostAPIName: 'Windows WASAPI',
        maxInputChannels: 2,
        defaultSampleRate: 44100,
      },
    ],
    AudioIO: class {
      constructor(options: unknown) {
        opened.push(options);
        const stream = Readable.from(chunks) as Readable & { start(): void; quit(): void };
        stream.pause();
        stream.start = () => stream.resume();
        stream.quit = () => stream.destroy();
        return stream;
      }
    } as unknown as PortAudioModule['AudioIO'],
  };
}

describe('capture devices', () => {
  it('lists only input devices with id, host API, channels and rate', () => {
    assert.deepEqual(listInputDevices(fakePortAudio([])), [
      { id: 3, name: 'Stereo Mix', hostApi: 'Windows WASAPI', channels: 2, defaultSampleRate: 44100 },
    ]);
  });

  it('explains what to do when the native module is missing', () => {
    assert.throws(
      () =>
        loadPortAudio(() => {
          throw new Error("Cannot find module 'naudiodon'");
        }),
      (e: unknown) =>
        e instanceof AudioInputError && e.code === 'DEVICE_UNAVAILABLE' && /stdin/.test(e.message),
    );
  });

  it('captures 16-bit stereo at the device rate and delivers mono', async () => {
    const frame = Buffer.alloc(8);
    frame.writeInt16LE(16384, 0);
    frame.writeInt16LE(0, 2);
    frame.writeInt16LE(-16384, 4);
    frame.writeInt16LE(-16384, 6);
    const portAudio = fakePortAudio([frame]);
    const source = new DeviceSource(3, portAudio);
    assert.equal(source.sampleRate, 44100);
    const got: number[] = [];
    await new Promise<void>((resolve) =>
      source.start(
        (s) => got.push(...s),
        () => resolve(),
      ),
    );
    assert.deepEqual(got, [0.25, -0.5]);
    assert.deepEqual(
      (portAudio.opened[0] as { inOptions: { deviceId: number; channelCount: number } }).inOptions.deviceId,
      3,
    );
  });

  it('refuses an unknown device id and points to the device list', () => {
    assert.throws(() => new DeviceSource(9, fakePortAudio([])), /No input device with id 9.*devices/);
  });
});
