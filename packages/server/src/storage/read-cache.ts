/**
 * Small objects the filesystem adapter has read, kept so the records every upload needs (token
 * index, subject, receipt index, consent) cost no disk read after the first. Correct only
 * because one process owns a data folder and every change goes through the adapter, which calls
 * {@link ReadCache.forget} before and after it: a withdrawal or erasure is seen at once.
 */
export interface ReadCache {
  /** The cached bytes of `key` (a copy the caller may keep), or undefined. */
  get(key: string): Uint8Array | undefined;
  /**
   * Notes that a disk read of `key` starts. Call the returned function with what it read (null
   * when nothing): it keeps the bytes only if nothing changed `key` while the read was going on.
   */
  begin(key: string): (bytes: Uint8Array | null) => void;
  /** Drops `key`, and voids every read of it still in flight. */
  forget(key: string): void;
}

/** Limits of {@link createReadCache}. */
export interface ReadCacheLimits {
  /** Objects kept at most; the least recently used goes first. */
  readonly entries: number;
  /** Bigger objects (images) are never kept. */
  readonly objectBytes: number;
}

/** A least-recently-used cache of small objects, off when `limits.entries` is 0. */
export function createReadCache(limits: ReadCacheLimits): ReadCache {
  const entries = new Map<string, Uint8Array>(); // insertion order = recency
  const reads = new Map<string, object>();
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit === undefined) return undefined;
      entries.delete(key);
      entries.set(key, hit);
      return new Uint8Array(hit); // a copy: a caller changing it must not change the cache
    },
    begin(key) {
      const ticket = {};
      reads.set(key, ticket);
      return (bytes) => {
        if (reads.get(key) !== ticket) return; // changed (or read again) meanwhile
        reads.delete(key);
        if (bytes === null || bytes.byteLength > limits.objectBytes || limits.entries === 0) return;
        // A compact copy: the read buffer may be a view into a bigger allocation.
        entries.set(key, new Uint8Array(bytes));
        if (entries.size > limits.entries) {
          const oldest = entries.keys().next();
          if (!oldest.done) entries.delete(oldest.value);
        }
      };
    },
    forget(key) {
      entries.delete(key);
      reads.delete(key);
    },
  };
}
