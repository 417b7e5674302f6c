/** What every panel section gets: the hub link, the state store and the command sender. */
import type { WebSocketService } from '../net/websocket-service';
import type { SendCommand } from './command';
import type { PanelStore } from './panel-store';

export interface PanelContext {
  readonly service: WebSocketService;
  readonly store: PanelStore;
  readonly send: SendCommand;
}
