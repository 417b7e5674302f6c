/** What an in-game command changed reaches every :8765 client; what a client asked for is answered to it alone. */
import { strict as assert } from 'node:assert';
import { createEngine } from '../../src/engine';
import { audioFrame, RecordingHost, sender } from '../recording-host';

function setup() {
  const host = new RecordingHost();
  const engine = createEngine(host);
  engine.clientConnected('hub', true);
  engine.clientConnected('other', false);
  engine.command(sender(), ['zone', 'create', 'a', 'dj_booth']);
  engine.command(sender(), ['zone', 'create', 'b', 'dj_booth']);
  host.take('hub');
  host.take('other');
  const ask = (message: unknown): Record<string, unknown>[] => {
    engine.enqueue('hub', JSON.stringify(message));
    host.time += 50;
    engine.tick();
    return host.take('hub');
  };
  return { host, engine, ask };
}

const ofType = (messages: Record<string, unknown>[], type: string) =>
  messages.filter((m) => m['type'] === type);

describe('in-game changes reach the clients', () => {
  it('tells every client when blackout, freeze or the preset is switched in game', () => {
    const { host, engine } = setup();
    engine.command(sender(), ['effect', 'blackout']);
    const expected = { type: 'show_state', preset: 'auto', blackout: true, freeze: false };
    assert.deepEqual(ofType(host.take('hub'), 'show_state'), [expected]);
    assert.deepEqual(ofType(host.take('other'), 'show_state'), [expected]);
    engine.command(sender(), ['effect', 'freeze']);
    engine.command(sender(), ['preset', 'edm']);
    assert.deepEqual(
      ofType(host.take('hub'), 'show_state').map((m) => [m['preset'], m['blackout'], m['freeze']]),
      [
        ['auto', true, true],
        ['edm', true, true],
      ],
    );
    engine.command(sender(), ['effect', 'blackout']);
    assert.equal(
      ofType(host.take('hub'), 'show_state')[0]?.['blackout'],
      false,
      'the same command switches it off',
    );
    engine.command(sender(), ['effect', 'freeze', '*', '0']);
    assert.equal(ofType(host.take('hub'), 'show_state')[0]?.['freeze'], false, 'intensity 0 switches it off');
    engine.command(sender(), ['effect', 'freeze', '*', '0']);
    assert.deepEqual(ofType(host.take('hub'), 'show_state'), [], 'and keeps it off');
  });

  it('makes an in-game blackout of every zone the show-wide one, which a new zone joins', () => {
    const { host, engine } = setup();
    engine.command(sender(), ['effect', 'blackout']);
    engine.command(sender(), ['zone', 'create', 'c', 'dj_booth']);
    engine.command(sender(), ['pool', 'init', 'c', '4']);
    for (let t = 0; t < 20; t++) {
      host.time += 50;
      host.apply(engine.tick());
    }
    assert.ok(host.entities('c').length === 4 && host.entities('c').every((e) => e.scale === 0), 'c is dark');
  });

  it('keeps a freeze with a duration a timed effect of the zones, which ends by itself', () => {
    const { host, engine } = setup();
    engine.command(sender(), ['pool', 'init', 'a', '4']);
    const play = (t: number): string => {
      engine.enqueue('hub', audioFrame(t % 4 === 0, t % 2 === 0 ? 0.9 : 0.2));
      host.time += 50;
      host.apply(engine.tick());
      return JSON.stringify(host.entities('a').map((e) => [e.x, e.y, e.z, e.scale]));
    };
    for (let t = 0; t < 10; t++) play(t);
    engine.command(sender(), ['effect', 'freeze', '*', '1', '500']);
    assert.deepEqual(ofType(host.take('hub'), 'show_state'), [], 'not the show-wide switch');
    const held = play(10);
    assert.equal(play(11), held, 'frozen');
    const after = Array.from({ length: 30 }, (_, t) => play(12 + t));
    assert.ok(
      after.some((f) => f !== held),
      'the show moves again once the 500 ms are over',
    );
  });

  it('sends the zones after an in-game zone change, and nothing after a command that changes nothing', () => {
    const { host, engine } = setup();
    engine.command(sender(), ['zone', 'create', 'c', 'dj_booth']);
    const [zones] = ofType(host.take('hub'), 'zones');
    assert.deepEqual(
      (zones?.['zones'] as { name: string }[]).map((z) => z.name),
      ['a', 'b', 'c'],
    );
    engine.command(sender(), ['status']);
    engine.command(sender(), ['zone', 'create', 'a', 'dj_booth']); // refused: the zone exists
    assert.deepEqual(host.take('hub'), []);
  });

  it("answers a client's own switch to that client alone, without a show_state echo", () => {
    const { host, ask } = setup();
    const replies = ask({ type: 'set_blackout', enabled: true, _seq: 3 });
    assert.deepEqual(replies, [{ type: 'ack', request: 'set_blackout', _seq: 3 }]);
    assert.deepEqual(host.take('other'), []);
  });
});
