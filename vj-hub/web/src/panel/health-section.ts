/** The hub's health figures (docs/protocol.md "Keeping a link alive"), refreshed from `GET /health`. */
import type { Health } from '@audioviz/shared-types';
import { el, replaceChildren } from '../ui/dom';
import type { PanelContext } from './panel-context';

/** How often `/health` is read, ms (a display refresh, not protocol timing). */
const REFRESH_MS = 5_000;

const LABELS: ReadonlyArray<[keyof Health, string]> = [
  ['current_djs', 'DJs connected'],
  ['current_browsers', 'Browsers'],
  ['mc_connected', 'Minecraft'],
  ['mc_reconnect_count', 'MC reconnects'],
  ['dj_connects', 'DJ connects'],
  ['dj_disconnects', 'DJ disconnects'],
  ['browser_connects', 'Browser connects'],
  ['browser_disconnects', 'Browser disconnects'],
  ['uptime_s', 'Uptime'],
];

export function mountHealthSection(host: HTMLElement, { store, service }: PanelContext): void {
  const table = el('dl', { class: 'health', 'data-testid': 'health' });
  const link = el('p', { class: 'link-figures' });
  host.append(table, link);

  let fetched: Health | null = null;
  const render = (): void => {
    const health = fetched ?? store.state.health;
    if (health === null) {
      replaceChildren(table, el('dt', {}, 'Health'), el('dd', {}, 'not known yet'));
    } else {
      replaceChildren(
        table,
        ...LABELS.filter(([field]) => health[field] !== undefined).flatMap(([field, label]) => [
          el('dt', {}, label),
          el('dd', { 'data-field': field }, format(field, health[field])),
        ]),
      );
    }
    const rtt = service.latencyMs;
    link.textContent =
      `Link round trip ${rtt === null ? '—' : `${rtt.toFixed(0)} ms`}` +
      (service.queued > 0 ? ` · ${service.queued} commands waiting` : '') +
      (service.droppedCount > 0 ? ` · ${service.droppedCount} dropped while offline` : '');
  };
  const poll = (): void => {
    fetch('/health', { cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<Health>) : null))
      .then((health) => {
        fetched = health;
        render();
      })
      .catch(() => render());
  };
  store.subscribe(render);
  poll();
  window.setInterval(poll, REFRESH_MS);
}

function format(field: keyof Health, value: unknown): string {
  if (field === 'mc_connected') return value ? 'connected' : 'not connected';
  if (field === 'uptime_s' && typeof value === 'number') {
    const s = Math.floor(value);
    return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  }
  return String(value);
}
