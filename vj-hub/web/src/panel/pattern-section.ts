/**
 * Pattern grid per zone (from the hub's pattern metadata), the transition duration, and the selected zone's
 * pattern controls (pattern-params.ts).
 */
import { MAX_TRANSITION_S } from '@audioviz/shared-types';
import { el, replaceChildren } from '../ui/dom';
import type { PanelContext } from './panel-context';
import { ALL_ZONES, currentPatternOf, type PanelState } from './panel-state';
import { mountPatternParams } from './pattern-params';

export interface PatternSection {
  /** Selects the n-th pattern of the grid (keys 1–9) for the selected zone. */
  selectIndex(index: number): void;
}

export function mountPatternSection(host: HTMLElement, context: PanelContext): PatternSection {
  const { store, send } = context;
  const zoneSelect = el('select', { 'aria-label': 'Zone', 'data-testid': 'pattern-zone' });
  const grid = el('div', { class: 'pattern-grid', 'data-testid': 'pattern-grid' });
  const transition = el('input', {
    type: 'range',
    min: 0,
    max: MAX_TRANSITION_S,
    step: 0.1,
    'data-testid': 'transition',
  });
  const transitionText = el('output', {});
  const paramsHost = el('div', { class: 'pattern-params' });
  host.append(
    el('div', { class: 'row' }, el('label', {}, 'Zone ', zoneSelect)),
    grid,
    el('label', { class: 'row' }, 'Transition ', transition, transitionText),
    paramsHost,
  );
  const params = mountPatternParams(paramsHost, context);

  let zone = ALL_ZONES;
  const choose = (pattern: string, button: HTMLElement | null): void => {
    const zones = zone === ALL_ZONES ? undefined : [zone];
    send(
      { type: 'set_pattern', pattern, ...(zones ? { zones } : {}) },
      {
        control: button,
        // An `ack` does not carry the change; a `pattern_changed` reply is folded in by the store itself.
        onReply: (reply) =>
          reply.type === 'ack' && store.receive({ type: 'pattern_changed', pattern, zones }),
      },
    );
  };
  zoneSelect.addEventListener('change', () => {
    zone = zoneSelect.value;
    render(store.state);
    params.showZone(zone);
  });
  transition.addEventListener(
    'input',
    () => (transitionText.textContent = `${Number(transition.value).toFixed(1)} s`),
  );
  transition.addEventListener('change', () => {
    const duration = Number(transition.value);
    send(
      { type: 'set_transition_duration', duration },
      { control: transition, onReply: () => store.confirm({ transitionDuration: duration }) },
    );
  });

  let zoneKey: string | null = null;
  const render = (state: PanelState): void => {
    const key = state.zones.map((z) => z.name).join('\n');
    if (key !== zoneKey) {
      zoneKey = key;
      replaceChildren(
        zoneSelect,
        el('option', { value: ALL_ZONES }, 'All zones'),
        ...state.zones.map((z) => el('option', { value: z.name }, z.name)),
      );
      if (zone !== ALL_ZONES && !state.zones.some((z) => z.name === zone)) {
        zone = ALL_ZONES;
        params.showZone(zone);
      }
      zoneSelect.value = zone;
    }
    const current = currentPatternOf(state, zone);
    replaceChildren(
      grid,
      ...state.patterns.map((p, i) => {
        const button = el(
          'button',
          {
            type: 'button',
            class: 'pattern',
            'data-pattern': p.id,
            'aria-pressed': String(p.id === current),
            title: p.category,
          },
          i < 9 ? el('kbd', {}, String(i + 1)) : null,
          el('span', { class: 'pattern-name' }, p.name),
          el('span', { class: 'pattern-category' }, p.category),
        );
        button.addEventListener('click', () => choose(p.id, button));
        return button;
      }),
    );
    if (state.patterns.length === 0)
      grid.append(el('p', { class: 'empty' }, 'No patterns yet: waiting for the hub.'));
    if (document.activeElement !== transition) {
      transition.value = String(state.transitionDuration);
      transitionText.textContent = `${state.transitionDuration.toFixed(1)} s`;
    }
  };
  store.subscribe(render);

  return {
    selectIndex(index) {
      const pattern = store.state.patterns[index];
      if (pattern === undefined) return;
      choose(pattern.id, grid.querySelector<HTMLElement>(`[data-pattern="${CSS.escape(pattern.id)}"]`));
    },
  };
}
