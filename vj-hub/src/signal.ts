/** A typed, synchronous event channel: the store publishes on these and the servers subscribe. */
export type Listener<T> = (payload: T) => void;

export class Signal<T> {
  private readonly listeners = new Set<Listener<T>>();

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
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
