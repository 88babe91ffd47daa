/** A typed listener. */
export type Listener<T> = (payload: T) => void;

/** The SDK's one typed event emitter: `on` returns its own unsubscribe function. */
export interface Emitter<Events> {
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void;
  emit<K extends keyof Events>(event: K, payload: Events[K]): void;
  /** Removes every listener. */
  clear(): void;
}

/** Options of {@link createEmitter}. */
export interface EmitterOptions {
  /**
   * Where a listener's exception goes. It never stops the other listeners (withdrawal must
   * reach the camera even when, say, an upload listener throws). Default: rethrown in a
   * microtask, so it reaches the page's error reporting without breaking the emit.
   */
  readonly onListenerError?: (error: unknown) => void;
}

function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

/** Creates an {@link Emitter}; listeners run in the order they subscribed. */
export function createEmitter<Events>(options: EmitterOptions = {}): Emitter<Events> {
  const onListenerError = options.onListenerError ?? rethrowLater;
  const listeners = new Map<keyof Events, Set<Listener<never>>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as Listener<never>);
      listeners.set(event, set);
      return () => {
        set.delete(listener as Listener<never>);
      };
    },
    emit(event, payload) {
      // A copy: a listener that subscribes or unsubscribes while running changes the next emit.
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          (listener as Listener<typeof payload>)(payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    clear: () => listeners.clear(),
  };
}
