import { createStore, del, get, promisifyRequest, type UseStore, update } from 'idb-keyval';
import { databaseExists } from '../storage/idb.js';
import type { ConsentRecord } from './types.js';

/** Where consent records live. The log is append-only; `clear` is for the shopper's erase. */
export interface ConsentStore {
  /** Every stored item in order (unvalidated: the caller checks it). Never creates storage. */
  load(): Promise<unknown[]>;
  /** Appends a record; the first append creates the storage. */
  append(record: ConsentRecord): Promise<void>;
  /** Deletes every record. */
  clear(): Promise<void>;
}

/** Options of {@link idbConsentStore}. */
export interface IdbConsentStoreOptions {
  /** IndexedDB database name (default `fittingroom-consent`). */
  readonly dbName?: string;
  /** Object store name (default `records`). */
  readonly storeName?: string;
  /** The IndexedDB factory (default `globalThis.indexedDB`, read when first needed). */
  readonly indexedDB?: IDBFactory;
}

const LOG_KEY = 'log';

/**
 * Consent records in IndexedDB via idb-keyval. The database gets its own name because
 * idb-keyval keeps one object store per database. Nothing is opened until needed, and a load
 * before the first write only asks whether the database exists (opening would create it,
 * which already counts as writing storage before consent).
 */
export function idbConsentStore(options: IdbConsentStoreOptions = {}): ConsentStore {
  const dbName = options.dbName ?? 'fittingroom-consent';
  const storeName = options.storeName ?? 'records';
  let store: UseStore | null = null;
  const factory = (): IDBFactory | undefined => options.indexedDB ?? globalThis.indexedDB;
  const open = (): UseStore => {
    store ??= options.indexedDB
      ? storeOn(options.indexedDB, dbName, storeName)
      : createStore(dbName, storeName);
    return store;
  };
  return {
    async load() {
      const idb = factory();
      if (!idb) return [];
      if (store === null && !(await databaseExists(idb, dbName))) return [];
      const log = await get<unknown>(LOG_KEY, open());
      return Array.isArray(log) ? log : [];
    },
    async append(record) {
      await update<unknown>(LOG_KEY, (old) => [...(Array.isArray(old) ? old : []), record], open());
    },
    async clear() {
      const idb = factory();
      if (!idb || (store === null && !(await databaseExists(idb, dbName)))) return;
      await del(LOG_KEY, open());
    },
  };
}

/** idb-keyval's `createStore` on a given IndexedDB factory (it only knows the global one). */
function storeOn(idb: IDBFactory, dbName: string, storeName: string): UseStore {
  let db: Promise<IDBDatabase> | null = null;
  const getDb = () => {
    if (db) return db;
    const request = idb.open(dbName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    db = promisifyRequest(request);
    return db;
  };
  return (mode, callback) =>
    getDb().then((d) => callback(d.transaction(storeName, mode).objectStore(storeName)));
}

/** A store in memory, for tests and for pages that must not persist anything. */
export function memoryConsentStore(initial: readonly unknown[] = []): ConsentStore & {
  /** What is stored now (a copy). */
  readonly items: () => unknown[];
} {
  let log = [...initial];
  return {
    load: async () => [...log],
    append: async (record) => {
      log = [...log, record];
    },
    clear: async () => {
      log = [];
    },
    items: () => [...log],
  };
}
