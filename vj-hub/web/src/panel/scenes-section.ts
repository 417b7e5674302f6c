/** Scenes: save the show's settings under a name, load or delete them; the built-in ones load only. */
import { el, replaceChildren } from '../ui/dom';
import { NAME_INPUT_PATTERN } from '../ui/input-patterns';
import type { PanelContext } from './panel-context';

export function mountScenesSection(host: HTMLElement, { store, send }: PanelContext): void {
  const name = el('input', {
    type: 'text',
    placeholder: 'scene name',
    pattern: NAME_INPUT_PATTERN,
    maxlength: 64,
    'data-testid': 'scene-name',
  });
  const save = el('button', { type: 'button', 'data-testid': 'save-scene' }, 'Save');
  const list = el('ul', { class: 'scenes', 'data-testid': 'scenes' });
  host.append(el('div', { class: 'row' }, name, save), list);
  const refresh = (): void => send({ type: 'list_scenes' });
  save.addEventListener('click', () => {
    if (!name.checkValidity() || name.value === '') {
      name.reportValidity();
      return;
    }
    send({ type: 'save_scene', name: name.value }, { control: save, onReply: refresh });
  });
  store.subscribe((state) => {
    replaceChildren(
      list,
      ...state.scenes.map((scene) => {
        const load = el('button', { type: 'button', class: 'primary' }, 'Load');
        load.addEventListener('click', () => send({ type: 'load_scene', name: scene }, { control: load }));
        // A built-in scene ships with the engine: it loads like any other but cannot be deleted.
        if (state.builtInScenes.includes(scene))
          return el('li', { 'data-scene': scene }, el('span', {}, scene), el('small', {}, 'built-in'), load);
        const remove = el(
          'button',
          { type: 'button', class: 'danger', 'aria-label': `Delete ${scene}` },
          '✕',
        );
        remove.addEventListener('click', () =>
          send({ type: 'delete_scene', name: scene }, { control: remove, onReply: refresh }),
        );
        return el('li', { 'data-scene': scene }, el('span', {}, scene), load, remove);
      }),
    );
    if (state.scenes.length === 0) list.append(el('li', { class: 'empty' }, 'No scenes saved.'));
  });
}
