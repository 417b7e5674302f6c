/**
 * The link status every page shows: "Connecting…", "Live" or "Offline", plus a "Reconnect" button once
 * the service has given up (`reconnect_failed`) or the hub refused the link.
 */
import type { LinkStatus, WebSocketService } from '../net/websocket-service';
import { el } from './dom';

const LABELS: Record<LinkStatus, string> = { connecting: 'Connecting…', live: 'Live', offline: 'Offline' };

/** Renders the indicator into `host` and keeps it current. */
export function mountStatusIndicator(host: HTMLElement, service: WebSocketService, name: string): void {
  const dot = el('span', { class: 'status-dot', 'aria-hidden': 'true' });
  const label = el('span', { class: 'status-label', 'data-testid': 'link-status' });
  const detail = el('span', { class: 'status-detail' });
  const button = el('button', { type: 'button', class: 'reconnect', hidden: true }, 'Reconnect');
  button.addEventListener('click', () => {
    button.hidden = true;
    detail.textContent = '';
    service.reconnectNow();
  });
  host.classList.add('status');
  host.title = `${name} link`;
  host.append(dot, label, detail, button);

  const show = (status: LinkStatus): void => {
    host.dataset['status'] = status;
    label.textContent = LABELS[status];
    if (status === 'live') {
      button.hidden = true;
      detail.textContent = '';
    }
  };
  show(service.status);
  service.on('status', show);
  service.on('reconnect_failed', (attempts) => {
    detail.textContent = `gave up after ${attempts} attempts`;
    button.hidden = false;
  });
  service.on('refused', (code, reason) => {
    detail.textContent = `refused (${code}${reason ? `: ${reason}` : ''})`;
    button.hidden = false;
  });
}
