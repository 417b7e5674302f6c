/** The DJ's login: a DJ key (id + key) or a one-time connect code from the operator, plus a display name. */
import { CONNECT_CODE_INPUT_PATTERN, NAME_INPUT_PATTERN } from '../ui/input-patterns';
import { el } from '../ui/dom';
import type { DjCredentials } from './dj-link';

export function mountLoginForm(
  host: HTMLElement,
  onLogin: (credentials: DjCredentials) => void,
): { enable(on: boolean): void } {
  const byKey = el('button', { type: 'button', 'aria-pressed': 'true', 'data-testid': 'mode-key' }, 'DJ key');
  const byCode = el(
    'button',
    { type: 'button', 'aria-pressed': 'false', 'data-testid': 'mode-code' },
    'Connect code',
  );
  const name = el('input', {
    type: 'text',
    name: 'dj_name',
    required: true,
    maxlength: 64,
    autocomplete: 'nickname',
    'data-testid': 'dj-name',
  });
  const id = el('input', {
    type: 'text',
    name: 'dj_id',
    required: true,
    pattern: NAME_INPUT_PATTERN,
    maxlength: 64,
    autocomplete: 'username',
    'data-testid': 'dj-id',
  });
  const key = el('input', {
    type: 'password',
    name: 'dj_key',
    required: true,
    maxlength: 256,
    autocomplete: 'current-password',
    'data-testid': 'dj-key',
  });
  const code = el('input', {
    type: 'text',
    name: 'code',
    pattern: CONNECT_CODE_INPUT_PATTERN,
    maxlength: 17,
    placeholder: 'WORD-1234',
    autocomplete: 'off',
    'data-testid': 'dj-code',
  });
  const keyFields = el(
    'div',
    { class: 'login-form' },
    el('label', {}, 'DJ id', id),
    el('label', {}, 'DJ key', key),
  );
  const codeFields = el('div', { class: 'login-form', hidden: true }, el('label', {}, 'Connect code', code));
  const submit = el('button', { type: 'submit', class: 'primary', 'data-testid': 'dj-login' }, 'Connect');
  const form = el(
    'form',
    { class: 'login-form' },
    el('div', { class: 'tabs' }, byKey, byCode),
    el('label', {}, 'Your name', name),
    keyFields,
    codeFields,
    submit,
  );
  host.append(form);

  let mode: 'key' | 'code' = 'key';
  const setMode = (next: 'key' | 'code'): void => {
    mode = next;
    byKey.setAttribute('aria-pressed', String(next === 'key'));
    byCode.setAttribute('aria-pressed', String(next === 'code'));
    keyFields.hidden = next !== 'key';
    codeFields.hidden = next !== 'code';
    id.required = key.required = next === 'key';
    code.required = next === 'code';
  };
  byKey.addEventListener('click', () => setMode('key'));
  byCode.addEventListener('click', () => setMode('code'));
  const params = new URLSearchParams(window.location.search);
  const codeParam = params.get('code');
  if (codeParam !== null) {
    code.value = codeParam;
    setMode('code');
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const djName = name.value.trim() || id.value;
    onLogin(
      mode === 'key'
        ? { kind: 'key', dj_id: id.value, dj_key: key.value, dj_name: djName }
        : { kind: 'code', code: code.value.toUpperCase(), dj_name: djName },
    );
  });
  return {
    enable(on) {
      for (const control of form.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button'))
        control.disabled = !on;
    },
  };
}
