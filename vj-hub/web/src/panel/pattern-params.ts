/**
 * "Pattern controls": one control per parameter the selected zone's pattern declares (docs/protocol.md
 * "(ext) Pattern parameters"). Drawn from the schema the hub lists with each pattern, so a pattern that gains
 * a parameter needs no change here.
 */
import {
  describeParamRange,
  type PatternParamSpec,
  type PatternParamValue,
  type PatternParamValues,
} from '@audioviz/shared-types';
import { el, replaceChildren } from '../ui/dom';
import type { PanelContext } from './panel-context';
import { ALL_ZONES, currentPatternOf, type PanelState } from './panel-state';

export interface PatternParamsView {
  /** Shows the controls of `zone`'s pattern, or a hint when `zone` is ALL_ZONES. */
  showZone(zone: string): void;
}

/** One drawn control and how to move it to a value and read it back. */
interface ParamControl {
  readonly row: HTMLElement;
  readonly input: HTMLInputElement | HTMLSelectElement;
  show(value: PatternParamValue): void;
  read(): PatternParamValue;
}

export function mountPatternParams(host: HTMLElement, { store, send }: PanelContext): PatternParamsView {
  const body = el('div', { class: 'param-rows', 'data-testid': 'pattern-params' });
  const reset = el('button', { type: 'button', 'data-testid': 'params-reset' }, 'Reset to defaults');
  host.append(el('h3', {}, 'Pattern controls'), body, reset);

  let zone = ALL_ZONES;
  let controls = new Map<string, ParamControl>();
  let specs: Readonly<Record<string, PatternParamSpec>> = {};
  // What the controls were built for: rebuilding on every store change would drop a drag in progress.
  let builtFor: string | null = null;

  const setParams = (params: PatternParamValues, control: HTMLElement, replace = false): void => {
    const target = zone;
    send(
      { type: 'set_pattern_params', zone: target, params, ...(replace ? { replace } : {}) },
      {
        control,
        // The `pattern_params` reply is folded in by the store itself, like every hub message.
        onError: () => {
          // A refused value snaps back to what the zone plays, even on the control still focused.
          const values = paramsOf(store.state, target);
          for (const [name, c] of controls) c.show(values[name] ?? (specs[name] as PatternParamSpec).default);
          return false;
        },
      },
    );
  };
  reset.addEventListener('click', () => setParams({}, reset, true));

  const render = (state: PanelState): void => {
    const pattern = zone === ALL_ZONES ? null : currentPatternOf(state, zone);
    const nextSpecs = state.patterns.find((p) => p.id === pattern)?.params ?? {};
    const key = `${zone}\n${pattern}\n${JSON.stringify(nextSpecs)}`;
    if (key !== builtFor) {
      builtFor = key;
      specs = nextSpecs;
      controls = new Map(Object.entries(specs).map(([name, spec]) => [name, controlFor(name, spec)]));
      for (const [name, c] of controls)
        c.input.addEventListener('change', () => setParams({ [name]: c.read() }, c.input));
      const hint =
        zone === ALL_ZONES
          ? 'Pick one zone to tune its pattern.'
          : controls.size === 0
            ? 'This pattern has no controls.'
            : null;
      replaceChildren(body, hint === null ? null : el('p', { class: 'empty' }, hint));
      body.append(...[...controls.values()].map((c) => c.row));
      reset.hidden = controls.size === 0;
    }
    const values = paramsOf(state, zone);
    for (const [name, c] of controls) {
      if (document.activeElement === c.input) continue;
      c.show(values[name] ?? (specs[name] as PatternParamSpec).default);
    }
  };
  store.subscribe(render);

  return {
    showZone(next) {
      zone = next;
      render(store.state);
    },
  };
}

/** The values set on `zone`; a parameter missing here plays at its default. */
function paramsOf(state: PanelState, zone: string): PatternParamValues {
  return state.zones.find((z) => z.name === zone)?.params ?? {};
}

function controlFor(name: string, spec: PatternParamSpec): ParamControl {
  const control = inputFor(spec);
  control.input.dataset['param'] = name;
  const row = el(
    'label',
    { class: 'param-row', title: `${name}: ${describeParamRange(spec)}` },
    el('span', { class: 'param-label' }, spec.description, el('code', { class: 'param-name' }, name)),
    control.input,
    control.extra,
  );
  return { ...control, row };
}

function inputFor(spec: PatternParamSpec): Omit<ParamControl, 'row'> & { extra: HTMLElement | null } {
  switch (spec.type) {
    case 'number': {
      // A hundred steps across the range: fine enough to tune by ear, coarse enough to land on a value.
      const step = (spec.max - spec.min) / 100;
      const input = el('input', {
        type: 'range',
        min: spec.min,
        max: spec.max,
        step: step > 0 ? step : 'any',
      });
      const output = el('output', {});
      const digits = step > 0 && step < 1 ? Math.min(4, Math.ceil(-Math.log10(step))) : 0;
      const format = (value: number): string => value.toFixed(digits);
      input.addEventListener('input', () => (output.textContent = format(Number(input.value))));
      return {
        input,
        extra: output,
        show(value) {
          input.value = String(value);
          output.textContent = format(Number(value));
        },
        // The slider's steps are binary fractions (0.1 + 23 × 0.039 = 0.9970000000000001): round the noise
        // off so the zone, its scenes and this control show the value the operator picked.
        read: () => Math.min(spec.max, Math.max(spec.min, Number(Number(input.value).toPrecision(12)))),
      };
    }
    case 'boolean': {
      const input = el('input', { type: 'checkbox' });
      return {
        input,
        extra: null,
        show: (value) => (input.checked = value === true),
        read: () => input.checked,
      };
    }
    case 'choice': {
      const input = el(
        'select',
        {},
        ...spec.choices.map((choice) => el('option', { value: choice }, choice)),
      );
      return {
        input,
        extra: null,
        show: (value) => (input.value = String(value)),
        read: () => input.value,
      };
    }
  }
}
