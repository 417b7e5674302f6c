/** The eleven effects of docs/protocol.md, with intensity and duration. */
import { EFFECT_NAMES } from '@audioviz/shared-types';
import { el } from '../ui/dom';
import type { PanelContext } from './panel-context';

export function mountEffectsSection(host: HTMLElement, { service, send }: PanelContext): void {
  const intensity = el('input', {
    type: 'range',
    min: 0,
    max: 1,
    step: 0.05,
    value: 0.8,
    'data-testid': 'effect-intensity',
  });
  const duration = el('input', {
    type: 'number',
    min: 0,
    max: 60000,
    step: 100,
    value: 1000,
    'data-testid': 'effect-duration',
  });
  const buttons = new Map<string, HTMLButtonElement>();
  const grid = el(
    'div',
    { class: 'effect-grid' },
    ...EFFECT_NAMES.map((effect) => {
      const button = el(
        'button',
        { type: 'button', class: 'effect', 'data-effect': effect },
        effect.replace('_', ' '),
      );
      button.addEventListener('click', () =>
        send(
          {
            type: 'trigger_effect',
            effect,
            intensity: Number(intensity.value),
            duration: Math.min(60000, Math.max(0, Number(duration.value) || 0)),
          },
          { control: button },
        ),
      );
      buttons.set(effect, button);
      return button;
    }),
  );
  host.append(
    grid,
    el(
      'div',
      { class: 'row' },
      el('label', {}, 'Intensity ', intensity),
      el('label', {}, 'Duration ', duration, ' ms'),
    ),
  );
  // The hub announces every effect it runs (also ones other operators fired): flash that button.
  service.on('message', (message) => {
    if (message.type !== 'effect_triggered') return;
    const button = buttons.get(String(message['effect']));
    if (button === undefined) return;
    button.classList.remove('fired');
    void button.offsetWidth; // restart the CSS animation
    button.classList.add('fired');
    button.dataset['fired'] = String(Number(button.dataset['fired'] ?? 0) + 1);
  });
}
