/** A typed, synchronous event channel: the store publishes on these and the servers subscribe. */
export type Listener<T> = (payload: T) => void;

/** What to do with an exception a listener threw; the default rethrows it outside the emitter. */
export type ListenerErrorHandler = (error: unknown) => void;

const rethrowLater: ListenerErrorHandler = (error) =>
  queueMicrotask(() => {
    throw error;
  });

export class Signal<T> {
  private readonly listeners = new Set<Listener<T>>();

  constructor(private readonly onError: ListenerErrorHandler = rethrowLater) {}

  /** Subscribes; returns the function that unsubscribes. */
  on(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls every listener in subscription order; one listener's exception does not starve the others. */
  emit(payload: T): void {
    for (const listener of this.listeners) {
      try {
        listener(payload);
      } catch (err) {
        this.onError(err);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
