// Issue 18 item 1: keys with a mode. Secret keys only from servers, publishable keys only for
// ingest, test data apart from live data and gone after 24 hours, two keys valid at once.
import { API, PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { DAY_MS } from '../src/retention.js';
import { sweepExpired } from '../src/sweeper.js';
import { createHarness, type Harness, KEY, ORIGIN, testConfig } from './support/harness.js';
import {
  LIVE_SK,
  LIVE_SK_2,
  RETAILER_ENV,
  retailer,
  sharedPhoto,
  shopperExport,
  TEST_PK,
  TEST_SK,
} from './support/retailer.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('keys with a mode', () => {
  it('refuses a secret key sent from a browser Origin, even an allowed one', async () => {
    h = await createHarness({ env: RETAILER_ENV });
    const res = await retailer(h, LIVE_SK, 'GET', API.retailerUploads, {
      headers: { origin: ORIGIN },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect((await retailer(h, LIVE_SK, 'GET', API.retailerUploads)).statusCode).toBe(200);
  });

  it('refuses a publishable key on the retailer API and a secret key for ingest', async () => {
    h = await createHarness({ env: RETAILER_ENV });
    for (const key of [KEY, TEST_PK, 'sk_live_not_configured_00000']) {
      const res = await retailer(h, key, 'GET', API.retailerUploads);
      expect(res.statusCode, key).toBe(401);
      expect(res.json().error.code).toBe('invalid_key');
    }
    const { res } = await h.grant({ headers: { [PUBLISHABLE_KEY_HEADER]: LIVE_SK } });
    expect(res.statusCode).toBe(401);
  });

  it('keeps test data apart: never listed with live data, marked test, erased after 24 h', async () => {
    h = await createHarness({ env: RETAILER_ENV });
    const live = await sharedPhoto(h, KEY);
    const test = await sharedPhoto(h, TEST_PK);
    const liveList = (await retailer(h, LIVE_SK, 'GET', API.retailerUploads)).json();
    const testList = (await retailer(h, TEST_SK, 'GET', API.retailerUploads)).json();
    expect(liveList.uploads.map((u: { uploadId: string }) => u.uploadId)).toEqual([live.uploadId]);
    expect(testList.uploads.map((u: { uploadId: string }) => u.uploadId)).toEqual([test.uploadId]);
    expect(testList.uploads[0].test).toBe(true);
    expect(liveList.uploads[0].test).toBeUndefined();
    // Neither mode reaches the other's uploads or subjects.
    expect(
      (await retailer(h, LIVE_SK, 'GET', API.retailerUploadImage(test.uploadId))).statusCode,
    ).toBe(404);
    expect(
      (await retailer(h, TEST_SK, 'GET', API.retailerSubject(live.receiptId))).statusCode,
    ).toBe(404);

    const exported = await shopperExport(h, test.token);
    expect(exported.json().test).toBe(true);
    // A test subject cannot take live uploads, nor a live one test uploads.
    const mixed = await h.upload({ token: test.token, receiptId: test.receiptId });
    expect(mixed.statusCode).toBe(403);

    h.clock.advance(DAY_MS - 1);
    await sweepExpired(h.ctx);
    expect((await retailer(h, TEST_SK, 'GET', API.retailerUploads)).json().uploads).toHaveLength(1);
    h.clock.advance(1);
    await sweepExpired(h.ctx);
    expect((await retailer(h, TEST_SK, 'GET', API.retailerUploads)).json().uploads).toEqual([]);
    expect(await h.keys()).not.toContainEqual(expect.stringContaining(test.subjectId));
    // Live data is kept its full retention period.
    expect((await retailer(h, LIVE_SK, 'GET', API.retailerUploads)).json().uploads).toHaveLength(1);
  });

  it('marks acks and upload results of a test key', async () => {
    h = await createHarness({ env: RETAILER_ENV });
    const { res } = await h.grant({ headers: { [PUBLISHABLE_KEY_HEADER]: TEST_PK } });
    expect(res.json().test).toBe(true);
    const live = await h.grant();
    expect(live.res.json().test).toBeUndefined();
  });

  it('revoking one of two secret keys keeps the other working (rotation)', async () => {
    h = await createHarness({ env: RETAILER_ENV });
    expect((await retailer(h, LIVE_SK, 'GET', API.retailerUploads)).statusCode).toBe(200);
    expect((await retailer(h, LIVE_SK_2, 'GET', API.retailerUploads)).statusCode).toBe(200);
    // The same data, restarted with the first key removed from FR_LIVE_KEYS.
    const rotated = await buildApp(testConfig(h.dataDir, { FR_LIVE_KEYS: LIVE_SK_2 }), {
      storage: h.storage,
      now: h.clock.now,
    });
    const call = (key: string) =>
      rotated.inject({
        method: 'GET',
        url: API.retailerUploads,
        headers: { authorization: `Bearer ${key}` },
      });
    expect((await call(LIVE_SK)).statusCode).toBe(401);
    expect((await call(LIVE_SK_2)).statusCode).toBe(200);
    await rotated.close();
  });

  it('names the key id, never the key, in audit lines', async () => {
    h = await createHarness({ env: RETAILER_ENV });
    await retailer(h, LIVE_SK, 'GET', API.retailerUploads);
    const lines = await h.storage.readAudit();
    const listed = lines
      .map((l) => JSON.parse(l))
      .find((e) => e.type === 'retailer_uploads_listed');
    expect(listed.keyId).toMatch(/^sk_live_[0-9a-f]{12}$/);
    expect(lines.join('\n')).not.toContain(LIVE_SK);
  });

  it('tells the try-on its key mode from the configuration, not the name (GET /v1/key)', async () => {
    // The harness's KEY (pk_test_shop0001) is live: FR_PUBLISHABLE_KEYS means live, whatever the name.
    h = await createHarness({ env: RETAILER_ENV });
    const ask = (key: string | undefined) =>
      h!.app.inject({
        method: 'GET',
        url: API.key,
        headers: { origin: ORIGIN, ...(key ? { [PUBLISHABLE_KEY_HEADER]: key } : {}) },
      });
    expect((await ask(TEST_PK)).json()).toEqual({ mode: 'test', test: true });
    expect(KEY.startsWith('pk_test_')).toBe(true);
    expect((await ask(KEY)).json()).toEqual({ mode: 'live' });
    for (const key of [undefined, 'pk_test_unknown_0', TEST_SK]) {
      const res = await ask(key);
      expect(res.statusCode, String(key)).toBe(401);
    }
    const refused = await h.app.inject({
      method: 'GET',
      url: API.key,
      headers: { origin: 'https://elsewhere.example', [PUBLISHABLE_KEY_HEADER]: TEST_PK },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('checks each key against its mode, and defaults to test keys in development', () => {
    const bad = (env: Record<string, string>): string => {
      try {
        loadConfig(env);
      } catch (error) {
        if (error instanceof ConfigError) return error.variable;
      }
      return 'none';
    };
    expect(bad({ FR_LIVE_KEYS: 'pk_test_abcdefgh' })).toBe('FR_LIVE_KEYS');
    expect(bad({ FR_TEST_KEYS: 'sk_test_short' })).toBe('FR_TEST_KEYS');
    expect(bad({ NODE_ENV: 'production', FR_ALLOWED_ORIGINS: ORIGIN })).toBe('FR_PUBLISHABLE_KEYS');
    const { config } = loadConfig({}, () => new Uint8Array(32));
    expect(config.retailer.keys.map((k) => [k.kind, k.mode])).toEqual([
      ['publishable', 'test'],
      ['secret', 'test'],
    ]);
  });
});
