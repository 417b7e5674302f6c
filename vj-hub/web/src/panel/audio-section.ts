/** Audio presets, band sensitivity (0–MAX_BAND_SENSITIVITY per band) and the block material of each band. */
import {
  AUDIO_PRESETS,
  MAX_BAND_SENSITIVITY,
  type AudioPreset,
  type PresetName,
} from '@audioviz/shared-types';
import { BAND_LABELS } from '../ui/band-meters';
import { el, replaceChildren } from '../ui/dom';
import { MATERIAL_INPUT_PATTERN } from '../ui/input-patterns';
import type { PanelContext } from './panel-context';
import type { PanelState } from './panel-state';

/** Offered in the material fields; any block id is accepted. */
const MATERIAL_SUGGESTIONS = [
  'minecraft:redstone_block',
  'minecraft:orange_concrete',
  'minecraft:gold_block',
  'minecraft:emerald_block',
  'minecraft:diamond_block',
  'minecraft:lapis_block',
  'minecraft:amethyst_block',
  'minecraft:glowstone',
  'minecraft:sea_lantern',
  'minecraft:shroomlight',
  'minecraft:magenta_concrete',
  'minecraft:white_concrete',
];
const DEFAULT_MATERIALS = [
  'minecraft:redstone_block',
  'minecraft:orange_concrete',
  'minecraft:gold_block',
  'minecraft:diamond_block',
  'minecraft:amethyst_block',
];

export function mountAudioSection(host: HTMLElement, { store, send }: PanelContext): void {
  const presets = el('div', { class: 'preset-row', 'data-testid': 'presets' });
  const sliders = BAND_LABELS.map((_, band) =>
    el('input', {
      type: 'range',
      min: 0,
      max: MAX_BAND_SENSITIVITY,
      step: 0.05,
      value: 1,
      'data-testid': `sensitivity-${band}`,
    }),
  );
  const values = BAND_LABELS.map(() => el('output', {}, '1.00'));
  const materials = BAND_LABELS.map((_, band) =>
    el('input', {
      type: 'text',
      list: 'material-suggestions',
      pattern: MATERIAL_INPUT_PATTERN,
      value: DEFAULT_MATERIALS[band],
      'data-testid': `material-${band}`,
      spellcheck: 'false',
    }),
  );
  const applyMaterials = el(
    'button',
    { type: 'button', 'data-testid': 'apply-materials' },
    'Apply materials',
  );
  // Smoothing of the live DJ's levels (the hub's `set_audio_setting` "attack" / "release", 0–1 per frame).
  const smoothing = (['attack', 'release'] as const).map((setting) => {
    const input = el('input', { type: 'range', min: 0.01, max: 1, step: 0.01, 'data-testid': setting });
    const value = el('output', {});
    input.addEventListener('input', () => (value.textContent = Number(input.value).toFixed(2)));
    input.addEventListener('change', () =>
      send({ type: 'set_audio_setting', setting, value: Number(input.value) }, { control: input }),
    );
    return { setting, input, value };
  });
  host.append(
    el('h3', {}, 'Preset'),
    presets,
    el('h3', {}, 'Smoothing'),
    el(
      'div',
      { class: 'band-rows' },
      ...smoothing.map(({ setting, input, value }) =>
        el('label', { class: 'band-row' }, setting === 'attack' ? 'Attack' : 'Release', input, value),
      ),
    ),
    el('h3', {}, 'Band sensitivity'),
    el(
      'div',
      { class: 'band-rows' },
      ...BAND_LABELS.map((label, band) =>
        el('label', { class: `band-row band-${band}` }, label, sliders[band], values[band]),
      ),
    ),
    el('h3', {}, 'Band materials'),
    el(
      'div',
      { class: 'band-rows' },
      ...BAND_LABELS.map((label, band) =>
        el('label', { class: `band-row band-${band}` }, label, materials[band]),
      ),
    ),
    el(
      'datalist',
      { id: 'material-suggestions' },
      ...MATERIAL_SUGGESTIONS.map((m) => el('option', { value: m })),
    ),
    applyMaterials,
  );

  sliders.forEach((slider, band) => {
    slider.addEventListener(
      'input',
      () => ((values[band] as HTMLElement).textContent = Number(slider.value).toFixed(2)),
    );
    // On release only: dragging would exceed the hub's 10 commands per second.
    slider.addEventListener('change', () => {
      const sensitivity = Number(slider.value);
      send(
        { type: 'set_band_sensitivity', band, sensitivity },
        {
          control: slider,
          onReply: () => {
            const next = [...store.state.bandSensitivity];
            next[band] = sensitivity;
            store.confirm({ bandSensitivity: next });
          },
        },
      );
    });
  });
  applyMaterials.addEventListener('click', () => {
    const list = materials.map((input) => input.value.trim());
    const bad = materials.find((input) => !input.checkValidity() || input.value.trim() === '');
    if (bad !== undefined) {
      bad.focus();
      bad.reportValidity();
      return;
    }
    send(
      { type: 'set_band_materials', materials: list },
      { control: applyMaterials, onReply: () => store.confirm({ bandMaterials: list }) },
    );
  });

  let presetKey = '';
  let smoothingPreset: string | null = null;
  store.subscribe((state: PanelState) => {
    const key = `${state.presets.join(',')}|${state.preset}`;
    if (key !== presetKey) {
      presetKey = key;
      replaceChildren(
        presets,
        ...state.presets.map((name) => {
          const button = el(
            'button',
            { type: 'button', 'data-preset': name, 'aria-pressed': String(name === state.preset) },
            name,
          );
          button.addEventListener('click', () =>
            send(
              { type: 'set_preset', preset: name },
              {
                control: button,
                onReply: (reply) => reply.type === 'ack' && store.confirm({ preset: name }),
              },
            ),
          );
          return button;
        }),
      );
    }
    // The hub does not report its smoothing; a new preset brings the preset's own values.
    const preset = AUDIO_PRESETS[state.preset as PresetName] as AudioPreset | undefined;
    if (preset !== undefined && state.preset !== smoothingPreset) {
      smoothingPreset = state.preset;
      for (const { setting, input, value } of smoothing) {
        input.value = String(preset[setting]);
        value.textContent = preset[setting].toFixed(2);
      }
    }
    sliders.forEach((slider, band) => {
      if (document.activeElement === slider) return;
      const value = state.bandSensitivity[band] ?? 1;
      slider.value = String(value);
      (values[band] as HTMLElement).textContent = value.toFixed(2);
    });
    if (state.bandMaterials !== null) {
      materials.forEach((input, band) => {
        if (document.activeElement !== input) input.value = state.bandMaterials?.[band] ?? input.value;
      });
    }
  });
}
