/** `/`: the admin panel. Wires the hub link, the state store and every section of the page template. */
import { createPageLink } from '../net/page-link';
import { mountPreview } from '../preview/preview-view';
import { mountBandMeters } from '../ui/band-meters';
import { byId } from '../ui/dom';
import { mountStatusIndicator } from '../ui/status-indicator';
import { adminHandshake, mountAdminLogin } from './admin-login';
import { mountAudioSection } from './audio-section';
import { commandSender } from './command';
import { mountDjSection } from './dj-section';
import { mountEffectsSection } from './effects-section';
import { mountHealthSection } from './health-section';
import { shortcutFor } from './keyboard';
import type { PanelContext } from './panel-context';
import { PanelStore } from './panel-store';
import { mountPatternSection } from './pattern-section';
import { mountScenesSection } from './scenes-section';
import { mountShowControls } from './show-controls';
import { mountZonesSection } from './zones-section';

const service = await createPageLink('browser', { handshake: adminHandshake });
const store = new PanelStore();
const context: PanelContext = { service, store, send: commandSender(service) };
// Socket events arrive asynchronously, so every view below still subscribes before the first one.
service.connect();
service.send({ type: 'list_scenes' });
// Socket events arrive asynchronously, so every view below still subscribes before the first one.
service.on('message', (message) => store.receive(message));
mountStatusIndicator(byId('link-status'), service, 'Hub');
mountAdminLogin(service);

const minecraft = byId('minecraft-status');
store.subscribe((state) => {
  minecraft.dataset['status'] = state.minecraftConnected ? 'live' : 'offline';
  minecraft.textContent = state.minecraftConnected ? 'Minecraft connected' : 'Minecraft not connected';
});

const meters = mountBandMeters(byId('meters'));
const activeDj = byId('active-dj');
service.on('message', (message) => {
  if (message.type !== 'state') return;
  const bands = Array.isArray(message['bands']) ? (message['bands'] as number[]) : [];
  meters.update(bands, message['is_beat'] === true, Number(message['bpm']) || 0);
  const dj = message['active_dj'];
  activeDj.textContent = typeof dj === 'string' ? `Live: ${dj}` : 'No DJ live';
});

const show = mountShowControls(byId('show-controls'), context);
const patterns = mountPatternSection(byId('patterns'), context);
mountEffectsSection(byId('effects'), context);
mountAudioSection(byId('audio'), context);
mountDjSection(byId('djs'), context);
mountScenesSection(byId('scenes'), context);
mountZonesSection(byId('zones'), context);
mountHealthSection(byId('health'), context);
mountPreview(byId('preview'), service);

document.addEventListener('keydown', (event) => {
  const target = event.target instanceof HTMLElement ? event.target : null;
  const action = shortcutFor({
    key: event.key,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    repeat: event.repeat,
    targetTag: target?.tagName,
    targetEditable: target?.isContentEditable,
  });
  if (action === null) return;
  event.preventDefault();
  switch (action.kind) {
    case 'blackout':
      return show.toggleBlackout();
    case 'freeze':
      return show.toggleFreeze();
    case 'tap':
      return show.tap();
    case 'pattern':
      return patterns.selectIndex(action.index);
    case 'close':
      return closeTopmost();
  }
});

/** Esc: close an open dialog, else fold open zone panels, else leave the focused field. */
function closeTopmost(): void {
  const dialog = document.querySelector<HTMLDialogElement>('dialog[open]');
  if (dialog !== null) return dialog.close();
  const open = document.querySelectorAll<HTMLDetailsElement>('details[open]');
  if (open.length > 0) return open.forEach((d) => (d.open = false));
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
}
