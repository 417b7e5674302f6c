/** Every effect the engine layers on a pattern, by its wire name (docs/protocol.md ":8766 — browser ⇄ hub"). */
import type { EffectName } from '@audioviz/shared-types';
import type { Effect } from './effect';
import bassDrop from './bass-drop';
import blackout from './blackout';
import explode from './explode';
import flash from './flash';
import freeze from './freeze';
import pulse from './pulse';
import spinDown from './spin-down';
import spinUp from './spin-up';
import spiral from './spiral';
import strobe from './strobe';
import wave from './wave';

export type { Effect, EffectMeta, EffectRun } from './effect';

export const EFFECTS: Readonly<Record<EffectName, Effect>> = Object.freeze({
  blackout,
  freeze,
  flash,
  strobe,
  pulse,
  wave,
  spiral,
  explode,
  bass_drop: bassDrop,
  spin_up: spinUp,
  spin_down: spinDown,
});
