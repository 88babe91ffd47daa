/** A typed listener. */
export type Listener<T> = (payload: T) => void;

/** Minimal typed event emitter: `on` returns its own unsubscribe function. */
export interface Emitter<M> {
  on<K extends keyof M>(type: K, listener: Listener<M[K]>): () => void;
  emit<K extends keyof M>(type: K, payload: M[K]): void;
  /** Removes every listener. */
  clear(): void;
}

/** Creates an emitter; a throwing listener is reported asynchronously and does not stop others. */
export function createEmitter<M>(): Emitter<M> {
  const listeners = new Map<keyof M, Set<Listener<never>>>();
  return {
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      set.add(listener as Listener<never>);
      listeners.set(type, set);
      return () => {
        set.delete(listener as Listener<never>);
      };
    },
    emit(type, payload) {
      for (const listener of [...(listeners.get(type) ?? [])]) {
        try {
          (listener as Listener<M[typeof type]>)(payload);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
    clear: () => listeners.clear(),
  };
}
