// Issue 18 item 2: the retailer API with a secret key: list (paged, filtered), fetch, delete,
// look up and erase a subject by receipt id; every call audited with the key id; rate-limited.
import { API } from '@fittingroom/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness, KEY } from './support/harness.js';
import { LIVE_SK, RETAILER_ENV, retailer, sharedPhoto, shopperExport } from './support/retailer.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ids = (page: { uploads: { uploadId: string }[] }) => page.uploads.map((u) => u.uploadId);

describe('retailer API', () => {
  it('lists shared uploads newest first, paged, by time, product and status', async () => {
    const harness = await createHarness({ env: RETAILER_ENV });
    h = harness;
    const shared = [];
    for (const product of ['ring-1', 'ring-2', 'ring-1']) {
      shared.push(await sharedPhoto(harness, KEY, product));
      harness.clock.advance(60_000);
    }
    const newest = shared.map((s) => s.uploadId).reverse();
    const first = (
      await retailer(harness, LIVE_SK, 'GET', `${API.retailerUploads}?limit=2`)
    ).json();
    expect(ids(first)).toEqual(newest.slice(0, 2));
    const second = (
      await retailer(
        harness,
        LIVE_SK,
        'GET',
        `${API.retailerUploads}?limit=2&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(ids(second)).toEqual(newest.slice(2));
    expect(second.nextCursor).toBeUndefined();

    const byProduct = (
      await retailer(harness, LIVE_SK, 'GET', `${API.retailerUploads}?productId=ring-1`)
    ).json();
    expect(ids(byProduct)).toEqual([shared[2]?.uploadId, shared[0]?.uploadId]);
    const since = new Date(Date.parse(first.uploads[1].storedAt)).toISOString();
    const recent = (
      await retailer(harness, LIVE_SK, 'GET', `${API.retailerUploads}?since=${since}`)
    ).json();
    expect(ids(recent)).toEqual(newest.slice(0, 2));

    // The shopper withdraws the first consent: its upload is listed as withdrawn.
    const target = shared[0];
    if (!target) throw new Error('no upload');
    await harness.app.inject({
      method: 'POST',
      url: API.consents,
      headers: { authorization: `Bearer ${target.token}` },
      payload: {
        kind: 'withdraw',
        receiptId: target.receiptId,
        withdrawnAt: harness.clock.time.toISOString(),
      },
    });
    const withdrawn = (
      await retailer(harness, LIVE_SK, 'GET', `${API.retailerUploads}?status=withdrawn`)
    ).json();
    expect(ids(withdrawn)).toEqual([target.uploadId]);
    expect(
      (await retailer(harness, LIVE_SK, 'GET', `${API.retailerUploads}?cursor=nope`)).statusCode,
    ).toBe(400);
    expect(
      (await retailer(harness, LIVE_SK, 'GET', `${API.retailerUploads}?limit=1000`)).statusCode,
    ).toBe(400);
  });

  it('fetches and deletes one image', async () => {
    const harness = await createHarness({ env: RETAILER_ENV });
    h = harness;
    const photo = await sharedPhoto(harness, KEY);
    const image = await retailer(harness, LIVE_SK, 'GET', API.retailerUploadImage(photo.uploadId));
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(
      (await retailer(harness, LIVE_SK, 'DELETE', API.retailerUpload(photo.uploadId))).statusCode,
    ).toBe(204);
    expect(
      (await retailer(harness, LIVE_SK, 'GET', API.retailerUploadImage(photo.uploadId))).statusCode,
    ).toBe(404);
    expect(
      (await retailer(harness, LIVE_SK, 'DELETE', API.retailerUpload(photo.uploadId))).statusCode,
    ).toBe(204);
    expect(
      (await retailer(harness, LIVE_SK, 'GET', API.retailerUploadImage('../etc'))).statusCode,
    ).toBe(400);
  });

  it('looks a subject up by receipt id and erases it: the shopper then has nothing left', async () => {
    const harness = await createHarness({ env: RETAILER_ENV });
    h = harness;
    const photo = await sharedPhoto(harness, KEY);
    const found = await retailer(harness, LIVE_SK, 'GET', API.retailerSubject(photo.receiptId));
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({
      subjectId: photo.subjectId,
      consents: [{ receiptId: photo.receiptId, status: 'active' }],
      uploads: [{ uploadId: photo.uploadId }],
    });
    const erased = await retailer(harness, LIVE_SK, 'DELETE', API.retailerSubject(photo.receiptId));
    expect(erased.json()).toEqual({
      subjectId: photo.subjectId,
      uploadIds: [photo.uploadId],
      receiptIds: [photo.receiptId],
    });
    expect(await harness.keys()).toEqual([]);
    const exported = await shopperExport(harness, photo.token);
    expect(exported.statusCode).toBe(401); // the token went with the subject
    expect(
      (await retailer(harness, LIVE_SK, 'GET', API.retailerSubject(photo.receiptId))).statusCode,
    ).toBe(404);
    const events = (await harness.storage.readAudit()).map((line) => JSON.parse(line));
    expect(events.filter((e) => e.type.startsWith('retailer_')).map((e) => e.type)).toEqual([
      'retailer_subject_read',
      'retailer_subject_erased',
    ]);
    expect(
      events.filter((e) => e.type.startsWith('retailer_')).every((e) => /^sk_live_/.test(e.keyId)),
    ).toBe(true);
  });

  it('rate-limits each secret key', async () => {
    const harness = await createHarness({
      env: { ...RETAILER_ENV, FR_RATE_LIMIT_PER_SECRET_KEY: '3' },
    });
    h = harness;
    const codes = [];
    for (let i = 0; i < 4; i += 1)
      codes.push((await retailer(harness, LIVE_SK, 'GET', API.retailerUploads)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
  });
});
