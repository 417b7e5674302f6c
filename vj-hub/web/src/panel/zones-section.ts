/** Zone settings: size, rotation, entity count, block material, pool init and cleanup, per zone. */
import {
  MAX_ENTITIES_PER_ZONE,
  MAX_ROTATION_DEG,
  MAX_ZONE_SIZE,
  MIN_ZONE_SIZE,
  type ZoneInfo,
} from '@audioviz/shared-types';
import { BAND_LABELS } from '../ui/band-meters';
import { el, replaceChildren } from '../ui/dom';
import { toast } from '../ui/toast';
import { MATERIAL_INPUT_PATTERN } from '../ui/input-patterns';
import type { PanelContext } from './panel-context';

export function mountZonesSection(host: HTMLElement, { store, send }: PanelContext): void {
  const list = el('div', { class: 'zones', 'data-testid': 'zones' });
  const refresh = el('button', { type: 'button', 'data-testid': 'refresh-zones' }, 'Refresh');
  host.append(list, refresh);
  refresh.addEventListener('click', () => send({ type: 'get_zones' }, { control: refresh }));

  const zoneForm = (zone: ZoneInfo): HTMLElement => {
    const num = (value: number, min: number, max: number, step = 1): HTMLInputElement =>
      el('input', { type: 'number', value, min, max, step, required: true });
    const sx = num(zone.size.x, MIN_ZONE_SIZE, MAX_ZONE_SIZE);
    const sy = num(zone.size.y, MIN_ZONE_SIZE, MAX_ZONE_SIZE);
    const sz = num(zone.size.z, MIN_ZONE_SIZE, MAX_ZONE_SIZE);
    const rotation = num(zone.rotation, -MAX_ROTATION_DEG, MAX_ROTATION_DEG, 1);
    const count = num(zone.entity_count, 0, MAX_ENTITIES_PER_ZONE);
    const materialInput = (placeholder: string): HTMLInputElement =>
      el('input', {
        type: 'text',
        list: 'material-suggestions',
        placeholder,
        pattern: MATERIAL_INPUT_PATTERN,
      });
    const material = materialInput('block material');
    // Per-band palette of this zone: all five or none (the engine keeps its palette when left empty).
    const bandMaterials = BAND_LABELS.map((label) => materialInput(label));
    const apply = el('button', { type: 'submit', class: 'primary' }, 'Apply');
    const init = el('button', { type: 'button' }, 'Init pool');
    const cleanup = el('button', { type: 'button', class: 'danger' }, 'Clean up');
    const form = el(
      'form',
      { class: 'zone-form' },
      el('label', {}, 'Size ', sx, '×', sy, '×', sz),
      el('label', {}, 'Rotation ', rotation, '°'),
      el('label', {}, 'Entities ', count),
      el('label', {}, 'Material ', material),
      el('div', {}, 'Band materials', el('div', { class: 'band-materials' }, ...bandMaterials)),
      el('div', { class: 'row' }, apply, init, cleanup),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!form.reportValidity()) return;
      const bands = bandMaterials.map((input) => input.value.trim());
      if (bands.some((m) => m !== '') && bands.some((m) => m === '')) {
        bandMaterials.find((input) => input.value.trim() === '')?.focus();
        toast('Give all five band materials, or none to keep the zone’s palette.', 'error');
        return;
      }
      const config = {
        size: { x: Number(sx.value), y: Number(sy.value), z: Number(sz.value) },
        rotation: Number(rotation.value),
        entity_count: Number(count.value),
        ...(material.value.trim() ? { block_type: material.value.trim() } : {}),
        ...(bands.every((m) => m !== '') ? { materials: bands } : {}),
      };
      send(
        { type: 'set_zone_config', zone: zone.name, config },
        { control: apply, onReply: () => send({ type: 'get_zones' }) },
      );
    });
    init.addEventListener('click', () => {
      const n = Math.max(1, Math.min(MAX_ENTITIES_PER_ZONE, Number(count.value) || 1));
      send(
        {
          type: 'init_pool',
          zone: zone.name,
          count: n,
          ...(material.value.trim() ? { material: material.value.trim() } : {}),
        },
        { control: init },
      );
    });
    cleanup.addEventListener('click', () => {
      if (window.confirm(`Remove every entity of zone ${zone.name}?`))
        send({ type: 'cleanup_zone', zone: zone.name }, { control: cleanup });
    });
    return el(
      'details',
      { class: 'zone', 'data-zone': zone.name },
      el(
        'summary',
        {},
        el('strong', {}, zone.name),
        ` ${zone.world} · ${zone.entity_count} entities · ${zone.pattern}`,
      ),
      form,
    );
  };

  let key = '';
  store.subscribe((state) => {
    const next = JSON.stringify(state.zones);
    if (next === key) return; // keep half-typed forms while other things change
    key = next;
    const open = new Set(
      [...list.querySelectorAll<HTMLDetailsElement>('details[open]')].map((d) => d.dataset['zone']),
    );
    replaceChildren(list, ...state.zones.map(zoneForm));
    for (const details of list.querySelectorAll<HTMLDetailsElement>('details'))
      details.open = open.has(details.dataset['zone']);
    if (state.zones.length === 0)
      list.append(el('p', { class: 'empty' }, 'No zones: create one in game with /audioviz zone create.'));
  });
}
