/**
 * Matches replies to requests by `_seq` (docs/protocol.md "Conventions": a reply echoes its request's `_seq`),
 * with a timeout per request on an injected clock.
 */
import type { Clock, TimerHandle } from '@audioviz/shared-types';

/** Why a request failed. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly reason: 'error_reply' | 'timeout' | 'closed',
  ) {
    super(message);
  }
}

/** A reply: any message with a string `type` (an `error` reply carries `message`). */
export interface Reply {
  readonly type: string;
  readonly [field: string]: unknown;
}

interface Pending {
  resolve(reply: Reply): void;
  reject(error: RequestError): void;
  timer: TimerHandle;
}

export class PendingRequests {
  private readonly pending = new Map<number, Pending>();
  private nextSeq = 1;

  /** @param timeoutMs how long a request waits for its reply, ms */
  constructor(
    private readonly clock: Clock,
    private readonly timeoutMs: number,
  ) {}

  /** Requests waiting for a reply. */
  get size(): number {
    return this.pending.size;
  }

  /** Registers a request named `what` (for messages); returns its `_seq` and the promise of its reply. */
  add(what: string): { seq: number; reply: Promise<Reply> } {
    const seq = this.nextSeq++;
    const reply = new Promise<Reply>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        this.pending.delete(seq);
        reject(new RequestError(`No reply from the hub to ${what}; check the connection.`, 'timeout'));
      }, this.timeoutMs);
      this.pending.set(seq, { resolve, reject, timer });
    });
    return { seq, reply };
  }

  /** Settles the request `seq` with `reply` (an `error` rejects it); unknown seqs are ignored. */
  settle(seq: number, reply: Reply): void {
    const request = this.pending.get(seq);
    if (request === undefined) return;
    this.pending.delete(seq);
    this.clock.clearTimeout(request.timer);
    if (reply.type === 'error') {
      const text = typeof reply['message'] === 'string' ? reply['message'] : 'The hub refused the command.';
      request.reject(new RequestError(text, 'error_reply'));
    } else request.resolve(reply);
  }

  /** Fails every waiting request (the link was closed for good). */
  rejectAll(): void {
    for (const request of this.pending.values()) {
      this.clock.clearTimeout(request.timer);
      request.reject(new RequestError('The connection was closed before the hub replied.', 'closed'));
    }
    this.pending.clear();
  }
}
