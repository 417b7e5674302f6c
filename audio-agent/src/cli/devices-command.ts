/** `audioviz-agent devices`: lists capture devices. */
import { listInputDevices, loadPortAudio } from '../sources/device';

/** Runs the command; returns the exit code. @throws AudioInputError DEVICE_UNAVAILABLE */
export function devicesCommand(out: NodeJS.WritableStream): number {
  const devices = listInputDevices(loadPortAudio());
  if (devices.length === 0) {
    out.write(
      'No capture devices found. Feed audio on stdin instead (see README, "Capturing system audio").\n',
    );
    return 0;
  }
  out.write(`${'id'.padEnd(5)}${'host API'.padEnd(22)}${'ch'.padEnd(4)}${'rate'.padEnd(8)}name\n`);
  for (const d of devices)
    out.write(
      `${String(d.id).padEnd(5)}${d.hostApi.padEnd(22)}${String(d.channels).padEnd(4)}${String(d.defaultSampleRate).padEnd(8)}${d.name}\n`,
    );
  out.write('\nUse one with --source device:ID.\n');
  return 0;
}
