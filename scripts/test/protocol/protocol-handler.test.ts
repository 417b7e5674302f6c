/** Every :8765 message through a real engine on a recording host: replies, errors with `_seq` and code. */
import { strict as assert } from 'node:assert';
import { createEngine } from '../../src/engine';
import type { Control } from '../../src/control';
import type { Engine } from '../../src/engine-api';
import { DJ_ANNOUNCE_INTERVAL_MS } from '../../src/protocol/dj-announcer';
import { ProtocolHandler } from '../../src/protocol/protocol-handler';
import { audioFrame, RecordingHost } from '../recording-host';

function setup(): {
  host: RecordingHost;
  engine: Engine;
  ask: (msg: unknown, client?: string) => Record<string, unknown>[];
} {
  const host = new RecordingHost();
  const engine = createEngine(host);
  engine.clientConnected('hub', true);
  engine.clientConnected('guest', false);
  const ask = (msg: unknown, client = 'hub'): Record<string, unknown>[] => {
    engine.enqueue(client, typeof msg === 'string' ? msg : JSON.stringify(msg));
    host.time += 50;
    host.apply(engine.tick());
    return host.take(client);
  };
  engine.command({ name: 't', permissions: ['audioviz.admin'], location: null }, [
    'zone',
    'create',
    'main',
    'arena',
    'world',
    '0',
    '64',
    '0',
  ]);
  // The in-game zone above was announced to both clients; each test starts from an empty inbox.
  host.take('hub');
  host.take('guest');
  return { host, engine, ask };
}

describe('ProtocolHandler', () => {
  it('answers ping with pong and the time, echoing _seq', () => {
    const { ask, host } = setup();
    host.time = 1000;
    assert.deepEqual(ask({ type: 'ping', _seq: 3 }), [{ type: 'pong', timestamp: 1050, _seq: 3 }]);
  });

  it('(ext) set_preset sets the preset the entities ease with and keeps it in the settings document', () => {
    const { host, ask } = setup();
    assert.deepEqual(ask({ type: 'set_preset', preset: 'chill', _seq: 7 }), [
      { type: 'ack', request: 'set_preset', _seq: 7 },
    ]);
    assert.equal(JSON.parse(host.documents.get('settings') ?? '{}').preset, 'chill');
    const again = createEngine(host);
    again.clientConnected('hub', true);
    again.enqueue('hub', JSON.stringify({ type: 'set_preset', preset: 'jazz', _seq: 8 }));
    host.apply(again.tick());
    const [refused] = host.take('hub');
    assert.equal(refused?.['code'], 'INVALID_FIELD');
    assert.equal(
      JSON.parse(host.documents.get('settings') ?? '{}').preset,
      'chill',
      'a refused preset changes nothing',
    );
  });

  it('refuses invalid JSON with INVALID_JSON', () => {
    assert.deepEqual(setup().ask('{nope'), [
      { type: 'error', message: 'message is not valid JSON', code: 'INVALID_JSON' },
    ]);
  });

  it("returns the validator's path-precise message, its code and the request's _seq", () => {
    const [reply] = setup().ask({ type: 'init_pool', zone: 'main', count: 'many', _seq: 12 });
    assert.ok(reply);
    assert.equal(reply['code'], 'INVALID_FIELD');
    assert.equal(reply['_seq'], 12);
    assert.match(String(reply['message']), /init_pool\.count: expected integer, got "many"/);
  });

  it('refuses an unknown type and a message too big to parse', () => {
    const { ask } = setup();
    assert.equal(ask({ type: 'teleport', _seq: 1 })[0]!['code'], 'UNKNOWN_TYPE');
    assert.equal(ask(`"${'x'.repeat(300 * 1024)}"`)[0]!['code'], 'MESSAGE_TOO_BIG');
  });

  it('lists zones and one zone; an unknown zone is ZONE_NOT_FOUND', () => {
    const { ask } = setup();
    const [zones] = ask({ type: 'get_zones' });
    assert.deepEqual(zones, {
      type: 'zones',
      zones: [
        {
          name: 'main',
          world: 'world',
          origin: { x: 0, y: 64, z: 0 },
          size: { x: 15, y: 8, z: 15 },
          rotation: 0,
          entity_count: 0,
          pattern: 'bars',
        },
      ],
    });
    assert.equal(ask({ type: 'get_zone', zone: 'main' })[0]!['type'], 'zone');
    const [missing] = ask({ type: 'get_zone', zone: 'nowhere', _seq: 4 });
    assert.ok(missing);
    assert.deepEqual([missing['code'], missing['_seq']], ['ZONE_NOT_FOUND', 4]);
  });

  it('initialises and cleans up pools', () => {
    const { ask, engine } = setup();
    assert.deepEqual(ask({ type: 'init_pool', zone: 'main', count: 10 }), [
      { type: 'pool_initialized', zone: 'main', count: 10 },
    ]);
    assert.equal(engine.status().entities, 10);
    assert.deepEqual(ask({ type: 'cleanup_zone', zone: 'main' }), [{ type: 'zone_cleaned', zone: 'main' }]);
    assert.equal(engine.status().entities, 0);
  });

  it('applies a zone config and persists it', () => {
    const { ask, host } = setup();
    const config = {
      size: { x: 4, y: 4, z: 4 },
      rotation: 45,
      entity_count: 8,
      block_type: 'minecraft:glass',
      glow_on_beat: true,
    };
    assert.deepEqual(ask({ type: 'set_zone_config', zone: 'main', config }), [
      { type: 'zone_config_updated', zone: 'main', config },
    ]);
    const stored = JSON.parse(host.documents.get('zones') ?? '{}') as { zones: Record<string, unknown>[] };
    assert.deepEqual(stored.zones[0]!['size'], { x: 4, y: 4, z: 4 });
    assert.equal(stored.zones[0]!['rotation'], 45);
    assert.equal(stored.zones[0]!['entityCount'], 8);
  });

  it('sets patterns per zone or everywhere, refusing unknown ones', () => {
    const { ask } = setup();
    assert.deepEqual(ask({ type: 'set_pattern', pattern: 'circle', _seq: 1 }), [
      { type: 'pattern_changed', pattern: 'circle', zones: ['main'], _seq: 1 },
    ]);
    assert.equal(
      ask({ type: 'set_pattern', zone: 'main', pattern: 'nope' })[0]!['code'],
      'PATTERN_NOT_FOUND',
    );
  });

  it('lists patterns in wire form, each with its controls', () => {
    const [reply] = setup().ask({ type: 'list_patterns' });
    assert.ok(reply);
    const patterns = reply['patterns'] as Record<string, unknown>[];
    assert.ok(patterns.length >= 2);
    assert.deepEqual(Object.keys(patterns[0]!).sort(), [
      'category',
      'id',
      'name',
      'params',
      'recommended_entities',
    ]);
    const bars = patterns.find((p) => p['id'] === 'bars') as { params: Record<string, unknown> };
    assert.deepEqual(bars.params['depth'], {
      type: 'number',
      description: 'Depth of the wall in the zone, 0 = flat',
      default: 0.2,
      min: 0,
      max: 1,
    });
  });

  describe('set_pattern_params', () => {
    const onBars = (): ReturnType<typeof setup> => {
      const s = setup();
      s.ask({ type: 'set_pattern', zone: 'main', pattern: 'bars', transition_s: 0 });
      s.ask({ type: 'init_pool', zone: 'main', count: 32 });
      // Bars push out in depth with the level, so the show needs sound for `depth` to show.
      const ask = (msg: unknown): Record<string, unknown>[] => {
        s.engine.enqueue('hub', audioFrame(false, 0.8));
        return s.ask(msg);
      };
      for (let i = 0; i < 5; i++) ask({ type: 'ping' });
      return { ...s, ask };
    };
    const depthOf = (engine: Engine): number[] => engine.zoneEntities('main').map((e) => e.z ?? 0);

    it('changes the zone on the next tick, answers with every value set, and stores it', () => {
      const { ask, engine, host } = onBars();
      const before = depthOf(engine);
      assert.deepEqual(ask({ type: 'set_pattern_params', zone: 'main', params: { depth: 1 }, _seq: 3 }), [
        { type: 'pattern_params', zone: 'main', pattern: 'bars', params: { depth: 1 }, _seq: 3 },
      ]);
      assert.notDeepEqual(depthOf(engine), before, 'the entities moved within the tick');
      assert.deepEqual(ask({ type: 'get_zone', zone: 'main' })[0]!['zone'], {
        ...(ask({ type: 'get_zone', zone: 'main' })[0]!['zone'] as object),
        params: { depth: 1 },
      });
      const stored = JSON.parse(host.documents.get('zones') ?? '{}') as { zones: { params: object }[] };
      assert.deepEqual(stored.zones[0]!.params, { depth: 1 });
    });

    it('keeps the values over a restart of the engine', () => {
      const { ask, host } = onBars();
      ask({ type: 'set_pattern_params', zone: 'main', params: { depth: 0.9, sensitivity: 2 } });
      const restarted = createEngine(host);
      restarted.clientConnected('hub', true);
      restarted.enqueue('hub', JSON.stringify({ type: 'get_zone', zone: 'main' }));
      host.apply(restarted.tick());
      const [reply] = host.take('hub');
      assert.ok(reply);
      assert.deepEqual((reply['zone'] as { params: unknown }).params, { depth: 0.9, sensitivity: 2 });
    });

    it('merges by default, replaces on request, and starts afresh with a new pattern', () => {
      const { ask } = onBars();
      ask({ type: 'set_pattern_params', zone: 'main', params: { depth: 0.9 } });
      assert.deepEqual(
        ask({ type: 'set_pattern_params', zone: 'main', params: { sensitivity: 3 } })[0]!['params'],
        {
          depth: 0.9,
          sensitivity: 3,
        },
      );
      assert.deepEqual(
        ask({ type: 'set_pattern_params', zone: 'main', params: { peak_fall: 1 }, replace: true })[0]![
          'params'
        ],
        { peak_fall: 1 },
      );
      ask({ type: 'set_pattern', zone: 'main', pattern: 'circle' });
      assert.equal(
        (ask({ type: 'get_zone', zone: 'main' })[0]!['zone'] as { params?: unknown }).params,
        undefined,
      );
    });

    it('refuses a value that does not fit, naming what would, and applies none of the others', () => {
      const { ask } = onBars();
      const cases: [unknown, RegExp][] = [
        [{ depth: 0.5, sensitivity: 99 }, /sensitivity must be a number from 0.1 to 4, got 99/],
        [{ depth: 'deep' }, /depth must be a number from 0 to 1, got "deep"/],
        [
          { depth: 0.5, glitter: true },
          /pattern "bars" has no parameter "glitter": use one of sensitivity, depth, peak_fall/,
        ],
      ];
      for (const [params, message] of cases) {
        const [reply] = ask({ type: 'set_pattern_params', zone: 'main', params });
        assert.ok(reply);
        assert.equal(reply['code'], 'INVALID_ARGUMENT');
        assert.match(String(reply['message']), message);
      }
      assert.equal(
        (ask({ type: 'get_zone', zone: 'main' })[0]!['zone'] as { params?: unknown }).params,
        undefined,
      );
      assert.equal(
        ask({ type: 'set_pattern_params', zone: 'nowhere', params: {} })[0]!['code'],
        'ZONE_NOT_FOUND',
      );
      assert.equal(
        ask({ type: 'set_pattern_params', zone: 'main', params: { Bad_Name: 1 } })[0]!['code'],
        'INVALID_FIELD',
      );
    });
  });

  it('triggers effects and acknowledges overrides and audio when _seq is given', () => {
    const { ask } = setup();
    assert.deepEqual(ask({ type: 'trigger_effect', effect: 'flash', intensity: 0.5 }), [
      { type: 'effect_triggered', effect: 'flash', intensity: 0.5 },
    ]);
    assert.deepEqual(ask({ type: 'set_visible', zone: 'main', visible: false, _seq: 2 }), [
      { type: 'ack', request: 'set_visible', _seq: 2 },
    ]);
    assert.deepEqual(ask({ type: 'set_entity_glow', zone: 'main', glow: true }), []);
    assert.deepEqual(ask(JSON.parse(audioFrame(true, 0.5, { _seq: 8 })) as unknown), [
      { type: 'ack', request: 'audio_state', _seq: 8 },
    ]);
    assert.equal(
      ask(JSON.parse(audioFrame(true, 0.5, { zone: 'ghost' })) as unknown)[0]!['code'],
      'ZONE_NOT_FOUND',
    );
  });

  it('(ext) set_blackout hides every entity and set_freeze holds the frame, until each is switched off', () => {
    const { host, ask } = setup();
    ask({ type: 'init_pool', zone: 'main', count: 16 });
    const shown = () => host.entities('main').filter((e) => e.scale > 0).length;
    const places = () => JSON.stringify(host.entities('main').map((e) => [e.x, e.y, e.z, e.scale]));
    const play = (ticks: number) => {
      for (let i = 0; i < ticks; i++)
        ask(JSON.parse(audioFrame(i % 2 === 0, 0.2 + 0.1 * (i % 7))) as unknown);
    };
    play(10);
    const total = host.entities('main').length;
    assert.ok(total === 16 && shown() === total, `the zone shows its entities: ${shown()} of ${total}`);
    assert.deepEqual(ask({ type: 'set_blackout', enabled: true, _seq: 3 }), [
      { type: 'ack', request: 'set_blackout', _seq: 3 },
    ]);
    play(40); // entities fade out with the preset's release
    assert.equal(shown(), 0, 'blackout hides them all');
    ask({ type: 'set_blackout', enabled: false });
    play(10);
    assert.equal(shown(), total, 'and shows them again when switched off');
    ask({ type: 'set_freeze', enabled: true, zone: 'main' });
    const held = places();
    play(10);
    assert.equal(places(), held, 'freeze holds the frame while the music goes on');
    ask({ type: 'set_freeze', enabled: false, zone: 'main' });
    play(10);
    assert.notEqual(places(), held, 'and the show moves again once lifted');
    assert.equal(ask({ type: 'set_freeze', enabled: true, zone: 'ghost' })[0]!['code'], 'ZONE_NOT_FOUND');
  });

  it('(ext) a zone created during a show-wide blackout joins it', () => {
    const { host, engine, ask } = setup();
    ask({ type: 'set_blackout', enabled: true });
    engine.command({ name: 't', permissions: ['audioviz.admin'], location: null }, [
      'zone',
      'create',
      'late',
      'arena',
      'world',
      '40',
      '64',
      '0',
    ]);
    ask({ type: 'init_pool', zone: 'late', count: 8 });
    for (let i = 0; i < 10; i++) ask(JSON.parse(audioFrame(i % 2 === 0, 0.8)) as unknown);
    assert.equal(host.entities('late').length, 8);
    assert.equal(host.entities('late').filter((e) => e.scale > 0).length, 0, 'the new zone is dark');
    ask({ type: 'set_blackout', enabled: false });
    for (let i = 0; i < 10; i++) ask(JSON.parse(audioFrame(i % 2 === 0, 0.8)) as unknown);
    assert.equal(host.entities('late').filter((e) => e.scale > 0).length, 8, 'and lights up with the rest');
  });

  it('applies only the newest batch per zone per tick and answers the superseded one with 0', () => {
    const { engine, host } = setup();
    engine.enqueue('hub', JSON.stringify({ type: 'init_pool', zone: 'main', count: 4 }));
    host.apply(engine.tick());
    host.take('hub');
    const batch = (seq: number, x: number) =>
      JSON.stringify({
        type: 'batch_update',
        zone: 'main',
        _seq: seq,
        entities: [
          { id: 'block_0', x, y: 0, z: 0, scale: 1 },
          { id: 'block_9', x, y: 0, z: 0 },
        ],
      });
    engine.enqueue('hub', batch(1, 0.1));
    engine.enqueue('hub', batch(2, 0.9));
    host.time += 50;
    host.apply(engine.tick());
    assert.deepEqual(host.take('hub'), [
      { type: 'batch_updated', zone: 'main', updated: 0, _seq: 1 },
      { type: 'batch_updated', zone: 'main', updated: 1, _seq: 2 }, // block_9 is outside the pool
    ]);
    host.time += 50;
    host.apply(engine.tick());
    assert.deepEqual(engine.zoneEntities('main')[0]!.x, Math.fround(0.9));
  });

  it('only lets trusted clients load scripts', () => {
    const { ask } = setup();
    const source =
      "module.exports.default = { meta: { id: 'tiny', name: 'Tiny', category: 'test', recommendedEntities: 1, params: {} }, create: function () { return null; }, calculate: function () {} };";
    assert.equal(ask({ type: 'load_script', name: 'tiny', source }, 'guest')[0]!['code'], 'UNAUTHORIZED');
    assert.deepEqual(ask({ type: 'load_script', name: 'tiny', source }), [
      { type: 'script_loaded', name: 'tiny' },
    ]);
    assert.equal(
      ask({ type: 'load_script', name: 'broken', source: 'throw new Error("bad")', _seq: 3 })[0]!['code'],
      'SCRIPT_REJECTED',
    );
  });

  it('evaluates one script per tick; the messages after it wait and see it loaded', () => {
    const { host, engine } = setup();
    const source =
      "module.exports.default = { meta: { id: 'tiny', name: 'Tiny', category: 'test', recommendedEntities: 1, params: {} }, create: function () { return null; }, calculate: function () {} };";
    engine.enqueue('hub', JSON.stringify({ type: 'load_script', name: 'tiny', source, _seq: 1 }));
    engine.enqueue('hub', JSON.stringify({ type: 'set_pattern', zone: 'main', pattern: 'tiny', _seq: 2 }));
    host.apply(engine.tick());
    assert.deepEqual(host.take('hub'), [{ type: 'script_loaded', name: 'tiny', _seq: 1 }]);
    assert.equal(engine.status().queueLength, 1);
    host.apply(engine.tick());
    assert.deepEqual(host.take('hub'), [{ type: 'pattern_changed', pattern: 'tiny', zone: 'main', _seq: 2 }]);
  });

  /**
   * In GraalJS a host interrupt may cut a call and then the handler's own error handling short: a stand-in host
   * that fails every call until the interrupt is reported, and a script load that never returns normally.
   */
  function cutShort(): { host: RecordingHost; handler: ProtocolHandler; report: () => void } {
    const host = new RecordingHost();
    let cut = true;
    const send = host.send.bind(host);
    const log = host.log.bind(host);
    host.send = (clientId, text) => {
      if (cut) throw new Error('Execution got interrupted.');
      send(clientId, text);
    };
    host.log = (level, message) => {
      if (cut) throw new Error('Execution got interrupted.');
      log(level, message);
    };
    const handler = new ProtocolHandler({
      host,
      control: {} as Control, // neither ping nor load_script touches the show
      loadScript: () => {
        throw new Error('Execution got interrupted.');
      },
      version: 'test',
    });
    handler.clientConnected('hub', true);
    const report = (): void => {
      cut = false;
      handler.interrupted();
    };
    return { host, handler, report };
  }

  it('answers a script load that the host cut short with SCRIPT_REJECTED, once', () => {
    const { host, handler, report } = cutShort();
    const load = { type: 'load_script', name: 'spin', source: 'while (true) {}', _seq: 4 };
    assert.throws(() => handler.handle('hub', JSON.stringify(load)));
    report();
    const replies = host.take('hub');
    assert.equal(replies.length, 1, JSON.stringify(replies));
    assert.equal(replies[0]!['code'], 'SCRIPT_REJECTED');
    assert.equal(replies[0]!['_seq'], 4);
    assert.match(String(replies[0]!['message']), /spin: it ran past the server's time budget/);
    handler.interrupted(); // a later interrupt has nothing left to answer
    assert.deepEqual(host.take('hub'), []);
  });

  it('answers any request the host cut short, so no _seq goes unanswered', () => {
    const { host, handler, report } = cutShort();
    assert.throws(() => handler.handle('hub', JSON.stringify({ type: 'ping', _seq: 8 })));
    report();
    const replies = host.take('hub');
    assert.equal(replies.length, 1, JSON.stringify(replies));
    assert.deepEqual(
      { code: replies[0]!['code'], seq: replies[0]!['_seq'] },
      { code: 'INTERNAL_ERROR', seq: 8 },
    );
    assert.match(String(replies[0]!['message']), /stopped handling "ping".*try again/);
  });

  it('does not answer a script load twice when its error reply got through', () => {
    const host = new RecordingHost();
    const handler = new ProtocolHandler({
      host,
      control: {} as Control,
      loadScript: () => {
        throw new Error('unexpected');
      },
      version: 'test',
    });
    handler.clientConnected('hub', true);
    handler.handle('hub', JSON.stringify({ type: 'load_script', name: 'x', source: '1', _seq: 5 }));
    handler.interrupted();
    const replies = host.take('hub');
    assert.equal(replies.length, 1, JSON.stringify(replies));
    assert.equal(replies[0]!['code'], 'INTERNAL_ERROR');
  });

  it('keeps a beat that arrived in an older audio_state of the same tick', () => {
    // A probe pattern shows the beat flag it was given as the scale of every entity.
    const probe = `module.exports.default = {
      meta: { id: 'beat_probe', name: 'Beat probe', category: 'test', recommendedEntities: 4, params: {} },
      create() { return {}; },
      calculate(input, state, out) {
        for (let i = 0; i < out.count; i++) {
          out.x[i] = 0.5; out.y[i] = 0.5; out.z[i] = 0.5; out.rotation[i] = 0; out.band[i] = 0;
          out.brightness[i] = 15; out.glow[i] = 0; out.visible[i] = 1; out.scale[i] = input.isBeat ? 4 : 0.1;
        }
      },
    };`;
    const probeScale = (frames: string[]): number => {
      const { engine, host, ask } = setup();
      assert.equal(engine.loadPatternSource('beat_probe', probe), null);
      ask({ type: 'init_pool', zone: 'main', count: 4 });
      ask({ type: 'set_pattern', zone: 'main', pattern: 'beat_probe', transition_s: 0 });
      for (const f of frames) engine.enqueue('hub', f);
      host.time += 50;
      host.apply(engine.tick());
      return engine.zoneEntities('main')[0]!.scale ?? 0;
    };
    const withBeat = probeScale([audioFrame(true), audioFrame(false), audioFrame(false)]);
    const without = probeScale([audioFrame(false), audioFrame(false), audioFrame(false)]);
    assert.ok(withBeat > without + 0.5, `beat scale ${withBeat} vs ${without}`);
  });

  it('announces the DJ in game', () => {
    const { ask, host } = setup();
    ask({ type: 'dj_info', dj_name: 'Nova', dj_id: 'nova', bpm: 127.6, is_active: true });
    assert.deepEqual(host.announcements, [{ zone: null, message: 'Now playing: Nova at 128 BPM' }]);
  });

  it('announces a DJ once, however often the hub repeats dj_info, and again when the live DJ changes', () => {
    const { ask, host } = setup();
    for (let i = 0; i < 20; i++)
      ask({ type: 'dj_info', dj_name: 'Nova', dj_id: 'nova', bpm: 120 + i, is_active: true });
    host.time += DJ_ANNOUNCE_INTERVAL_MS;
    ask({ type: 'dj_info', dj_name: 'Kai', dj_id: 'kai', bpm: 140, is_active: true });
    host.time += DJ_ANNOUNCE_INTERVAL_MS;
    ask({ type: 'dj_info', dj_name: 'Kai', dj_id: 'kai', bpm: 140, is_active: false });
    assert.deepEqual(
      host.announcements.map((a) => a.message),
      ['Now playing: Nova at 120 BPM', 'Now playing: Kai at 140 BPM', 'Kai left the decks'],
    );
  });

  it('lets a client flipping DJs reach chat once per interval, with the latest DJ, said once it is due', () => {
    const { ask, host, engine } = setup();
    const start = host.time;
    for (let i = 0; i < 200; i++)
      ask({ type: 'dj_info', dj_name: `DJ ${i}`, dj_id: `dj${i}`, bpm: 0, is_active: i % 2 === 0 });
    const elapsed = host.time - start; // 200 asks of 50 ms each: 10 s
    const lines = host.announcements.map((a) => a.message);
    assert.ok(lines.length <= Math.ceil(elapsed / DJ_ANNOUNCE_INTERVAL_MS) + 1, lines.join(' / '));
    host.time += DJ_ANNOUNCE_INTERVAL_MS;
    host.apply(engine.tick()); // no message: the held-back change is said on a quiet tick
    assert.equal(host.announcements.at(-1)?.message, 'DJ 199 left the decks');
  });

  it('says nothing held back when the DJ returns to the one chat last heard', () => {
    const { ask, host, engine } = setup();
    ask({ type: 'dj_info', dj_name: 'Nova', dj_id: 'nova', bpm: 0, is_active: true });
    ask({ type: 'dj_info', dj_name: 'Kai', dj_id: 'kai', bpm: 0, is_active: true });
    ask({ type: 'dj_info', dj_name: 'Nova', dj_id: 'nova', bpm: 0, is_active: true });
    host.time += DJ_ANNOUNCE_INTERVAL_MS;
    host.apply(engine.tick());
    assert.deepEqual(
      host.announcements.map((a) => a.message),
      ['Now playing: Nova'],
    );
  });

  it('strips line breaks and § colour codes from a DJ name, falling back to the id when nothing is left', () => {
    const { ask, host } = setup();
    ask({ type: 'dj_info', dj_name: 'Nova\n§4[Server] op me', dj_id: 'nova', bpm: 0, is_active: true });
    host.time += DJ_ANNOUNCE_INTERVAL_MS;
    ask({ type: 'dj_info', dj_name: '\n\t§', dj_id: 'kai', bpm: 0, is_active: true });
    assert.deepEqual(
      host.announcements.map((a) => a.message),
      ['Now playing: Nova4[Server] op me', 'Now playing: kai'],
    );
  });

  it('reports auth as the host decided it', () => {
    const { ask } = setup();
    assert.deepEqual(ask({ type: 'auth', token: 'x' }), [{ type: 'auth_ok' }]);
    assert.equal(ask({ type: 'auth', token: 'x' }, 'guest')[0]!['code'], 'UNAUTHORIZED');
  });
});
