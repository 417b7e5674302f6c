/**
 * The optional admin password of :8766 (docs/protocol.md: `vj_auth` first when a password is configured).
 * The password is kept for the browser tab only (sessionStorage) and sent first on every (re)connect.
 */
import { fetchHubPageConfig } from '../net/hub-address';
import type { OutboundMessage, WebSocketService } from '../net/websocket-service';
import { el } from '../ui/dom';

const STORAGE_KEY = 'audioviz.admin_password';

/** The handshake for `WebSocketService`: `vj_auth` when the operator has entered a password. */
export function adminHandshake(): OutboundMessage | null {
  const password = sessionStorage.getItem(STORAGE_KEY);
  return password === null ? null : { type: 'vj_auth', password };
}

/** Asks for the password whenever the hub rejects or requires one, then reconnects with it. */
export function mountAdminLogin(service: WebSocketService): void {
  const input = el('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const reason = el('p', { class: 'dialog-reason' });
  const form = el(
    'form',
    { class: 'dialog-body' },
    el('h2', {}, 'Admin password'),
    reason,
    el('label', {}, 'Password ', input),
    el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary' }, 'Connect')),
  );
  const dialog = el('dialog', { class: 'login', 'data-testid': 'admin-login' }, form);
  document.body.append(dialog);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(STORAGE_KEY, input.value);
    input.value = '';
    dialog.close();
    service.reconnectNow();
  });
  const ask = (why: string): void => {
    reason.textContent = why;
    if (!dialog.open) dialog.showModal();
    input.focus();
  };
  service.on('message', (message) => {
    if (message.type === 'auth_error') {
      sessionStorage.removeItem(STORAGE_KEY);
      const error = typeof message['error'] === 'string' ? message['error'] : 'The hub refused the password.';
      ask(`${error} Enter the admin password to connect.`);
    }
  });
  // The hub says whether it wants a password (`/api/config`): ask at once rather than after its timeout.
  void fetchHubPageConfig().then((config) => {
    if (config.auth_required === true && adminHandshake() === null) ask('This hub needs the admin password.');
  });
  service.on('closed', (code) => {
    // 4004: wrong password; 4001: no `vj_auth` in time, so the hub wants one.
    if (code === 4004 || code === 4001) ask('The hub needs the admin password.');
  });
}
