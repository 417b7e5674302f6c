import assert from 'node:assert/strict';
import {
  BROWSER_AUTH_TIMEOUT_MS,
  BROWSER_COMMANDS_PER_SECOND,
  BROWSER_OUTBOUND,
  BROWSER_SERVER_HEARTBEAT,
  CLOSE_CODES,
  createPortValidator,
} from '@audioviz/shared-types';
import { createEngine } from '@audioviz/scripts';
import { hashSecret } from '../../src/auth/secret-hash';
import { SETTINGS_PUSH_DELAY_MS } from '../../src/browser/browser-server';
import { connectDj, frame, startTestHub, type TestHub } from '../helpers/test-hub';
import { eventually, type TestClient } from '../helpers/ws-client';

/** What the hub sends must itself be valid protocol. */
const outbound = createPortValidator(BROWSER_OUTBOUND, 1 << 24);
function assertValid(message: unknown): void {
  const result = outbound.validate(message);
  assert.ok(result.ok, result.ok ? '' : result.error.message);
}

async function liveBrowser(t: TestHub): Promise<TestClient> {
  const b = await t.browser();
  assertValid(await b.next('vj_state'));
  return b;
}

describe('browser-server (:8766)', function () {
  let t: TestHub;
  afterEach(async () => t?.close());

  describe('handshake', () => {
    it('sends vj_state at once when no password is set', async () => {
      t = await startTestHub();
      const b = await t.browser();
      const state = await b.next('vj_state');
      assertValid(state);
      assert.equal(state['minecraft_connected'], false);
      assert.deepEqual(state['djs'], []);
    });

    describe('with a password', () => {
      let hash: string;
      before(async () => (hash = await hashSecret('opensesame', { N: 1024, r: 8, p: 1 })));

      it('answers the right password with auth_success then vj_state', async () => {
        t = await startTestHub({ noAuth: false, adminPasswordHash: hash });
        const b = await t.browser();
        b.send({ type: 'vj_auth', password: 'opensesame' });
        await b.next('auth_success');
        assertValid(await b.next('vj_state'));
      });

      it('answers a wrong password with auth_error and closes 4004', async () => {
        t = await startTestHub({ noAuth: false, adminPasswordHash: hash });
        const b = await t.browser();
        b.send({ type: 'vj_auth', password: 'guess' });
        assert.equal((await b.next('auth_error'))['error'], 'Wrong admin password');
        assert.equal((await b.closedWith()).code, CLOSE_CODES.AUTH_FAILED);
      });

      it('closes 4004 when a command comes before vj_auth', async () => {
        t = await startTestHub({ noAuth: false, adminPasswordHash: hash });
        const b = await t.browser();
        b.send({ type: 'get_state' });
        await b.next('auth_error');
        assert.equal((await b.closedWith()).code, CLOSE_CODES.AUTH_FAILED);
      });

      it('closes 4004 when vj_auth does not come within 5 s', async () => {
        t = await startTestHub({ noAuth: false, adminPasswordHash: hash });
        const b = await t.browser();
        await eventually(() => t.hub.store.health.browserConnects === 1, 'the connection');
        t.clock.advance(BROWSER_AUTH_TIMEOUT_MS);
        assert.match(String((await b.next('auth_error'))['error']), /within 5 s/);
        assert.equal((await b.closedWith()).code, CLOSE_CODES.AUTH_FAILED);
      });

      it('closes 4029 after 5 password attempts from one IP within a minute', async () => {
        t = await startTestHub({ noAuth: false, adminPasswordHash: hash });
        for (let i = 0; i < 5; i++) {
          const b = await t.browser();
          b.send({ type: 'vj_auth', password: 'guess' });
          await b.closedWith();
        }
        const b = await t.browser();
        b.send({ type: 'vj_auth', password: 'opensesame' });
        assert.equal((await b.closedWith()).code, CLOSE_CODES.AUTH_RATE_LIMITED);
      });
    });

    it('closes 1013 past the browser limit', async () => {
      t = await startTestHub({ maxBrowsers: 2 });
      await liveBrowser(t);
      await liveBrowser(t);
      const third = await t.browser();
      assert.equal((await third.closedWith()).code, CLOSE_CODES.TRY_AGAIN_LATER);
    });
  });

  describe('heartbeat', () => {
    it('removes a browser that leaves two pings unanswered (4100)', async () => {
      t = await startTestHub();
      const b = await liveBrowser(t);
      b.ws.removeAllListeners('message'); // a browser that stops answering (and stops listening)
      t.clock.advance(BROWSER_SERVER_HEARTBEAT.intervalMs);
      t.clock.advance(BROWSER_SERVER_HEARTBEAT.intervalMs);
      assert.equal(b.isClosed, false, 'two pings sent, still in');
      t.clock.advance(BROWSER_SERVER_HEARTBEAT.intervalMs);
      assert.equal((await b.closedWith()).code, CLOSE_CODES.PING_TIMEOUT);
      await eventually(() => t.hub.health().browser_disconnects === 1, 'the removal to count');
    });

    it('keeps a browser that answers every ping', async () => {
      t = await startTestHub();
      const b = await liveBrowser(t);
      for (let i = 0; i < 5; i++) {
        t.clock.advance(BROWSER_SERVER_HEARTBEAT.intervalMs);
        await b.next('ping');
        b.send({ type: 'pong' });
        // The hub answers in order, so its reply to this command proves the pong was handled.
        b.send({ type: 'list_scenes', _seq: i });
        await b.next('scenes_list');
      }
      assert.equal(b.isClosed, false);
    });
  });

  describe('commands', () => {
    it('answers each command, echoing _seq', async () => {
      t = await startTestHub();
      const b = await liveBrowser(t);
      b.send({ type: 'set_transition_duration', duration: 2, _seq: 11 });
      assert.deepEqual(await b.next('ack'), { type: 'ack', request: 'set_transition_duration', _seq: 11 });
      assert.equal(t.hub.store.transitionDuration, 2);
      b.send({ type: 'list_scenes', _seq: 12 });
      const builtIn = ['chill_lounge', 'club_night', 'concert_hall', 'rock_show'];
      assert.deepEqual(await b.next('scenes_list'), {
        type: 'scenes_list',
        scenes: builtIn,
        built_in: builtIn,
        _seq: 12,
      });
      b.send({ type: 'get_state', _seq: 13 });
      assertValid(await b.next('vj_state'));
    });

    it('issues connect codes with their expiry', async () => {
      t = await startTestHub();
      const b = await liveBrowser(t);
      b.send({ type: 'generate_connect_code', ttl_minutes: 5 });
      const reply = await b.next('connect_code_generated');
      assertValid(reply);
      assert.match(String(reply['code']), /^[A-Z]{3,12}-[A-Z0-9]{4}$/);
      assert.equal(reply['expires_at'], t.clock.now() + 5 * 60_000);
      assert.equal(reply['ttl_minutes'], 5, "MCAV's panel shows the ttl");
      b.send({ type: 'revoke_connect_code', code: reply['code'] });
      await b.next('ack');
      b.send({ type: 'revoke_connect_code', code: reply['code'] });
      assert.equal((await b.next('error'))['code'], 'UNKNOWN_CODE');
    });

    it('switches the live DJ, kicks, and broadcasts the roster to every browser', async () => {
      t = await startTestHub();
      const b1 = await liveBrowser(t);
      const b2 = await liveBrowser(t);
      await connectDj(t, 'a');
      await connectDj(t, 'b');
      assertValid(await b2.next('dj_joined'));
      b1.send({ type: 'set_active_dj', dj_id: 'b' });
      await b1.next('ack');
      await eventually(
        () => b2.received.some((m) => m.type === 'dj_roster' && m['active_dj_id'] === 'b'),
        'the new roster',
      );
      b1.send({ type: 'kick_dj', dj_id: 'b' });
      await b1.next('ack');
      assertValid(await b2.next('dj_left'));
      b1.send({ type: 'set_active_dj', dj_id: 'b' });
      const err = await b1.next('error');
      assert.equal(err['code'], 'UNKNOWN_DJ');
      assert.match(String(err['message']), /pick one from the roster/);
    });

    it('approves a pending DJ from the panel', async () => {
      t = await startTestHub();
      const b = await liveBrowser(t);
      b.send({ type: 'generate_connect_code' });
      const { code } = await b.next('connect_code_generated');
      const dj = await t.dj();
      dj.send({ type: 'code_auth', code, dj_name: 'Newbie' });
      const pending = await b.next('dj_pending');
      assertValid(pending);
      b.send({ type: 'approve_dj', dj_id: (pending['dj'] as { dj_id: string }).dj_id });
      await dj.next('auth_success');
    });

    it('refuses invalid commands with a path-precise error and stays open', async () => {
      t = await startTestHub();
      const b = await liveBrowser(t);
      b.send({ type: 'set_band_sensitivity', band: 7, sensitivity: 1, _seq: 3 });
      const err = await b.next('error');
      assert.equal(err['code'], 'INVALID_FIELD');
      assert.match(String(err['message']), /band/);
      assert.equal(err['_seq'], 3);
      b.send({ type: 'set_audio_setting', setting: 'warp', value: 3 });
      assert.equal((await b.next('error'))['code'], 'UNKNOWN_SETTING');
      assert.equal(b.isClosed, false);
    });

    it('answers commands past 10 per second with "Rate limited"', async () => {
      t = await startTestHub();
      const b = await liveBrowser(t);
      for (let i = 0; i < BROWSER_COMMANDS_PER_SECOND + 3; i++) b.send({ type: 'list_scenes', _seq: i });
      const errors = await b.count('error', 3);
      assert.ok(errors.every((e) => e['message'] === 'Rate limited' && e['code'] === 'RATE_LIMITED'));
      assert.equal(
        (await b.count('scenes_list', BROWSER_COMMANDS_PER_SECOND)).length,
        BROWSER_COMMANDS_PER_SECOND,
      );
      t.clock.advance(1000);
      b.send({ type: 'list_scenes', _seq: 99 });
      await eventually(
        () => b.received.some((m) => m.type === 'scenes_list' && m['_seq'] === 99),
        'the next second’s command',
      );
    });

    it('relays blackout, effects and patterns as zone commands and pushes the changes', async () => {
      t = await startTestHub();
      const b = await liveBrowser(t);
      const relayed: unknown[] = [];
      t.hub.store.events.zoneCommand.on((c) => relayed.push(c));
      t.hub.store.setZones([
        {
          name: 'stage',
          world: 'w',
          origin: { x: 0, y: 0, z: 0 },
          size: { x: 8, y: 8, z: 8 },
          rotation: 0,
          entity_count: 8,
          pattern: 'bars',
        },
      ]);
      b.send({ type: 'set_pattern', pattern: 'circle', zones: ['stage'] });
      assertValid(await b.next('pattern_changed'));
      b.send({ type: 'trigger_effect', effect: 'strobe', intensity: 0.5 });
      assertValid(await b.next('effect_triggered'));
      b.send({ type: 'set_blackout', enabled: true });
      await b.count('ack', 3);
      assert.deepEqual(relayed, [
        { type: 'set_pattern', zone: 'stage', pattern: 'circle', transition_s: 1 },
        { type: 'trigger_effect', effect: 'strobe', intensity: 0.5 },
        { type: 'set_blackout', enabled: true },
      ]);
    });
  });

  describe('state', () => {
    it('pushes state at 20 Hz with the live DJ and valid fields', async () => {
      t = await startTestHub();
      const b = await liveBrowser(t);
      const dj = await connectDj(t, 'a');
      for (let i = 0; i < 5; i++) dj.send(frame(i, 0.6));
      await eventually(() => t.hub.store.djs.get('a')?.framesReceived === 5, 'the frames');
      for (let i = 0; i < 4; i++) t.clock.advance(50);
      const states = await b.count('state', 4);
      for (const s of states) assertValid(s);
      const last = states.at(-1)!;
      assert.equal(last['active_dj'], 'a');
      assert.ok((last['bands'] as number[])[0]! > 0.3, JSON.stringify(states));
      assert.deepEqual(
        last['zone_status'],
        { bpm_estimate: last['bpm'] },
        "MCAV's panel reads the tempo there",
      );
    });

    it("tells every panel of another panel's settings changes with one vj_state per moment", async () => {
      t = await startTestHub();
      const a = await liveBrowser(t);
      const b = await liveBrowser(t);
      for (const sensitivity of [1.2, 1.4, 1.6]) {
        a.send({ type: 'set_band_sensitivity', band: 0, sensitivity });
        await a.next('ack');
      }
      a.send({ type: 'set_blackout', enabled: true });
      await a.next('ack');
      const vjStates = () => b.received.filter((m) => m.type === 'vj_state');
      assert.equal(vjStates().length, 0, 'nothing yet (the one on connect was read)');
      t.clock.advance(SETTINGS_PUSH_DELAY_MS);
      const pushed = await b.next('vj_state');
      assertValid(pushed);
      assert.equal((pushed['band_sensitivity'] as number[])[0], 1.6);
      assert.equal(pushed['blackout'], true);
      t.clock.advance(SETTINGS_PUSH_DELAY_MS * 4);
      // A reply sent after any further push arrives after it: then the count is final.
      b.send({ type: 'ping' });
      await b.next('pong');
      assert.equal(vjStates().length, 0, 'four changes, one push');
    });

    it('pushes state at once on a beat', async () => {
      t = await startTestHub();
      const b = await liveBrowser(t);
      const dj = await connectDj(t, 'a');
      dj.send(frame(1, 0.5, true));
      const state = await b.next('state');
      assert.equal(state['is_beat'], true);
    });
  });

  describe('MCAV admin panel', () => {
    it('announces DJs in both shapes: dj_joined.dj and dj_left.dj_name', async () => {
      t = await startTestHub();
      const b = await liveBrowser(t);
      const dj = await connectDj(t, 'a');
      const joined = await b.next('dj_joined');
      assertValid(joined);
      assert.deepEqual(joined['dj'], { dj_id: 'a', dj_name: 'DJ a' });
      assert.equal(joined['dj_id'], 'a');
      dj.send({ type: 'going_offline' });
      const left = await b.next('dj_left');
      assertValid(left);
      assert.deepEqual([left['dj_id'], left['dj_name']], ['a', 'DJ a']);
    });

    it("adds the names MCAV's panel reads to vj_state and dj_roster, beside ours", async () => {
      t = await startTestHub();
      const b = await liveBrowser(t);
      await connectDj(t, 'a');
      const roster = await b.next('dj_roster');
      assertValid(roster);
      assert.deepEqual(roster['roster'], roster['djs']);
      assert.equal(roster['active_dj'], 'a');
      b.send({ type: 'get_state' });
      const state = await b.next('vj_state');
      assertValid(state);
      assert.deepEqual(state['dj_roster'], state['djs']);
      assert.equal(state['active_dj'], 'a');
      assert.deepEqual(state['zone_patterns'], state['current_patterns']);
    });

    it('maps set_block_count onto set_entity_count', async () => {
      t = await startTestHub();
      const b = await liveBrowser(t);
      b.send({ type: 'set_block_count', count: 32, _seq: 4 });
      const ack = await b.next('ack');
      assert.equal(ack['_seq'], 4);
    });

    it('answers the questions it asks on connect in its shapes, so it never shows an error for them', async () => {
      t = await startTestHub({}, { createEngine }); // the preview's default zone `stage`
      const b = await liveBrowser(t);
      await connectDj(t, 'a');
      const { code } = t.hub.store.generateConnectCode(10);
      const ask = async (type: string, answer: string, fields: Record<string, unknown> = {}) => {
        b.send({ type, ...fields, _seq: 7 });
        const reply = await b.next(answer);
        assertValid(reply);
        assert.equal(reply['_seq'], 7);
        return reply;
      };
      const zone = await ask('get_zone', 'zone', { zone: 'main' });
      assert.equal((zone['zone'] as { name: string }).name, 'stage', "MCAV's default zone is the first one");
      assert.equal(zone['entity_count'], (zone['zone'] as { entity_count: number }).entity_count);
      assert.deepEqual(await ask('get_zone', 'zone', { zone: 'nowhere' }), {
        type: 'zone',
        zone: null,
        _seq: 7,
      });
      assert.deepEqual((await ask('get_pending_djs', 'pending_djs'))['pending'], []);
      assert.deepEqual(
        ((await ask('get_connect_codes', 'connect_codes'))['codes'] as { code: string }[]).map((c) => c.code),
        [code],
      );
      for (const [type, reply] of [
        ['get_stages', 'stages'],
        ['get_voice_status', 'voice_status'],
        ['get_particle_effects', 'particle_effects'],
        ['get_bitmap_patterns', 'bitmap_patterns'],
        ['get_bitmap_transitions', 'bitmap_transitions'],
        ['get_bitmap_palettes', 'bitmap_palettes'],
      ] as const) {
        await ask(type, reply);
      }
    });

    it("sends a panel that asked MCAV's questions state in MCAV's shape, and ours still per zone", async () => {
      t = await startTestHub({}, { createEngine }); // the preview's default zone `stage`
      const ours = await liveBrowser(t);
      const mcav = await liveBrowser(t);
      mcav.send({ type: 'get_zone', zone: 'main' });
      await mcav.next('zone');
      t.clock.advance(50);
      const [mine, theirs] = [await ours.next('state'), await mcav.next('state')];
      assertValid(mine);
      const zone = (mine['entities'] as Record<string, unknown[]>)['stage']!;
      assert.ok(zone.length > 0, 'the default zone has entities');
      assert.deepEqual(theirs['entities'], zone, "MCAV's preview draws the first zone from a list");
      assert.equal('zone_entities' in theirs, false, 'one zone: no second copy');
      assert.equal(theirs['bpm'], mine['bpm']);
    });

    it('answers its requests we have no feature for with UNSUPPORTED, never silence', async () => {
      t = await startTestHub();
      const b = await liveBrowser(t);
      for (const [i, type] of ['get_banner_profile', 'set_render_mode', 'banner_config'].entries()) {
        b.send({ type, _seq: i });
        const err = await b.next('error');
        assertValid(err);
        assert.equal(err['code'], 'UNSUPPORTED', type);
        assert.equal(err['_seq'], i);
        assert.match(String(err['message']), new RegExp(type));
      }
    });
  });
});
