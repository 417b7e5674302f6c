/**
 * Keyboard shortcuts of the admin panel (issue 7): B blackout, F freeze, 1–9 the n-th pattern of the
 * grid, Space tap tempo, Esc close. Ignored while the operator types in a field.
 */

export type ShortcutAction =
  | { readonly kind: 'blackout' }
  | { readonly kind: 'freeze' }
  | { readonly kind: 'pattern'; readonly index: number }
  | { readonly kind: 'tap' }
  | { readonly kind: 'close' };

/** The parts of a KeyboardEvent that decide the shortcut. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
  readonly repeat?: boolean;
  /** Tag name of the focused element ("INPUT", "BUTTON", …). */
  readonly targetTag?: string;
  readonly targetEditable?: boolean;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** The action of a key press, or null when it is not a shortcut here. */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.key === 'Escape') return { kind: 'close' };
  if (press.ctrlKey || press.metaKey || press.altKey || press.repeat) return null;
  if (press.targetEditable || TYPING_TAGS.has(press.targetTag ?? '')) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (key === 'b') return { kind: 'blackout' };
  if (key === 'f') return { kind: 'freeze' };
  if (key === ' ') return { kind: 'tap' };
  if (/^[1-9]$/.test(key)) return { kind: 'pattern', index: Number(key) - 1 };
  return null;
}
