/** Holds the panel's state, folds hub messages into it and tells the views when it changed. */
import type { InboundMessage } from '../net/websocket-service';
import { applyHubMessage, INITIAL_PANEL_STATE, type PanelState } from './panel-state';

export class PanelStore {
  private current: PanelState = INITIAL_PANEL_STATE;
  private readonly listeners = new Set<(state: PanelState) => void>();

  get state(): PanelState {
    return this.current;
  }

  /** Calls `listener` now and after every change. */
  subscribe(listener: (state: PanelState) => void): void {
    this.listeners.add(listener);
    listener(this.current);
  }

  /** Folds one hub message in. */
  receive(message: InboundMessage): void {
    this.replace(applyHubMessage(this.current, message));
  }

  /** Applies a change the hub confirmed in a reply that does not carry the new value itself (an `ack`). */
  confirm(change: Partial<PanelState>): void {
    this.replace({ ...this.current, ...change });
  }

  private replace(next: PanelState): void {
    if (next === this.current) return;
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }
}
