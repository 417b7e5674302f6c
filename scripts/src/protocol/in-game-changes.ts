/**
 * Tells the :8765 clients what an in-game command changed, so a hub mirrors what was switched in game: the
 * preset, blackout and freeze (`show_state`) and the zones (`zones`, as `get_zones` answers). Changes a client
 * asked for are answered to that client only; echoing them to a hub could undo a newer change of its own.
 */
import type { Control } from '../control';
import type { ProtocolHandler } from './protocol-handler';

export class InGameChanges {
  constructor(
    private readonly control: Control,
    private readonly protocol: ProtocolHandler,
  ) {}

  /** Runs an in-game command (`body`) and tells every client what it changed, if anything. */
  around<T>(body: () => T): T {
    const showBefore = JSON.stringify(this.control.showState());
    const zonesBefore = JSON.stringify(this.control.zoneInfos());
    try {
      return body();
    } finally {
      const show = this.control.showState();
      if (JSON.stringify(show) !== showBefore) this.protocol.tellEveryClient({ type: 'show_state', ...show });
      const zones = this.control.zoneInfos();
      if (JSON.stringify(zones) !== zonesBefore) this.protocol.tellEveryClient({ type: 'zones', zones });
    }
  }
}
