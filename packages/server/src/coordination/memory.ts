import type { Coordination } from './types.js';

/**
 * Locks and in-flight counts of one process: correct for one instance, which is what a server
 * without `FR_REDIS_URL` is (and says at start-up). A lock is a promise chain per name, so
 * waiters run in arrival order and an unused name costs nothing.
 */
export function createMemoryCoordination(): Coordination {
  const tails = new Map<string, Promise<unknown>>();
  const flights = new Map<string, { count: number; waiters: (() => void)[] }>();

  return {
    kind: 'memory',
    async withLock(name, work) {
      const before = tails.get(name) ?? Promise.resolve();
      const run = before.then(work, work);
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      tails.set(name, tail);
      try {
        return await run;
      } finally {
        if (tails.get(name) === tail) tails.delete(name);
      }
    },
    async beginFlight(subjectId) {
      const entry = flights.get(subjectId) ?? { count: 0, waiters: [] };
      entry.count += 1;
      flights.set(subjectId, entry);
      let ended = false;
      return async () => {
        if (ended) return;
        ended = true;
        entry.count -= 1;
        if (entry.count > 0) return;
        flights.delete(subjectId);
        for (const wake of entry.waiters) wake();
      };
    },
    settled(subjectId, timeoutMs) {
      const entry = flights.get(subjectId);
      if (!entry) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        entry.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    async close() {},
  };
}
