import { clear, del, get, keys, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { databaseExists } from '../storage/idb.js';
import { UploadError } from './errors.js';

/**
 * The small async key-value store the queue and the subject token live in. Operations run one at
 * a time, in call order, so a purge can never be overtaken by a write that started before it.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Replaces the value of `key` with `updater(old)` in one transaction; `undefined` deletes it. */
  update(key: string, updater: (old: unknown) => unknown): Promise<void>;
  /** Stores `value` only if `key` is empty; resolves with whichever value is now stored. */
  setIfAbsent(key: string, value: unknown): Promise<unknown>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
  clear(): Promise<void>;
  /** True when the backing storage already exists. Never creates it. */
  exists(): Promise<boolean>;
  /** Deletes the storage itself (not just its contents), leaving no trace on the device. */
  destroy(): Promise<void>;
  /** Closes the connection; a later operation reopens it. */
  close(): void;
}

/** Options of {@link createIdbStore}. */
export interface IdbStoreOptions {
  readonly dbName?: string;
  readonly storeName?: string;
  /** Defaults to the global `indexedDB` (tests pass a fake-indexeddb `IDBFactory`). */
  readonly indexedDB?: IDBFactory;
}

/** Default database of the upload client: its own, never shared with the host page. */
export const UPLOAD_DB_NAME = 'fittingroom-uploads';

/**
 * An idb-keyval store in a database of the SDK's own. Nothing is opened (so nothing is created)
 * until the first read or write; `exists()` checks without creating.
 */
export function createIdbStore(options: IdbStoreOptions = {}): KeyValueStore {
  const dbName = options.dbName ?? UPLOAD_DB_NAME;
  const storeName = options.storeName ?? 'queue';
  const factory = (): IDBFactory => {
    const idb = options.indexedDB ?? globalThis.indexedDB;
    if (!idb) throw new UploadError('storage', 'IndexedDB is not available');
    return idb;
  };
  let db: Promise<IDBDatabase> | undefined;
  let tail: Promise<unknown> = Promise.resolve();

  const open = (): Promise<IDBDatabase> => {
    if (db) return db;
    const request = factory().open(dbName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    const opened = promisifyRequest(request).then((conn) => {
      // Let another tab's deleteDatabase (erasure) proceed instead of blocking on us.
      conn.onversionchange = () => forget(conn);
      conn.onclose = () => forget(conn);
      return conn;
    });
    db = opened;
    opened.catch(() => {
      if (db === opened) db = undefined;
    });
    return opened;
  };
  const forget = (conn: IDBDatabase) => {
    conn.close();
    db = undefined;
  };
  const use: UseStore = (mode, callback) =>
    open().then((conn) => callback(conn.transaction(storeName, mode).objectStore(storeName)));

  /** Runs `op` after every earlier operation settled; storage failures become typed errors. */
  const serial = <T>(op: () => Promise<T>): Promise<T> => {
    const run = tail.then(op).catch((error: unknown) => {
      throw error instanceof UploadError
        ? error
        : new UploadError('storage', 'device storage failed', { cause: error });
    });
    tail = run.catch(() => undefined);
    return run;
  };

  const closeNow = async () => {
    const current = db;
    db = undefined;
    if (current) (await current.catch(() => null))?.close();
  };

  return {
    get: (key) => serial(() => get<unknown>(key, use)),
    set: (key, value) => serial(() => set(key, value, use)),
    update: (key, updater) =>
      serial(() =>
        use('readwrite', (store) => {
          const read = store.get(key);
          read.onsuccess = () => {
            const next = updater(read.result);
            if (next === undefined) store.delete(key);
            else store.put(next, key);
          };
          return promisifyRequest(store.transaction);
        }),
      ),
    setIfAbsent: (key, value) =>
      serial(async () => {
        await use('readwrite', (store) => {
          const read = store.get(key);
          read.onsuccess = () => {
            if (read.result === undefined) store.put(value, key);
          };
          return promisifyRequest(store.transaction);
        });
        return get<unknown>(key, use);
      }),
    del: (key) => serial(() => del(key, use)),
    keys: () => serial(async () => (await keys(use)).map(String)),
    clear: () => serial(() => clear(use)),
    exists: () => serial(() => (db ? Promise.resolve(true) : databaseExists(factory(), dbName))),
    destroy: () =>
      serial(async () => {
        await closeNow();
        await promisifyRequest(factory().deleteDatabase(dbName));
      }),
    close: () => {
      void serial(closeNow);
    },
  };
}
