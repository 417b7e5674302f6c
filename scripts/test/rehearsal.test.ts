/** The dress rehearsal hosts run when they load the bundle: it touches every path and leaves no trace. */
import { strict as assert } from 'node:assert';
import { PLUGIN_INBOUND } from '@audioviz/shared-types';
import { createEngine } from '../src/engine';
import { BUILT_IN_PATTERNS } from '../src/patterns/index';
import { rehearse } from '../src/rehearsal';
import { audioFrame, RecordingHost, sender } from './recording-host';

/** A live engine's frames over a short show, as the world it builds: one JSON text per tick. */
function showFrames(): string[] {
  const host = new RecordingHost();
  const engine = createEngine(host);
  const console = sender(['audioviz.admin']);
  engine.command(console, ['zone', 'create', 'main', 'arena', 'world', '0', '64', '0']);
  engine.command(console, ['pool', 'init', 'main', '64']);
  const frames: string[] = [];
  for (let t = 0; t < 60; t++) {
    if (t === 30) engine.command(console, ['pattern', 'set', 'galaxy', 'main', '0']);
    engine.enqueue('hub', audioFrame(t % 9 === 0, 0.6));
    host.time += 50;
    host.apply(engine.tick());
    frames.push(JSON.stringify([...host.world.entries()]));
  }
  return frames;
}

describe('rehearsal', () => {
  it('runs every command, message type and pattern without an internal failure', () => {
    const report = rehearse();
    assert.deepEqual(report.failures, []);
    assert.deepEqual(report.messageTypes, Object.keys(PLUGIN_INBOUND).sort());
    assert.ok(report.calls > BUILT_IN_PATTERNS.length * 4, `only ${report.calls} calls`);
  });

  it('leaves no trace in a live engine: the same show frame by frame', () => {
    const before = showFrames();
    rehearse();
    assert.deepEqual(showFrames(), before);
  });
});
