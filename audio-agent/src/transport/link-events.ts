/** The events both links emit, and a small typed emitter for them. */
import { EventEmitter } from 'node:events';

/** Events of a link (DJRelay, VizClient). */
export interface LinkEvents {
  /** The link is up (for DJRelay: authenticated). */
  connected: [];
  /** The link went down; `code` is the WebSocket close code (1006 when the connection dropped). */
  disconnected: [info: { code: number; reason: string }];
  /** Another attempt is scheduled in `delayMs`; `attempt` counts from 1 since the last success. */
  reconnecting: [info: { attempt: number; delayMs: number }];
  /** The peer refused the credentials; the link will not retry. */
  auth_failed: [info: { reason: string; code?: number }];
  /** The attempt limit was reached; the link has given up. */
  reconnect_failed: [info: { attempts: number }];
  /** Something worth telling the operator that is not a state change (e.g. an invalid message ignored). */
  warning: [message: string];
}

/** An EventEmitter whose `on`/`emit` are checked against an event map. */
export class TypedEmitter<Events extends { [K in keyof Events]: unknown[] }> {
  private readonly emitter = new EventEmitter();

  on<K extends keyof Events & string>(event: K, listener: (...args: Events[K]) => void): this {
    this.emitter.on(event, listener as (...args: unknown[]) => void);
    return this;
  }

  once<K extends keyof Events & string>(event: K, listener: (...args: Events[K]) => void): this {
    this.emitter.once(event, listener as (...args: unknown[]) => void);
    return this;
  }

  off<K extends keyof Events & string>(event: K, listener: (...args: Events[K]) => void): this {
    this.emitter.off(event, listener as (...args: unknown[]) => void);
    return this;
  }

  protected emit<K extends keyof Events & string>(event: K, ...args: Events[K]): void {
    this.emitter.emit(event, ...args);
  }
}
