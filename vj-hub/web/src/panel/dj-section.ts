/** DJ roster (live stats, go live, reorder, kick), pending approvals and one-time connect codes. */
import { CONNECT_CODE_TTL_MS } from '@audioviz/shared-types';
import { el, replaceChildren } from '../ui/dom';
import { toast } from '../ui/toast';
import type { PanelContext } from './panel-context';
import type { PanelState, RosterDj } from './panel-state';

/** Stats the hub may add to a roster entry, shown when present: field → label and unit (the live DJ's come from `state`). */
const STATS: ReadonlyArray<[string, string, string]> = [
  ['fps', '', 'fps'],
  ['latency_ms', '', 'ms'],
  ['bpm', '', 'BPM'],
  ['frames_dropped', 'dropped ', ''],
];

/**
 * A DJ whose frames the hub refuses (malformed) is connected but puts nothing on the show: say so on its row,
 * loudly while its latest frame was refused.
 */
function refusedBadge(dj: RosterDj): HTMLElement[] {
  const refused = typeof dj.frames_refused === 'number' ? dj.frames_refused : 0;
  if (refused === 0) return [];
  const now = dj.refusing_frames === true;
  return [
    el(
      'span',
      { class: now ? 'dj-refused refusing' : 'dj-refused', 'data-testid': 'dj-frames-refused' },
      now ? `frames refused (${refused}): show dark` : `${refused} frame${refused === 1 ? '' : 's'} refused`,
    ),
  ];
}

export function mountDjSection(host: HTMLElement, { store, send, service }: PanelContext): void {
  const roster = el('ol', { class: 'roster', 'data-testid': 'dj-roster' });
  const pending = el('ul', { class: 'pending', 'data-testid': 'dj-pending' });
  const codeText = el('code', { class: 'connect-code', 'data-testid': 'connect-code' }, '—');
  const expiry = el('span', { class: 'expiry', 'data-testid': 'connect-code-expiry' });
  const generate = el('button', { type: 'button', 'data-testid': 'generate-code' }, 'New connect code');
  const copy = el('button', { type: 'button', 'data-testid': 'copy-code', disabled: true }, 'Copy');
  const revoke = el('button', { type: 'button', 'data-testid': 'revoke-code', disabled: true }, 'Revoke');
  host.append(
    roster,
    el('h3', {}, 'Waiting for approval'),
    pending,
    el('h3', {}, 'Connect code'),
    el('div', { class: 'row code-row' }, codeText, copy, revoke),
    el('div', { class: 'row' }, generate, expiry),
  );

  generate.addEventListener('click', () =>
    send({ type: 'generate_connect_code', ttl_minutes: CONNECT_CODE_TTL_MS / 60_000 }, { control: generate }),
  );
  copy.addEventListener('click', () => {
    const code = store.state.connectCode?.code;
    if (code === undefined) return;
    const selectByHand = (): void => {
      // No clipboard access (plain http from another machine): select the code for Ctrl+C.
      window.getSelection()?.selectAllChildren(codeText);
      toast('Code selected: press Ctrl+C (this page may not use the clipboard directly).');
    };
    if (navigator.clipboard === undefined) return selectByHand();
    navigator.clipboard
      .writeText(code)
      .then(() => toast(`Copied ${code}: the DJ enters it on the /dj page or with --code.`), selectByHand);
  });
  revoke.addEventListener('click', () => {
    const code = store.state.connectCode?.code;
    if (code === undefined) return;
    send(
      { type: 'revoke_connect_code', code },
      { control: revoke, onReply: () => store.confirm({ connectCode: null }) },
    );
  });

  const showExpiry = (): void => {
    const code = store.state.connectCode;
    if (code === null) {
      expiry.textContent = '';
      return;
    }
    const left = Math.round((code.expiresAt - Date.now()) / 1000);
    expiry.textContent =
      left > 0 ? `expires in ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` : 'expired';
    expiry.classList.toggle('expired', left <= 0);
  };
  window.setInterval(showExpiry, 1000);

  // The live DJ's figures come with every `state` (~20 Hz); shown on that DJ's row.
  service.on('message', (message) => {
    if (message.type !== 'state') return;
    const row = roster.querySelector<HTMLElement>('.dj.live .dj-stats');
    if (row === null) return;
    const fps = Number(message['fps']) || 0;
    const latency = Number(message['latency_ms']) || 0;
    const bpm = Number(message['bpm']) || 0;
    row.textContent = `${fps.toFixed(0)} fps · ${latency.toFixed(0)} ms · ${bpm > 0 ? bpm.toFixed(0) : '—'} BPM`;
  });

  const djRow = (dj: RosterDj, state: PanelState, index: number): HTMLElement => {
    const live = dj.dj_id === state.activeDjId;
    const stats = STATS.filter(([field]) => typeof dj[field] === 'number').map(
      ([field, label, unit]) => `${label}${Math.round(dj[field] as number)}${unit ? ` ${unit}` : ''}`,
    );
    const goLive = el(
      'button',
      { type: 'button', class: 'primary', disabled: live },
      live ? 'Live' : 'Go live',
    );
    const up = el(
      'button',
      { type: 'button', title: 'Move up', 'aria-label': `Move ${dj.dj_name} up`, disabled: index === 0 },
      '↑',
    );
    const down = el(
      'button',
      {
        type: 'button',
        title: 'Move down',
        'aria-label': `Move ${dj.dj_name} down`,
        disabled: index === state.djs.length - 1,
      },
      '↓',
    );
    const kick = el('button', { type: 'button', class: 'danger' }, 'Kick');
    goLive.addEventListener('click', () =>
      send({ type: 'set_active_dj', dj_id: dj.dj_id }, { control: goLive }),
    );
    up.addEventListener('click', () =>
      send(
        { type: 'reorder_dj_queue', dj_id: dj.dj_id, new_position: Math.max(0, dj.queue_position - 1) },
        { control: up },
      ),
    );
    down.addEventListener('click', () =>
      send(
        { type: 'reorder_dj_queue', dj_id: dj.dj_id, new_position: dj.queue_position + 1 },
        { control: down },
      ),
    );
    kick.addEventListener('click', () => {
      if (window.confirm(`Kick ${dj.dj_name}? They are disconnected and must log in again.`))
        send({ type: 'kick_dj', dj_id: dj.dj_id }, { control: kick });
    });
    return el(
      'li',
      { class: live ? 'dj live' : 'dj', 'data-dj': dj.dj_id },
      el('span', { class: 'dj-name' }, dj.dj_name),
      el('span', { class: 'dj-id' }, dj.dj_id),
      el('span', { class: 'dj-stats' }, stats.join(' · ')),
      ...refusedBadge(dj),
      el('span', { class: 'dj-actions' }, goLive, up, down, kick),
    );
  };

  store.subscribe((state) => {
    const djs = [...state.djs].sort((a, b) => a.queue_position - b.queue_position);
    replaceChildren(roster, ...djs.map((dj, i) => djRow(dj, { ...state, djs }, i)));
    if (djs.length === 0) roster.append(el('li', { class: 'empty' }, 'No DJ connected.'));
    replaceChildren(
      pending,
      ...state.pendingDjs.map((dj) => {
        const approve = el('button', { type: 'button', class: 'primary' }, 'Approve');
        const deny = el('button', { type: 'button', class: 'danger' }, 'Deny');
        approve.addEventListener('click', () =>
          send({ type: 'approve_dj', dj_id: dj.dj_id }, { control: approve }),
        );
        deny.addEventListener('click', () => send({ type: 'deny_dj', dj_id: dj.dj_id }, { control: deny }));
        return el('li', { 'data-dj': dj.dj_id }, el('span', { class: 'dj-name' }, dj.dj_name), approve, deny);
      }),
    );
    if (state.pendingDjs.length === 0) pending.append(el('li', { class: 'empty' }, 'Nobody waiting.'));
    codeText.textContent = state.connectCode?.code ?? '—';
    copy.disabled = state.connectCode === null;
    revoke.disabled = state.connectCode === null;
    showExpiry();
  });
}
