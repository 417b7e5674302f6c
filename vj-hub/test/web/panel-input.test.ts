import assert from 'node:assert/strict';
import { shortcutFor } from '../../web/src/panel/keyboard';
import { TapTempo, TAP_RESET_MS } from '../../web/src/panel/tap-tempo';

describe('keyboard shortcuts', () => {
  it('maps B, F, 1–9, Space and Esc', () => {
    assert.deepEqual(shortcutFor({ key: 'b' }), { kind: 'blackout' });
    assert.deepEqual(shortcutFor({ key: 'B' }), { kind: 'blackout' });
    assert.deepEqual(shortcutFor({ key: 'f' }), { kind: 'freeze' });
    assert.deepEqual(shortcutFor({ key: '1' }), { kind: 'pattern', index: 0 });
    assert.deepEqual(shortcutFor({ key: '9' }), { kind: 'pattern', index: 8 });
    assert.deepEqual(shortcutFor({ key: ' ' }), { kind: 'tap' });
    assert.deepEqual(shortcutFor({ key: 'Escape' }), { kind: 'close' });
    assert.equal(shortcutFor({ key: '0' }), null);
    assert.equal(shortcutFor({ key: 'x' }), null);
  });

  it('leaves keys alone while typing, with modifiers and on auto-repeat, except Esc', () => {
    assert.equal(shortcutFor({ key: 'b', targetTag: 'INPUT' }), null);
    assert.equal(shortcutFor({ key: '1', targetTag: 'TEXTAREA' }), null);
    assert.equal(shortcutFor({ key: 'f', targetEditable: true }), null);
    assert.equal(shortcutFor({ key: 'b', ctrlKey: true }), null);
    assert.equal(shortcutFor({ key: 'b', repeat: true }), null);
    assert.deepEqual(shortcutFor({ key: 'Escape', targetTag: 'INPUT' }), { kind: 'close' });
    assert.deepEqual(shortcutFor({ key: ' ', targetTag: 'BUTTON' }), { kind: 'tap' });
  });
});

describe('TapTempo', () => {
  it('gives the BPM of steady taps from the second tap on', () => {
    const tempo = new TapTempo();
    assert.equal(tempo.tap(0), null);
    assert.equal(tempo.tap(500), 120);
    assert.equal(tempo.tap(1000), 120);
  });

  it('ignores one sloppy tap (median of the intervals)', () => {
    const tempo = new TapTempo();
    let bpm: number | null = null;
    for (const t of [0, 469, 938, 1500, 1876, 2345]) bpm = tempo.tap(t);
    assert.equal(bpm, 127.9);
  });

  it('starts over after a pause', () => {
    const tempo = new TapTempo();
    tempo.tap(0);
    tempo.tap(400);
    assert.equal(tempo.tap(400 + TAP_RESET_MS + 1), null);
    assert.equal(tempo.tap(400 + TAP_RESET_MS + 1 + 1000), 60);
  });

  it('stays within 30–300 BPM', () => {
    const fast = new TapTempo();
    fast.tap(0);
    assert.equal(fast.tap(50), 300);
  });
});
