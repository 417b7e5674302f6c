/** Short messages for the operator (command refused, copied, …) in one live region. */
import { el } from './dom';

const SHOW_MS = 4_000;

/** Shows `text` for a few seconds; `kind` colours it. */
export function toast(text: string, kind: 'info' | 'error' = 'info'): void {
  let region = document.getElementById('toasts');
  if (region === null) {
    region = el('div', { id: 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.append(region);
  }
  const item = el('div', { class: `toast toast-${kind}` }, text);
  region.append(item);
  while (region.childElementCount > 5) region.firstElementChild?.remove();
  // A UI fade-out, not protocol timing: it needs no injectable clock.
  window.setTimeout(() => item.remove(), SHOW_MS);
}
