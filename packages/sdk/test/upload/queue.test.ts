// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { databaseExists } from '../../src/storage/idb.js';
import { createIdbStore } from '../../src/upload/kv-store.js';
import type { QueuedPayload } from '../../src/upload/payload.js';
import { createUploadQueue, ITEM_PREFIX, KEY_ENTRY } from '../../src/upload/queue.js';
import { createSubjectStore } from '../../src/upload/subject-store.js';
import { createFakeConsent } from './support/fake-consent.js';
import { databaseNames, testClock } from './support/harness.js';

/** A distinctive 256-byte "image" that cannot appear in ciphertext by chance. */
const IMAGE = new Uint8Array(256).map((_, i) => (i * 7 + 3) % 256);
const PRODUCT = 'secret-product-id-xyz';

function payload(): QueuedPayload {
  const clock = testClock();
  const consent = createFakeConsent(clock.now);
  consent.grant();
  const receipt = consent.view.receipt();
  if (!receipt) throw new Error('no receipt');
  return {
    metadata: {
      consentReceiptId: receipt.consentReceiptID,
      policyVersion: receipt.policyVersion,
      productId: PRODUCT,
      capturedAt: clock.now().toISOString(),
    },
    receipt,
    contentType: 'image/png',
    image: IMAGE.slice(),
  };
}

function setup(idb = new IDBFactory()) {
  const store = createIdbStore({ indexedDB: idb });
  return { idb, store, queue: createUploadQueue({ store }) };
}

const item = (id = crypto.randomUUID()) => ({
  id,
  idempotencyKey: crypto.randomUUID(),
  createdAt: new Date().toISOString(),
  payload: payload(),
});

/** True when `needle` occurs in `haystack` as a contiguous byte run. */
function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

describe('encrypted upload queue', () => {
  it('creates no database until something is added', async () => {
    const { idb, store, queue } = setup();
    expect(await queue.list()).toEqual({ items: [], dropped: 0 });
    await queue.purge();
    expect(await store.exists()).toBe(false);
    expect(await databaseNames(idb)).toEqual([]);
    await queue.add(item());
    expect(await databaseNames(idb)).toEqual(['fittingroom-uploads']);
  });

  it('round-trips an item, also from a fresh instance ("next page load")', async () => {
    const { idb, queue } = setup();
    const added = item();
    await queue.add(added);
    const reloaded = setup(idb).queue;
    const { items } = await reloaded.list();
    expect(items).toEqual([{ ...added, attempts: 0 }]);
  });

  it('stores no plaintext: neither image bytes nor metadata appear at rest', async () => {
    const { store, queue } = setup();
    const added = item();
    await queue.add(added);
    const raw = await store.get(ITEM_PREFIX + added.id);
    const record = raw as { ciphertext: ArrayBuffer; iv: Uint8Array };
    const cipher = new Uint8Array(record.ciphertext);
    expect(containsBytes(cipher, IMAGE.subarray(0, 32))).toBe(false);
    expect(containsBytes(cipher, new TextEncoder().encode(PRODUCT))).toBe(false);
    expect(record.iv.byteLength).toBe(12);
    expect(Object.keys(raw as object).sort()).toEqual(
      ['attempts', 'ciphertext', 'createdAt', 'id', 'idempotencyKey', 'iv'].sort(),
    );
  });

  it('keeps a non-extractable AES-GCM key that cannot be exported', async () => {
    const { store, queue } = setup();
    await queue.add(item());
    const key = (await store.get(KEY_ENTRY)) as CryptoKey;
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('drops an item whose ciphertext was tampered with, and one moved to another key', async () => {
    const { store, queue } = setup();
    const a = item();
    const b = item();
    await queue.add(a);
    await queue.add(b);
    const rawA = (await store.get(ITEM_PREFIX + a.id)) as { ciphertext: ArrayBuffer };
    const flipped = new Uint8Array(rawA.ciphertext.slice(0));
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    await store.set(ITEM_PREFIX + a.id, { ...rawA, ciphertext: flipped.buffer });
    // Swapping idempotency keys must not authenticate (AAD binds them to the ciphertext).
    const rawB = (await store.get(ITEM_PREFIX + b.id)) as object;
    await store.set(ITEM_PREFIX + b.id, { ...rawB, idempotencyKey: crypto.randomUUID() });
    expect(await queue.list()).toEqual({ items: [], dropped: 2 });
    expect(await store.keys()).toEqual([KEY_ENTRY]);
  });

  it('counts attempts but never re-creates a removed item', async () => {
    const { queue } = setup();
    const added = item();
    await queue.add(added);
    await queue.setAttempts(added.id, 3);
    expect((await queue.list()).items[0]?.attempts).toBe(3);
    await queue.remove(added.id);
    await queue.setAttempts(added.id, 4);
    expect((await queue.list()).items).toEqual([]);
  });

  it('writes nothing when the signal aborts while encrypting', async () => {
    const { store, queue } = setup();
    await queue.add(item()); // the database now exists
    const controller = new AbortController();
    const pending = queue.add(item(), controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect((await store.keys()).filter((k) => k.startsWith(ITEM_PREFIX))).toHaveLength(1);
  });

  it('purge removes items and the key but keeps the subject record', async () => {
    const { store, queue } = setup();
    const subject = createSubjectStore(store);
    await queue.add(item());
    await subject.setToken('tok');
    await queue.purge();
    expect(await store.keys()).toEqual(['subject']);
    expect((await subject.read())?.token).toBe('tok');
    // A new item after a purge gets a new key and still decrypts.
    await queue.add(item());
    expect((await queue.list()).items).toHaveLength(1);
  });

  it('subject forget deletes the whole database', async () => {
    const { idb, store } = setup();
    const subject = createSubjectStore(store);
    await subject.setToken('tok');
    await subject.markRegistered('r1');
    await subject.markRegistered('r1');
    expect(await subject.read()).toEqual({ token: 'tok', registered: ['r1'] });
    await subject.forget();
    expect(await databaseNames(idb)).toEqual([]);
    expect(await subject.read()).toBeNull();
  });
});

describe('databaseExists without indexedDB.databases()', () => {
  it('answers without leaving a database behind', async () => {
    const idb = new IDBFactory();
    const legacy = Object.create(idb, { databases: { value: undefined } }) as IDBFactory;
    expect(await databaseExists(legacy, 'fittingroom-uploads')).toBe(false);
    expect(await databaseNames(idb)).toEqual([]);
    await createIdbStore({ indexedDB: idb }).set('x', 1);
    expect(await databaseExists(legacy, 'fittingroom-uploads')).toBe(true);
  });
});
