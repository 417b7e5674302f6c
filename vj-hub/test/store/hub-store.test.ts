import assert from 'node:assert/strict';
import { FakeClock, seededRandom, type DjAudioFrame, type ZoneInfo } from '@audioviz/shared-types';
import { HubStore, StoreError, type RosterSnapshot } from '../../src/store/hub-store';

/** A zone "z" of one block showing bars, as a server reports it. */
const ONE_BLOCK_ZONE: ZoneInfo = {
  name: 'z',
  world: 'w',
  origin: { x: 0, y: 0, z: 0 },
  size: { x: 1, y: 1, z: 1 },
  rotation: 0,
  entity_count: 1,
  pattern: 'bars',
};

function makeStore(): HubStore {
  return new HubStore({ clock: new FakeClock(), random: seededRandom(1), maxDjs: 3 });
}

/** A valid `dj_audio_frame` with every level at 0, at a tempo (a fresh object each call: the store may keep it). */
function silentFrame(bpm: number): DjAudioFrame {
  return {
    type: 'dj_audio_frame',
    seq: 1,
    ts: 0,
    bands: [0, 0, 0, 0, 0],
    peak: 0,
    beat: false,
    beat_i: 0,
    bpm,
    tempo_conf: 0,
    beat_phase: 0,
    i_bass: 0,
    i_kick: false,
  };
}

describe('hub-store', () => {
  it('puts the first DJ live and queues the others in order', () => {
    const store = makeStore();
    store.djs.add('a', 'A');
    store.djs.add('b', 'B');
    const roster = store.djs.snapshot();
    assert.equal(roster.active_dj_id, 'a');
    assert.deepEqual(
      roster.djs.map((d) => [d.dj_id, d.is_active, d.queue_position]),
      [
        ['a', true, 0],
        ['b', false, 1],
      ],
    );
  });

  it('falls back to the next DJ in the queue when the live one leaves', () => {
    const store = makeStore();
    const rosters: RosterSnapshot[] = [];
    store.events.roster.on((r) => rosters.push(r));
    store.djs.add('a', 'A');
    store.djs.add('b', 'B');
    store.djs.add('c', 'C');
    store.djs.reorder('c', 0);
    store.djs.remove('a');
    assert.equal(store.djs.active, 'c');
    store.djs.remove('c');
    assert.equal(store.djs.active, 'b');
    store.djs.remove('b');
    assert.equal(store.djs.active, null);
    assert.equal(rosters.at(-1)?.active_dj_id, null);
  });

  it('lets the operator pick the live DJ and refuses an unknown one', () => {
    const store = makeStore();
    store.djs.add('a', 'A');
    store.djs.add('b', 'B');
    store.djs.setActive('b');
    assert.equal(store.djs.active, 'b');
    assert.throws(
      () => store.djs.setActive('zzz'),
      (e: Error) => e instanceof StoreError && e.code === 'UNKNOWN_DJ',
    );
  });

  it('publishes frames of the live DJ only, counting everyone', () => {
    const store = makeStore();
    const seen: string[] = [];
    store.events.frame.on((f) => seen.push(f.dj_id));
    store.djs.add('a', 'A');
    store.djs.add('b', 'B');
    store.djs.frame('a', silentFrame(90), 1);
    store.djs.frame('b', silentFrame(90), 2);
    assert.deepEqual(seen, ['a']);
    assert.equal(store.djs.get('b')?.framesReceived, 1);
  });

  it('adds live stats to the roster: frames per second, BPM, dropped frames', () => {
    const clock = new FakeClock(0);
    const store = new HubStore({ clock, random: seededRandom(1) });
    store.djs.add('a', 'A');
    for (let i = 0; i <= 120; i++) {
      clock.advance(i === 0 ? 1000 : 1000 / 60);
      store.djs.frame('a', silentFrame(124), clock.now());
    }
    const [entry] = store.djs.snapshot().djs as unknown as Record<string, number>[];
    assert.equal(entry!['fps'], 60);
    assert.equal(entry!['bpm'], 124);
    clock.advance(5000);
    assert.equal(
      (store.djs.snapshot().djs as unknown as Record<string, number>[])[0]!['fps'],
      0,
      'a silent DJ shows 0 fps',
    );
  });

  it('signals a kick to the DJ server and drops the DJ', () => {
    const store = makeStore();
    const kicked: string[] = [];
    store.events.kick.on((k) => kicked.push(k.dj_id));
    store.djs.add('a', 'A');
    store.djs.kick('a');
    assert.deepEqual(kicked, ['a']);
    assert.equal(store.djs.count, 0);
    assert.throws(() => store.djs.kick('a'), StoreError);
  });

  it('runs the approval queue: pending, then decided once', () => {
    const store = makeStore();
    const decisions: unknown[] = [];
    store.events.pendingDecided.on((d) => decisions.push(d));
    store.djs.addPending('guest-x', 'X');
    assert.equal(store.djs.waiting().length, 1);
    store.djs.decidePending('guest-x', true);
    assert.deepEqual(decisions, [{ dj_id: 'guest-x', dj_name: 'X', approved: true }]);
    assert.throws(() => store.djs.decidePending('guest-x', false), StoreError);
  });

  it('relays zone commands and replays them for a server that reconnects', () => {
    const store = makeStore();
    const commands: unknown[] = [];
    store.events.zoneCommand.on((c) => commands.push(c));
    store.setZones([
      {
        name: 'stage',
        world: 'w',
        origin: { x: 0, y: 0, z: 0 },
        size: { x: 10, y: 10, z: 10 },
        rotation: 0,
        entity_count: 16,
        pattern: 'bars',
      },
    ]);
    store.setPattern('circle', ['stage']);
    store.setZoneConfig('stage', { entity_count: 64 });
    store.initPool('stage', 64, 'minecraft:glowstone');
    assert.equal(commands.length, 3);
    assert.deepEqual(store.restoreCommands(), [
      { type: 'set_zone_config', zone: 'stage', config: { entity_count: 64 } },
      { type: 'init_pool', zone: 'stage', count: 64, material: 'minecraft:glowstone' },
      { type: 'set_pattern', zone: 'stage', pattern: 'circle' },
    ]);
    // A preset goes to the servers once the operator chose one (until then each keeps its owner's).
    store.setPreset('edm');
    assert.deepEqual(commands.at(-1), { type: 'set_preset', preset: 'edm' });
    assert.deepEqual(store.restoreCommands()[0], { type: 'set_preset', preset: 'edm' });
    // Blackout and freeze go to a reconnecting server last, after its zones are rebuilt, and only while on.
    store.setBlackout(true);
    store.setFreeze(true);
    assert.deepEqual(commands.slice(-2), [
      { type: 'set_blackout', enabled: true },
      { type: 'set_freeze', enabled: true },
    ]);
    assert.deepEqual(store.restoreCommands().slice(-2), commands.slice(-2));
    store.setBlackout(false);
    store.setFreeze(false);
    assert.deepEqual(
      store.restoreCommands().filter((c) => c.type === 'set_blackout' || c.type === 'set_freeze'),
      [],
    );
  });

  it('keeps the zone summaries current with the operator’s pattern, config and pool changes', () => {
    const store = makeStore();
    const announced: number[] = [];
    store.events.zones.on(({ zones }) => announced.push(zones[0]!.entity_count));
    const zone = {
      name: 'stage',
      world: 'world',
      origin: { x: 0, y: 64, z: 0 },
      size: { x: 10, y: 6, z: 10 },
    };
    store.setZones([{ ...zone, rotation: 0, entity_count: 128, pattern: 'bars' }]);
    store.setZoneConfig('stage', { rotation: 90, size: { x: 12, y: 6, z: 12 } });
    store.setPattern('galaxy', ['stage']);
    store.initPool('stage', 256);
    assert.deepEqual(store.zones, [
      { ...zone, size: { x: 12, y: 6, z: 12 }, rotation: 90, entity_count: 256, pattern: 'galaxy' },
    ]);
    store.cleanupZone('stage');
    assert.equal(store.zones[0]!.entity_count, 0);
    assert.deepEqual(announced, [128, 128, 128, 256, 0]);
  });

  describe('scenes', () => {
    const BUILT_IN = ['chill_lounge', 'club_night', 'concert_hall', 'rock_show'];
    const storeWithTwoZones = (): { store: HubStore; sent: { type: string }[] } => {
      const store = makeStore();
      store.setZones([ONE_BLOCK_ZONE, { ...ONE_BLOCK_ZONE, name: 'y' }]);
      const sent: { type: string }[] = [];
      store.events.zoneCommand.on((c) => sent.push(c));
      return { store, sent };
    };

    it('saves the whole show and puts every part of it back', () => {
      const { store, sent } = storeWithTwoZones();
      store.setPattern('circle');
      store.setPreset('edm');
      store.setTransitionDuration(2);
      store.setBandSensitivity(0, 1.5);
      store.setZoneConfig('z', { brightness: 9, glow_on_beat: true });
      store.setBlackout(true);
      store.saveScene('drop');
      store.setPattern('bars');
      store.setPreset('chill');
      store.setTransitionDuration(0.5);
      store.setBandSensitivity(0, 0.2);
      store.setZoneConfig('z', { brightness: 15, glow_on_beat: false });
      store.setBlackout(false);
      sent.length = 0;
      store.loadScene('drop');
      assert.deepEqual(store.currentPatterns, { z: 'circle', y: 'circle' });
      assert.equal(store.preset, 'edm');
      assert.equal(store.transitionDuration, 2);
      assert.equal(store.bandSensitivity[0], 1.5);
      assert.equal(store.blackout, true);
      assert.deepEqual(store.zoneConfigs.get('z'), { brightness: 9, glow_on_beat: true });
      assert.deepEqual(
        sent.filter((c) => c.type === 'set_zone_config'),
        [{ type: 'set_zone_config', zone: 'z', config: { brightness: 9, glow_on_beat: true } }],
      );
      // Blackout is the engines' own switch: per-entity visibility overrides are not touched.
      assert.deepEqual(
        sent.filter((c) => c.type === 'set_blackout' || c.type === 'set_visible'),
        [{ type: 'set_blackout', enabled: true }],
      );
    });

    it('lists the built-in scenes first, and a built-in scene sets its pattern on every zone', () => {
      const { store } = storeWithTwoZones();
      store.saveScene('mine');
      assert.deepEqual(store.sceneNames(), [...BUILT_IN, 'mine']);
      store.loadScene('club_night');
      assert.deepEqual(store.currentPatterns, { z: 'laser_fan', y: 'laser_fan' });
      assert.equal(store.preset, 'edm');
    });

    it('refuses a missing scene, a built-in one to delete or overwrite, with stable codes', () => {
      const { store } = storeWithTwoZones();
      const refusal = (code: string, message: RegExp) => (e: Error) =>
        e instanceof StoreError && e.code === code && message.test(e.message);
      assert.throws(() => store.loadScene('drop'), refusal('SCENE_NOT_FOUND', /No scene "drop"/));
      assert.throws(() => store.deleteScene('drop'), refusal('SCENE_NOT_FOUND', /no scene "drop"/));
      assert.throws(() => store.deleteScene('club_night'), refusal('INVALID_ARGUMENT', /built-in/));
      assert.throws(() => store.saveScene('club_night'), refusal('INVALID_ARGUMENT', /built-in/));
      store.saveScene('drop');
      store.deleteScene('drop');
      assert.deepEqual(store.sceneNames(), BUILT_IN);
    });
  });

  it('refuses an unknown audio setting with a readable message', () => {
    const store = makeStore();
    store.setAudioSetting('attack', 0.5);
    assert.equal(store.audioSettings.attack, 0.5);
    assert.throws(() => store.setAudioSetting('warp', 1), /use "attack" or "release"/);
    store.setAudioSetting('tap_bpm', 128);
    assert.equal(store.audioSettings.tapBpm, 128);
    store.setAudioSetting('tap_bpm', 0);
    assert.equal(store.audioSettings.tapBpm, undefined, '0 clears the tapped tempo');
    assert.throws(() => store.setAudioSetting('tap_bpm', 9000), /"tap_bpm" with 0–400/);
  });

  it('reports Minecraft as connected while any link is up', () => {
    const store = makeStore();
    const seen: boolean[] = [];
    store.events.minecraftStatus.on((s) => seen.push(s.connected));
    store.setMinecraftConnected('ws://a', true);
    store.setMinecraftConnected('ws://b', true);
    store.setMinecraftConnected('ws://a', false);
    store.setMinecraftConnected('ws://b', false);
    assert.deepEqual(seen, [true, false]);
  });

  describe('pattern parameters', () => {
    const storeWithBars = (): { store: HubStore; sent: object[] } => {
      const store = makeStore();
      store.setZones([ONE_BLOCK_ZONE]);
      store.setPatterns([
        {
          id: 'bars',
          name: 'Bars',
          category: 'spectrum',
          recommended_entities: 64,
          params: {
            depth: { type: 'number', description: 'Depth', default: 0.2, min: 0, max: 1 },
            mirror: { type: 'boolean', description: 'Mirror', default: false },
          },
        },
        { id: 'circle', name: 'Circle', category: 'geometric', recommended_entities: 64 },
      ]);
      const sent: object[] = [];
      store.events.zoneCommand.on((c) => sent.push(c));
      return { store, sent };
    };

    it('checks values against the pattern, forwards them and shows them on the zone', () => {
      const { store, sent } = storeWithBars();
      assert.deepEqual(store.setPatternParams('z', { depth: 0.5 }), {
        pattern: 'bars',
        params: { depth: 0.5 },
      });
      assert.deepEqual(store.setPatternParams('z', { mirror: true }).params, { depth: 0.5, mirror: true });
      assert.deepEqual(store.setPatternParams('z', { mirror: true }, true).params, { mirror: true });
      assert.deepEqual(store.zones[0]!.params, { mirror: true });
      assert.deepEqual(sent, [
        { type: 'set_pattern_params', zone: 'z', params: { depth: 0.5 } },
        { type: 'set_pattern_params', zone: 'z', params: { mirror: true } },
        { type: 'set_pattern_params', zone: 'z', params: { mirror: true }, replace: true },
      ]);
    });

    it('refuses what does not fit and sends nothing', () => {
      const { store, sent } = storeWithBars();
      const refused = (params: Record<string, unknown>, message: RegExp, name = 'z'): void =>
        assert.throws(
          () => store.setPatternParams(name, params as never),
          (e: Error) => e instanceof StoreError && message.test(e.message),
        );
      refused({ depth: 2 }, /depth must be a number from 0 to 1, got 2/);
      refused({ depth: 0.5, mirror: 'yes' }, /mirror must be true or false/);
      refused({ glitter: 1 }, /pattern "bars" has no parameter "glitter": use one of depth, mirror/);
      refused({}, /No zone "elsewhere"/, 'elsewhere');
      store.setPatternParams('z', { depth: 0.5 });
      store.setPattern('circle');
      assert.equal(store.zones[0]!.params, undefined, 'a new pattern starts at its defaults');
      sent.length = 0;
      refused({ depth: 0.5 }, /pattern "circle" has no parameter "depth"$/);
      assert.deepEqual(sent, []);
      assert.equal(store.zones[0]!.params, undefined);
    });

    it('keeps them in scenes and puts them back, replacing what is set, when a scene loads', () => {
      const { store, sent } = storeWithBars();
      store.setPatternParams('z', { depth: 0.9 });
      store.saveScene('deep');
      store.setPatternParams('z', { mirror: true }, true);
      sent.length = 0;
      store.loadScene('deep');
      assert.deepEqual(store.zones[0]!.params, { depth: 0.9 });
      assert.deepEqual(
        sent.filter((c) => (c as { type: string }).type === 'set_pattern_params'),
        [{ type: 'set_pattern_params', zone: 'z', params: { depth: 0.9 }, replace: true }],
      );
    });
  });
});
