/**
 * The bounded inbound queue of the :8765 socket (docs/protocol.md ":8765 — hub or agent ⇄ Minecraft": a queue of 1000 messages,
 * oldest dropped when full, a warning when it nears capacity, drained once per server tick"). A ring
 * buffer: `push` never blocks and never grows it; a full queue drops its oldest message and counts it.
 */
import { PLUGIN_QUEUE_CAPACITY, PLUGIN_QUEUE_WARN_FRACTION } from '@audioviz/shared-types';

/**
 * Characters held at most across all waiting messages (16 Mi UTF-16 units, 32 MB): 1000 frames of the
 * 256 KB the socket allows would otherwise pin 256 MB. Past it, the oldest messages are dropped too.
 */
export const QUEUE_MAX_CHARS = 16 * 1024 * 1024;

/** Shortest gap between two "queue nearly full" warnings, ms: a flood must not become a log flood. */
export const QUEUE_WARNING_INTERVAL_MS = 10_000;

export interface QueueOptions {
  /** Messages held at most; default 1000, at least 1. */
  readonly capacity?: number;
  /** Characters held at most across all messages; default `QUEUE_MAX_CHARS`. */
  readonly maxChars?: number;
  /** Milliseconds, for rate-limiting the warning. */
  readonly now: () => number;
  /** Called at most once per `QUEUE_WARNING_INTERVAL_MS` while the queue is past 80 % full. */
  readonly warn: (message: string) => void;
}

export class MessageQueue {
  readonly capacity: number;
  private readonly clients: string[];
  private readonly texts: string[];
  private head = 0;
  private size = 0;
  private chars = 0;
  private readonly maxChars: number;
  private dropped = 0;
  private lastWarningAt = -Infinity;
  private readonly warnAt: number;

  constructor(private readonly options: QueueOptions) {
    const requested = options.capacity ?? PLUGIN_QUEUE_CAPACITY;
    this.capacity = Number.isInteger(requested) && requested >= 1 ? requested : PLUGIN_QUEUE_CAPACITY;
    this.clients = new Array<string>(this.capacity).fill('');
    this.texts = new Array<string>(this.capacity).fill('');
    this.warnAt = Math.ceil(this.capacity * PLUGIN_QUEUE_WARN_FRACTION);
    this.maxChars = options.maxChars ?? QUEUE_MAX_CHARS;
  }

  /** Messages waiting. */
  get length(): number {
    return this.size;
  }

  /** Messages dropped because the queue was full, since the engine started. */
  get droppedCount(): number {
    return this.dropped;
  }

  /** Adds one raw frame; when full, the oldest waiting frame is dropped to make room. */
  push(clientId: string, text: string): void {
    while (this.size > 0 && (this.size === this.capacity || this.chars + text.length > this.maxChars)) {
      this.dropOldest();
    }
    const tail = (this.head + this.size) % this.capacity;
    this.clients[tail] = clientId;
    this.texts[tail] = text;
    this.chars += text.length;
    this.size++;
    if (this.size >= this.warnAt) this.maybeWarn();
  }

  /**
   * Hands the waiting messages to `consume` in arrival order, each removed before it is handed over. When
   * `consume` returns false the drain stops there and the rest waits, in order, for the next drain.
   */
  drain(consume: (clientId: string, text: string) => boolean): void {
    // Only what was waiting when the drain began: a message enqueued by `consume` waits for the next tick.
    let n = this.size;
    while (n-- > 0) {
      const clientId = this.clients[this.head]!;
      const text = this.texts[this.head]!;
      this.texts[this.head] = ''; // let the text be collected
      this.head = (this.head + 1) % this.capacity;
      this.size--;
      this.chars -= text.length;
      if (!consume(clientId, text)) return;
    }
  }

  private dropOldest(): void {
    this.chars -= this.texts[this.head]!.length;
    this.texts[this.head] = '';
    this.head = (this.head + 1) % this.capacity;
    this.size--;
    this.dropped++;
  }

  private maybeWarn(): void {
    const now = this.options.now();
    if (now - this.lastWarningAt < QUEUE_WARNING_INTERVAL_MS) return;
    this.lastWarningAt = now;
    this.options.warn(
      `The :8765 inbound queue is ${this.size}/${this.capacity} full (${this.dropped} dropped so far): ` +
        'a client sends faster than the server ticks; lower its send rate or raise the queue capacity.',
    );
  }
}
