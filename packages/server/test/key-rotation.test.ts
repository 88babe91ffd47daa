import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { DEV_KEY_FILE } from '../src/config-keys.js';
import { keyIdOf, UnknownKeyError } from '../src/crypto.js';
import { KEYS } from '../src/records/keys.js';
import { readUploadRecord } from '../src/records/upload-object.js';
import { resealUploads } from '../src/reseal.js';
import { DAY_MS } from '../src/retention.js';
import { startServer } from '../src/server.js';
import { sweepExpired } from '../src/sweeper.js';
import { grantOver, uploadOver } from './support/client.js';
import { createHarness, type Harness, KEY, ORIGIN } from './support/harness.js';
import { makeReceipt } from './support/receipts.js';

const master = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const [A, B, C, UNKNOWN] = [master(1), master(2), master(3), master(4)];

/** A second server on `h`'s storage with `FR_ENCRYPTION_KEYS=keys` (as before a rotation). */
function serverWithKeys(h: Harness, keys: string): Promise<Harness> {
  const shared = { ...h.storage, close: async () => undefined }; // h closes the storage
  return createHarness({
    open: async () => shared,
    env: { FR_ENCRYPTION_KEY: undefined, FR_ENCRYPTION_KEYS: keys, FR_RETENTION_DAYS: '7' },
  });
}

describe('key rotation', () => {
  let h: Harness;
  beforeEach(async () => {
    // The current key first, the two older ones after it.
    h = await createHarness({
      env: {
        FR_ENCRYPTION_KEY: undefined,
        FR_ENCRYPTION_KEYS: `${C},${B},${A}`,
        FR_RETENTION_DAYS: '7',
      },
    });
  });
  afterEach(async () => {
    await h.close();
  });

  it('objects under three keys and one unknown all expire on time; the unknown one is reported', async () => {
    // One upload sealed by a server on each key, as before and after rotations.
    for (const keys of [A, `${B},${A}`, `${C},${B},${A}`, UNKNOWN]) {
      const other = await serverWithKeys(h, keys);
      // Object times are real file times (the unreadable one expires by them): real clocks.
      other.clock.time = new Date();
      const { token, receipt } = await other.subject(
        makeReceipt({
          consentTimestamp: Math.floor(Date.now() / 1000), // given now: receipts are checked against the clock
          expiresAt: new Date(Date.now() + 30 * DAY_MS).toISOString(),
        }),
      );
      expect((await other.upload({ token, receiptId: receipt.consentReceiptID })).statusCode).toBe(
        201,
      );
      await other.close();
    }
    const uploads = (await h.storage.list(KEYS.uploadsRoot)).map((item) => item.key);
    expect(uploads).toHaveLength(4);
    // Every object names the key that sealed it (the record part starts after 8 bytes).
    const named = new Set<string | null>();
    for (const key of uploads)
      named.add(keyIdOf(((await h.storage.get(key)) ?? new Uint8Array()).subarray(8)));
    expect(named.size).toBe(4);
    expect(named.has(null)).toBe(false);

    h.clock.time = new Date();
    const failures: string[] = [];
    expect(await sweepExpired(h.ctx, (key) => failures.push(key))).toMatchObject({
      expired: 0,
      failed: 1,
    });
    expect(failures).toHaveLength(1);
    expect(await h.storage.list(KEYS.uploadsRoot)).toHaveLength(4);

    h.clock.advance(7 * DAY_MS + 60_000);
    // The unknown key's upload again, and, its upload gone, its subject's record: records are
    // sealed too, so that one is unreadable here as well (it goes later, test/records-sealed).
    expect(await sweepExpired(h.ctx, (key) => failures.push(key))).toMatchObject({
      expired: 4,
      failed: 2,
    });
    expect(await h.storage.list(KEYS.uploadsRoot)).toEqual([]);
    expect(failures.slice(0, 2)).toEqual([failures[0], failures[0]]); // the same upload, twice
    expect(failures[2]).toMatch(/^subjects\/[0-9a-f-]{36}\/subject\.json$/);
  });

  it('reads and replays with an older key, and seals new objects with the current one', async () => {
    const old = await serverWithKeys(h, A);
    const { token, receipt } = await old.subject();
    await old.close();
    // The token minted under key A still works after the rotation to C.
    const first = await h.upload({
      token,
      receiptId: receipt.consentReceiptID,
      idempotencyKey: 'rotated-0001',
    });
    expect(first.statusCode).toBe(201);
    const again = await h.upload({
      token,
      receiptId: receipt.consentReceiptID,
      idempotencyKey: 'rotated-0001',
    });
    expect(again.headers['idempotent-replayed']).toBe('true');
    const [stored] = await h.storage.list(KEYS.uploadsRoot);
    const bytes = (await h.storage.get(stored?.key ?? '')) ?? new Uint8Array();
    expect(keyIdOf(bytes.subarray(8))).toBe(Buffer.from(h.ctx.keys.keyId).toString('hex'));
  });
});

describe('development key', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fr-devkey-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is kept in DATA_DIR, so a restart can read what the first run stored', async () => {
    // No FR_ENCRYPTION_KEY: the development fallback under test.
    const env = {
      DATA_DIR: dir,
      PORT: '0',
      FR_LOG_LEVEL: 'silent',
      FR_PUBLISHABLE_KEYS: KEY,
      FR_ALLOWED_ORIGINS: ORIGIN,
    };
    const run1 = await startServer(loadConfig(env).config);
    const who = await grantOver(run1.url);
    expect((await uploadOver(run1.url, who, 'dev-key-0001')).status).toBe(201);
    await run1.close();
    expect((await readFile(path.join(dir, DEV_KEY_FILE), 'utf8')).trim()).toHaveLength(44);

    const run2 = await startServer(loadConfig(env).config); // a fresh random key, replaced by the kept one
    const exported = await fetch(`${run2.url}/v1/subjects/me/export`, {
      headers: { authorization: `Bearer ${who.token}` },
    });
    expect(exported.status).toBe(200);
    expect(((await exported.json()) as { uploads: unknown[] }).uploads).toHaveLength(1);
    await run2.close();
  });
});

describe('re-seal', () => {
  it('moves every upload to the current key, so the older keys can be dropped', async () => {
    const h = await createHarness({
      env: { FR_ENCRYPTION_KEY: undefined, FR_ENCRYPTION_KEYS: `${C},${A}` },
    });
    const old = await serverWithKeys(h, A);
    const { token, receipt } = await old.subject();
    expect((await old.upload({ token, receiptId: receipt.consentReceiptID })).statusCode).toBe(201);
    await old.close();
    const failures: string[] = [];
    expect(await resealUploads(h.ctx, (key) => failures.push(key))).toEqual({
      resealed: 1,
      current: 0,
      failed: 0,
    });
    expect(await resealUploads(h.ctx)).toMatchObject({ resealed: 0, current: 1 });
    // Only C is needed for the upload now: a server with C alone reads it, one with A alone not.
    const [item] = await h.storage.list(KEYS.uploadsRoot);
    const readWith = async (keys: string) => {
      const server = await serverWithKeys(h, keys);
      try {
        return await readUploadRecord(server.storage, server.ctx.ring.lookup, item?.key ?? '');
      } finally {
        await server.close();
      }
    };
    expect(await readWith(C)).toMatchObject({ subjectId: expect.any(String) });
    await expect(readWith(A)).rejects.toThrow(UnknownKeyError);
    await h.close();
  });
});
