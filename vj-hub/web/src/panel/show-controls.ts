/** Blackout and freeze toggles and tap tempo: the show's big buttons, also on B, F and Space. */
import { el } from '../ui/dom';
import type { PanelContext } from './panel-context';
import { TapTempo } from './tap-tempo';

export interface ShowControls {
  toggleBlackout(): void;
  toggleFreeze(): void;
  tap(): void;
}

export function mountShowControls(host: HTMLElement, { store, send }: PanelContext): ShowControls {
  const blackout = el(
    'button',
    { type: 'button', class: 'toggle danger', 'data-testid': 'blackout' },
    'Blackout',
    el('kbd', {}, 'B'),
  );
  const freeze = el(
    'button',
    { type: 'button', class: 'toggle', 'data-testid': 'freeze' },
    'Freeze',
    el('kbd', {}, 'F'),
  );
  const tapButton = el('button', { type: 'button', 'data-testid': 'tap' }, 'Tap', el('kbd', {}, 'Space'));
  const tapBpm = el('span', { class: 'tap-bpm', 'data-testid': 'tap-bpm' }, '');
  host.append(blackout, freeze, tapButton, tapBpm);

  const tempo = new TapTempo();
  const controls: ShowControls = {
    toggleBlackout() {
      const enabled = !store.state.blackout;
      send(
        { type: 'set_blackout', enabled },
        { control: blackout, onReply: () => store.confirm({ blackout: enabled }) },
      );
    },
    toggleFreeze() {
      const enabled = !store.state.freeze;
      send(
        { type: 'set_freeze', enabled },
        { control: freeze, onReply: () => store.confirm({ freeze: enabled }) },
      );
    },
    tap() {
      tapButton.classList.add('hit');
      window.setTimeout(() => tapButton.classList.remove('hit'), 80);
      const bpm = tempo.tap(performance.now());
      if (bpm === null) {
        tapBpm.textContent = 'tap…';
        return;
      }
      tapBpm.textContent = `${bpm.toFixed(1)} BPM`;
      // docs/protocol.md has no tempo command; `set_audio_setting` "tap_bpm" is offered to the hub, and a hub
      // that does not take it leaves the tapped tempo as a readout for the operator.
      send(
        { type: 'set_audio_setting', setting: 'tap_bpm', value: bpm },
        {
          control: tapButton,
          onError: () => {
            tapBpm.title = 'This hub does not take a tapped tempo; shown for reference only.';
            return true;
          },
        },
      );
    },
  };
  blackout.addEventListener('click', controls.toggleBlackout);
  freeze.addEventListener('click', controls.toggleFreeze);
  tapButton.addEventListener('click', controls.tap);
  store.subscribe((state) => {
    blackout.setAttribute('aria-pressed', String(state.blackout));
    freeze.setAttribute('aria-pressed', String(state.freeze));
    document.body.classList.toggle('blackout', state.blackout);
  });
  return controls;
}
