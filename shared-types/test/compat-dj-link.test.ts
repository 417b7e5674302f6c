import assert from 'node:assert/strict';
import {
  DJ_FRAME_DEFAULTS,
  browserRosterMessage,
  djJoinedMessage,
  mcavPresetSettings,
  mcavPreviewState,
  mcavVjStateFields,
  normaliseDjAudioFrame,
  readBrowserMessage,
  readDjMessage,
} from '../src/compat/dj-link';
import {
  AUDIO_PRESETS,
  BROWSER_OUTBOUND,
  ERROR_CODES,
  DJ_OUTBOUND,
  MAX_HUB_MESSAGE_BYTES,
  type BrowserOutbound,
} from '../src';
import { createPortValidator } from '../src/validate';
import { BROWSER_OUTBOUND_EXAMPLES } from './examples';

/** A frame with only the fields MCAV's dj_audio_frame schema requires, as its DJ client sends at minimum. */
const mcavFrame = {
  type: 'dj_audio_frame',
  seq: 7,
  ts: 1764140000.5,
  bands: [0.9, 0.5, 0.4, 0.3, 0.2],
  peak: 0.7,
  beat: true,
  beat_i: 0.8,
  bpm: 126,
};

describe('compat/dj-link (MCAV on :9000 and :8766)', () => {
  describe('dj_audio_frame', () => {
    it('accepts a frame with only MCAV-required fields and fills our full shape', () => {
      const result = readDjMessage(JSON.stringify(mcavFrame));
      assert.ok(result.ok, JSON.stringify(result));
      assert.deepEqual(result.value, { ...mcavFrame, ...DJ_FRAME_DEFAULTS, i_bass: 0.9 });
    });

    it('keeps the values a frame carries and only fills what is absent', () => {
      const full = { ...mcavFrame, tempo_conf: 0.6, beat_phase: 0.3, i_bass: 0.1, i_kick: true };
      assert.deepEqual(normaliseDjAudioFrame(full), full);
    });

    it('clamps a tempo MCAV allows (no maximum) into ours', () => {
      assert.equal(normaliseDjAudioFrame({ ...mcavFrame, bpm: 5000 })['bpm'], 1000);
    });

    it('still refuses a field of the wrong type, naming it and the message type', () => {
      const result = readDjMessage(JSON.stringify({ ...mcavFrame, tempo_conf: 'high' }));
      assert.ok(!result.ok);
      assert.equal(result.error.code, ERROR_CODES.INVALID_FIELD);
      assert.equal(result.error.type, 'dj_audio_frame');
      assert.match(result.error.message, /tempo_conf/);
    });

    it('still refuses a frame without a required field', () => {
      const { bands: _bands, ...partial } = mcavFrame;
      const result = readDjMessage(JSON.stringify(partial));
      assert.ok(!result.ok);
      assert.match(result.error.message, /bands/);
    });
  });

  describe('other DJ messages in MCAV shapes', () => {
    const accepted: Record<string, object> = {
      'dj_auth with an empty key (MCAV client default)': {
        type: 'dj_auth',
        dj_id: 'dj_1',
        dj_name: 'DJ',
        dj_key: '',
        direct_mode: false,
      },
      'code_auth with MCAV extras': {
        type: 'code_auth',
        code: 'BEAT-7K2Q',
        dj_name: 'Guest',
        direct_mode: false,
        dj_session_id: 'abc',
      },
      'dj_heartbeat without latency': { type: 'dj_heartbeat', ts: 1764140000, mc_connected: false },
      'clock_sync_response echoing server_time': {
        type: 'clock_sync_response',
        server_time: 1764140000,
        dj_recv_time: 1764140000.01,
        dj_send_time: 1764140000.02,
      },
      going_offline: { type: 'going_offline' },
      ping: { type: 'ping' },
    };
    for (const [name, message] of Object.entries(accepted)) {
      it(`accepts ${name}`, () => {
        const result = readDjMessage(JSON.stringify(message));
        assert.ok(result.ok, JSON.stringify(result));
      });
    }

    it('answers MCAV-only DJ requests UNSUPPORTED, with their type', () => {
      const result = readDjMessage(JSON.stringify({ type: 'set_my_preset', preset: 'edm' }));
      assert.ok(!result.ok);
      assert.equal(result.error.code, ERROR_CODES.UNSUPPORTED);
      assert.equal(result.error.type, 'set_my_preset');
    });

    it('tells unreadable frames from readable ones', () => {
      const bad = readDjMessage('{nope');
      assert.ok(!bad.ok);
      assert.equal(bad.error.code, ERROR_CODES.INVALID_JSON);
      assert.equal(bad.error.type, null);
      const big = readDjMessage(JSON.stringify({ type: 'ping', pad: 'x'.repeat(MAX_HUB_MESSAGE_BYTES) }));
      assert.ok(!big.ok);
      assert.equal(big.error.code, ERROR_CODES.MESSAGE_TOO_BIG);
      const array = readDjMessage('[1]');
      assert.ok(!array.ok);
      assert.equal(array.error.code, ERROR_CODES.NOT_AN_OBJECT);
    });
  });

  describe('browser requests', () => {
    it('refuses JSON that is no object, and a null preset, without throwing', () => {
      for (const raw of ['null', '42', '[]', '"set_preset"', '{"type":"set_preset","preset":null}']) {
        const result = readBrowserMessage(raw);
        assert.equal(result.ok, false, raw);
      }
    });

    it("takes its panel's blackout and freeze buttons (trigger_effect, intensity 1 or 0) for the show-wide switch", () => {
      const read = (m: object) => {
        const result = readBrowserMessage(JSON.stringify(m));
        assert.ok(result.ok, JSON.stringify(result));
        return result.value;
      };
      assert.deepEqual(read({ type: 'trigger_effect', effect: 'blackout', intensity: 1, _seq: 3 }), {
        type: 'set_blackout',
        enabled: true,
        _seq: 3,
      });
      assert.deepEqual(read({ type: 'trigger_effect', effect: 'freeze', intensity: 0 }), {
        type: 'set_freeze',
        enabled: false,
      });
      assert.deepEqual(
        read({ type: 'trigger_effect', effect: 'blackout' }),
        { type: 'set_blackout' },
        'a toggle',
      );
      const zoned = read({ type: 'trigger_effect', effect: 'blackout', intensity: 1, zone: 'stage' });
      assert.equal(zoned.type, 'trigger_effect', "a zone's blackout stays an effect");
      const timed = read({ type: 'trigger_effect', effect: 'freeze', intensity: 1, duration: 500 });
      assert.equal(timed.type, 'trigger_effect', 'a timed freeze stays an effect');
    });

    it("maps MCAV's set_block_count onto set_entity_count", () => {
      const result = readBrowserMessage(JSON.stringify({ type: 'set_block_count', count: 64 }));
      assert.ok(result.ok, JSON.stringify(result));
      assert.deepEqual(result.value, { type: 'set_entity_count', count: 64 });
    });

    it('answers what we lack UNSUPPORTED, and what nobody knows UNKNOWN_TYPE', () => {
      for (const type of ['get_banner_profile', 'set_bloom', 'set_render_mode', 'banner_config']) {
        const result = readBrowserMessage(JSON.stringify({ type }));
        assert.ok(!result.ok);
        assert.equal(result.error.code, ERROR_CODES.UNSUPPORTED, type);
      }
      const unknown = readBrowserMessage(JSON.stringify({ type: 'make_coffee' }));
      assert.ok(!unknown.ok);
      assert.equal(unknown.error.code, ERROR_CODES.UNKNOWN_TYPE);
    });

    it('passes our own messages through unchanged', () => {
      const message = { type: 'set_pattern', pattern: 'spectrum', zones: ['main'] };
      const result = readBrowserMessage(JSON.stringify(message));
      assert.ok(result.ok);
      assert.deepEqual(result.value, message);
    });
  });

  describe('what the hub sends in MCAV shapes', () => {
    const djOut = createPortValidator(DJ_OUTBOUND, MAX_HUB_MESSAGE_BYTES);
    const browserOut = createPortValidator(BROWSER_OUTBOUND, MAX_HUB_MESSAGE_BYTES);

    it("preset_sync carries MCAV's preset object, named by our preset", () => {
      const settings = mcavPresetSettings('edm');
      assert.deepEqual(settings, {
        name: 'edm',
        attack: AUDIO_PRESETS.edm.attack,
        release: AUDIO_PRESETS.edm.release,
        beat_threshold: 1 / AUDIO_PRESETS.edm.beatSensitivity,
        band_sensitivity: [...AUDIO_PRESETS.edm.bandSensitivity],
      });
      assert.ok(djOut.validate({ type: 'preset_sync', preset: settings }).ok);
      assert.ok(
        !djOut.validate({ type: 'preset_sync', preset: 'edm' }).ok,
        'a bare name is not what a hub sends',
      );
    });

    it('dj_joined carries the flat fields and the dj object', () => {
      const message = djJoinedMessage('dj_1', 'DJ One');
      assert.deepEqual(message.dj, { dj_id: 'dj_1', dj_name: 'DJ One' });
      assert.equal(message.dj_id, 'dj_1');
      assert.ok(browserOut.validate(message).ok);
    });

    const roster = {
      djs: [{ dj_id: 'dj_1', dj_name: 'DJ One', is_active: true, queue_position: 0 }],
      active_dj_id: 'dj_1',
    };

    it("dj_roster carries our fields and MCAV's roster / active_dj", () => {
      const message = browserRosterMessage(roster);
      assert.deepEqual(message.roster, roster.djs);
      assert.equal(message.active_dj, 'dj_1');
      assert.deepEqual(message.djs, roster.djs);
      assert.equal(message.active_dj_id, 'dj_1');
      assert.ok(browserOut.validate(message).ok);
    });

    it("vj_state gets MCAV's dj_roster, active_dj, zone_patterns and current_pattern beside ours", () => {
      const patterns = { stage: 'spectrum', side: 'bars' };
      const fields = mcavVjStateFields({ djs: roster.djs, active_dj_id: null }, patterns, 'side');
      assert.deepEqual(fields, {
        dj_roster: roster.djs,
        active_dj: null,
        zone_patterns: patterns,
        current_pattern: 'bars',
      });
      assert.equal('current_pattern' in mcavVjStateFields({ djs: [], active_dj_id: null }, {}), false);
    });

    describe("state for MCAV's panel (mcavPreviewState)", () => {
      const look = { material: 'minecraft:glowstone', band: 0, visible: true };
      const a = [{ id: 'a0', x: 0.1, y: 0.2, z: 0.3, scale: 0.4, ...look }];
      const b = [{ id: 'b0', x: 0.5, y: 0.6, z: 0.7, scale: 0.8, ...look }];
      const state = BROWSER_OUTBOUND_EXAMPLES.state as BrowserOutbound['state'];

      it("one zone: its entities as MCAV's list, nothing else added", () => {
        const mcav = mcavPreviewState({ ...state, entities: { main: a } }, 'main');
        assert.deepEqual(mcav.entities, a);
        assert.equal('zone_entities' in mcav, false);
        assert.equal(mcav.bpm, state.bpm);
      });

      it('several zones: the first zone as the list, and every zone by name as zone_entities', () => {
        const mcav = mcavPreviewState({ ...state, entities: { stage: a, side: b } }, 'side');
        assert.deepEqual(mcav.entities, b);
        assert.deepEqual(mcav.zone_entities, { stage: a, side: b });
      });

      it('no zones, or a first zone not yet in the state: an empty list', () => {
        assert.deepEqual(mcavPreviewState({ ...state, entities: {} }).entities, []);
        assert.deepEqual(mcavPreviewState({ ...state, entities: { stage: a } }, 'new').entities, []);
      });
    });
  });
});
