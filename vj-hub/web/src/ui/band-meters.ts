/** Five band meters (docs/protocol.md band edges), a beat lamp and the BPM, shared by the panel and the DJ page. */
import { el } from './dom';

/** The protocol's five bands, bass first. */
export const BAND_LABELS = ['Bass', 'Low mid', 'Mid', 'High mid', 'Air'] as const;

export interface BandMeters {
  /** Levels 0–1 per band (values outside are clamped), whether this frame is a beat, tempo in BPM (0: unknown). */
  update(bands: ArrayLike<number>, isBeat: boolean, bpm: number): void;
}

/** How long the beat lamp stays lit, ms (a visual, not a protocol timing). */
const BEAT_FLASH_MS = 120;

export function mountBandMeters(host: HTMLElement): BandMeters {
  const fills = BAND_LABELS.map(() => el('div', { class: 'meter-fill' }));
  const meters = el(
    'div',
    { class: 'meters' },
    ...BAND_LABELS.map((label, i) =>
      el(
        'div',
        { class: `meter band-${i}` },
        el('div', { class: 'meter-track' }, fills[i]),
        el('span', {}, label),
      ),
    ),
  );
  const lamp = el('div', { class: 'beat-lamp', 'data-testid': 'beat-lamp' }, 'BEAT');
  const bpmText = el('span', { class: 'bpm-value', 'data-testid': 'bpm' }, '—');
  host.append(meters, el('div', { class: 'beat-box' }, lamp, el('div', { class: 'bpm' }, bpmText, ' BPM')));
  let lampTimer = 0;
  return {
    update(bands, isBeat, bpm) {
      for (let i = 0; i < fills.length; i++) {
        const level = Math.min(1, Math.max(0, Number(bands[i]) || 0));
        (fills[i] as HTMLElement).style.transform = `scaleY(${level.toFixed(3)})`;
      }
      bpmText.textContent = bpm > 0 ? bpm.toFixed(0) : '—';
      if (isBeat) {
        lamp.classList.add('on');
        window.clearTimeout(lampTimer);
        lampTimer = window.setTimeout(() => lamp.classList.remove('on'), BEAT_FLASH_MS);
      }
    },
  };
}
