import assert from 'node:assert/strict';
import type { BrowserOutbound } from '@audioviz/shared-types';
import {
  ALL_ZONES,
  applyHubMessage,
  currentPatternOf,
  INITIAL_PANEL_STATE,
  type PanelState,
} from '../../web/src/panel/panel-state';

const ZONE = (name: string) => ({
  name,
  world: 'world',
  origin: { x: 0, y: 64, z: 0 },
  size: { x: 10, y: 10, z: 10 },
  rotation: 0,
  entity_count: 64,
  pattern: 'bars',
});

const VJ_STATE: BrowserOutbound['vj_state'] = {
  type: 'vj_state',
  patterns: [{ id: 'bars', name: 'Bars', category: 'spectrum', recommended_entities: 64 }],
  current_patterns: { main: 'bars', side: 'bars' },
  zones: [ZONE('main'), ZONE('side')],
  djs: [{ dj_id: 'anna', dj_name: 'Anna', is_active: true, queue_position: 0 }],
  active_dj_id: 'anna',
  pending_djs: [{ dj_id: 'ben', dj_name: 'Ben' }],
  presets: ['auto', 'edm'],
  preset: 'edm',
  scenes: ['intro'],
  transition_duration: 2,
  band_sensitivity: [1, 1.2, 1, 1, 0.5],
  blackout: true,
  freeze: false,
  health: {
    dj_connects: 1,
    dj_disconnects: 0,
    browser_connects: 1,
    browser_disconnects: 0,
    mc_reconnect_count: 0,
    current_djs: 1,
    current_browsers: 1,
    mc_connected: true,
  },
  minecraft_connected: true,
};

function after(...messages: Array<Record<string, unknown>>): PanelState {
  return messages.reduce<PanelState>(
    (s, m) => applyHubMessage(s, m as { type: string }),
    INITIAL_PANEL_STATE,
  );
}

describe('panel state', () => {
  it('takes everything from vj_state', () => {
    const s = after(VJ_STATE);
    assert.equal(s.ready, true);
    assert.deepEqual(
      s.zones.map((z) => z.name),
      ['main', 'side'],
    );
    assert.equal(s.activeDjId, 'anna');
    assert.equal(s.preset, 'edm');
    assert.deepEqual(s.bandSensitivity, [1, 1.2, 1, 1, 0.5]);
    assert.equal(s.blackout, true);
    assert.equal(s.transitionDuration, 2);
    assert.equal(s.minecraftConnected, true);
  });

  it('applies pattern_changed to the named zones, or to all zones when none are named', () => {
    let s = after(VJ_STATE, { type: 'pattern_changed', pattern: 'spiral', zones: ['side'] });
    assert.deepEqual(s.currentPatterns, { main: 'bars', side: 'spiral' });
    assert.equal(currentPatternOf(s, 'side'), 'spiral');
    assert.equal(currentPatternOf(s, ALL_ZONES), 'bars');
    s = applyHubMessage(s, { type: 'pattern_changed', pattern: 'rings' });
    assert.deepEqual(s.currentPatterns, { main: 'rings', side: 'rings' });
  });

  it('follows the roster: joins, pending approvals and leaving', () => {
    let s = after(VJ_STATE, { type: 'dj_pending', dj: { dj_id: 'cleo', dj_name: 'Cleo' } });
    assert.deepEqual(
      s.pendingDjs.map((p) => p.dj_id),
      ['ben', 'cleo'],
    );
    s = applyHubMessage(s, {
      type: 'dj_roster',
      active_dj_id: 'anna',
      djs: [
        { dj_id: 'anna', dj_name: 'Anna', is_active: true, queue_position: 0 },
        { dj_id: 'ben', dj_name: 'Ben', is_active: false, queue_position: 1 },
      ],
    });
    assert.deepEqual(
      s.pendingDjs.map((p) => p.dj_id),
      ['cleo'],
      'an approved DJ leaves the pending list',
    );
    s = applyHubMessage(s, { type: 'dj_left', dj_id: 'anna' });
    assert.deepEqual(
      s.djs.map((d) => d.dj_id),
      ['ben'],
    );
    assert.equal(s.activeDjId, null);
  });

  it('normalises a connect code expiry given in seconds or milliseconds', () => {
    const ms = after({ type: 'connect_code_generated', code: 'DISCO-7K2P', expires_at: 1_800_000_000_000 });
    const s = after({ type: 'connect_code_generated', code: 'DISCO-7K2P', expires_at: 1_800_000_000 });
    assert.equal(ms.connectCode?.expiresAt, 1_800_000_000_000);
    assert.equal(s.connectCode?.expiresAt, 1_800_000_000_000);
  });

  it('takes presets, scenes, zones and the Minecraft status from their pushes', () => {
    const s = after(
      VJ_STATE,
      { type: 'preset_changed', preset: 'chill' },
      { type: 'scenes_list', scenes: ['a', 'b'], built_in: ['a'] },
      { type: 'zones', zones: [ZONE('solo')] },
      { type: 'minecraft_status', connected: false },
    );
    assert.equal(s.preset, 'chill');
    assert.deepEqual(s.scenes, ['a', 'b']);
    assert.deepEqual(s.builtInScenes, ['a']);
    assert.deepEqual(
      s.zones.map((z) => z.name),
      ['solo'],
    );
    assert.equal(s.minecraftConnected, false);
  });

  it('replaces a zone’s params with the values a pattern_params reply says are set, leaving other zones', () => {
    let s = after(VJ_STATE, {
      type: 'pattern_params',
      zone: 'side',
      pattern: 'bars',
      params: { depth: 1, sensitivity: 2 },
    });
    assert.deepEqual(s.zones.find((z) => z.name === 'side')?.params, { depth: 1, sensitivity: 2 });
    assert.equal(s.zones.find((z) => z.name === 'main')?.params, undefined);
    // The reply lists every value now set, so one missing from it is back at its default.
    s = applyHubMessage(s, { type: 'pattern_params', zone: 'side', pattern: 'bars', params: { depth: 0.5 } });
    assert.deepEqual(s.zones.find((z) => z.name === 'side')?.params, { depth: 0.5 });
    s = applyHubMessage(s, { type: 'pattern_params', zone: 'side', pattern: 'bars', params: {} });
    assert.deepEqual(s.zones.find((z) => z.name === 'side')?.params, {});
  });

  it('ignores a pattern_params reply for an unknown zone or without params', () => {
    const s = after(VJ_STATE);
    assert.equal(
      applyHubMessage(s, { type: 'pattern_params', zone: 'gone', pattern: 'bars', params: {} }),
      s,
    );
    assert.equal(applyHubMessage(s, { type: 'pattern_params', zone: 'main', pattern: 'bars' }), s);
    assert.equal(applyHubMessage(s, { type: 'pattern_params', zone: 'main', params: [1] }), s);
  });

  it('keeps what it knew when a message has fields of the wrong shape', () => {
    const before = after(VJ_STATE);
    const s = after(
      VJ_STATE,
      { type: 'vj_state', zones: 'nope', djs: null, preset: 7, band_sensitivity: {}, blackout: 'yes' },
      { type: 'scenes_list', scenes: 'x' },
      { type: 'dj_pending', dj: null },
      { type: 'pattern_changed', pattern: 42 },
      { type: 'connect_code_generated', code: 5 },
    );
    assert.deepEqual(s.zones, before.zones);
    assert.deepEqual(s.djs, before.djs);
    assert.equal(s.preset, 'edm');
    assert.deepEqual(s.bandSensitivity, before.bandSensitivity);
    assert.equal(s.blackout, true);
    assert.deepEqual(s.scenes, ['intro']);
    assert.deepEqual(s.currentPatterns, before.currentPatterns);
    assert.equal(s.connectCode, null);
  });

  it('returns the same object for messages that change nothing (state at 20 Hz re-renders nothing)', () => {
    const s = after(VJ_STATE);
    assert.equal(applyHubMessage(s, { type: 'state' }), s);
    assert.equal(applyHubMessage(s, { type: 'ack', request: 'set_freeze' }), s);
  });
});
