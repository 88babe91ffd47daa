import * as v from 'valibot';
import type { KeyValueStore } from './kv-store.js';
import { decodePayload, encodePayload, type QueuedPayload } from './payload.js';

/** A queued upload, decrypted. */
export interface QueuedUpload {
  readonly id: string;
  /** Sent as `Idempotency-Key` on every attempt, across reloads: the server stores it once. */
  readonly idempotencyKey: string;
  readonly createdAt: string;
  /** Attempts made so far, across sessions. */
  readonly attempts: number;
  readonly payload: QueuedPayload;
}

/** What {@link UploadQueue.list} found. */
export interface QueueListing {
  readonly items: readonly QueuedUpload[];
  /** Items that could not be decrypted or parsed; they were deleted (they can never be sent). */
  readonly dropped: number;
}

/**
 * Persistent queue of uploads waiting to be sent, encrypted at rest with a non-extractable
 * AES-GCM key that never leaves the device's IndexedDB.
 */
export interface UploadQueue {
  /**
   * Encrypts and stores a new item. If `signal` has aborted by the time the ciphertext is ready,
   * nothing is written (so a purge that started meanwhile can never be outlived by this item).
   */
  add(item: Omit<QueuedUpload, 'attempts'>, signal?: AbortSignal): Promise<QueuedUpload>;
  /** Decrypts every item, oldest first. Does not create storage when none exists. */
  list(): Promise<QueueListing>;
  /** Records how many attempts an item has had (never re-creates a removed item). */
  setAttempts(id: string, attempts: number): Promise<void>;
  remove(id: string): Promise<void>;
  /** Deletes every item and the key. */
  purge(): Promise<void>;
}

/** Key of the AES-GCM key in the store. */
export const KEY_ENTRY = 'key';
/** Prefix of item keys in the store. */
export const ITEM_PREFIX = 'item:';

/** An item as stored: everything sensitive is inside `ciphertext`. */
const StoredItemSchema = v.object({
  id: v.string(),
  idempotencyKey: v.string(),
  createdAt: v.string(),
  attempts: v.pipe(v.number(), v.integer(), v.minValue(0)),
  iv: v.custom<Uint8Array<ArrayBuffer>>((x) => x instanceof Uint8Array),
  ciphertext: v.instance(ArrayBuffer),
});
type StoredItem = v.InferOutput<typeof StoredItemSchema>;

/** Options of {@link createUploadQueue}. */
export interface UploadQueueOptions {
  readonly store: KeyValueStore;
  /** WebCrypto; defaults to `globalThis.crypto`. */
  readonly crypto?: Crypto;
}

/** Creates the encrypted queue over `store` (shared with the subject store, distinct keys). */
export function createUploadQueue(options: UploadQueueOptions): UploadQueue {
  const { store } = options;
  const webCrypto = options.crypto ?? globalThis.crypto;
  let key: Promise<CryptoKey> | undefined;

  const getKey = (): Promise<CryptoKey> => {
    key ??= loadOrCreateKey(store, webCrypto).catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  };
  const readItem = async (name: string): Promise<StoredItem | null> => {
    const parsed = v.safeParse(StoredItemSchema, await store.get(name));
    return parsed.success ? parsed.output : null;
  };

  return {
    async add(item, signal) {
      const iv = webCrypto.getRandomValues(new Uint8Array(12));
      const ciphertext = await webCrypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: itemAad(item.id, item.idempotencyKey) },
        await getKey(),
        encodePayload(item.payload),
      );
      const stored: StoredItem = {
        id: item.id,
        idempotencyKey: item.idempotencyKey,
        createdAt: item.createdAt,
        attempts: 0,
        iv,
        ciphertext,
      };
      signal?.throwIfAborted();
      await store.set(ITEM_PREFIX + item.id, stored);
      return { ...item, attempts: 0 };
    },

    async list() {
      if (!(await store.exists())) return { items: [], dropped: 0 };
      const names = (await store.keys()).filter((name) => name.startsWith(ITEM_PREFIX));
      const items: QueuedUpload[] = [];
      let dropped = 0;
      for (const name of names) {
        const decrypted = await decryptItem(await readItem(name), store, webCrypto);
        if (decrypted) items.push(decrypted);
        else {
          dropped += 1;
          await store.del(name);
        }
      }
      items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return { items, dropped };
    },

    setAttempts: (id, attempts) =>
      store.update(ITEM_PREFIX + id, (old) => {
        const parsed = v.safeParse(StoredItemSchema, old);
        return parsed.success ? { ...parsed.output, attempts } : undefined;
      }),

    remove: (id) => store.del(ITEM_PREFIX + id),

    async purge() {
      key = undefined;
      if (!(await store.exists())) return;
      const names = (await store.keys()).filter(
        (name) => name === KEY_ENTRY || name.startsWith(ITEM_PREFIX),
      );
      await Promise.all(names.map((name) => store.del(name)));
    },
  };
}

/** Reads the stored key, or generates a non-extractable one (first writer wins across tabs). */
async function loadOrCreateKey(store: KeyValueStore, webCrypto: Crypto): Promise<CryptoKey> {
  const existing = await store.get(KEY_ENTRY);
  if (isCryptoKey(existing)) return existing;
  const fresh = await webCrypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const stored = await store.setIfAbsent(KEY_ENTRY, fresh);
  if (!isCryptoKey(stored)) throw new Error('stored queue key is not a CryptoKey');
  return stored;
}

/** Decrypts a stored item; null when it is missing, malformed or does not authenticate. */
async function decryptItem(
  stored: StoredItem | null,
  store: KeyValueStore,
  webCrypto: Crypto,
): Promise<QueuedUpload | null> {
  if (!stored) return null;
  const key = await store.get(KEY_ENTRY);
  if (!isCryptoKey(key)) return null;
  try {
    const plain = await webCrypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: stored.iv,
        additionalData: itemAad(stored.id, stored.idempotencyKey),
      },
      key,
      stored.ciphertext,
    );
    const { iv: _iv, ciphertext: _c, ...rest } = stored;
    return { ...rest, payload: decodePayload(new Uint8Array(plain)) };
  } catch {
    return null;
  }
}

/** Binds a ciphertext to its item id and idempotency key, so records cannot be swapped. */
function itemAad(id: string, idempotencyKey: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`fittingroom-upload\n${id}\n${idempotencyKey}`);
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return (
    typeof value === 'object' &&
    value !== null &&
    'algorithm' in value &&
    'usages' in value &&
    'extractable' in value
  );
}
