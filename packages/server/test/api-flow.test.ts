import {
  API,
  ApiErrorSchema,
  ConsentAckSchema,
  PUBLISHABLE_KEY_HEADER,
  SubjectExportSchema,
  UploadResultSchema,
} from '@fittingroom/protocol';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../src/retention.js';
import { sweepExpired } from '../src/sweeper.js';
import { bothAdapters } from './support/adapters.js';
import { createHarness, type Harness, KEY, ORIGIN } from './support/harness.js';
import { fixture, IMAGES } from './support/images.js';
import { makeReceipt } from './support/receipts.js';

const adapters = bothAdapters();

/** Every stored byte, concatenated: to prove tokens and plaintext images are never kept. */
async function allStoredBytes(h: Harness): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for (const key of await h.keys()) parts.push((await h.storage.get(key)) ?? new Uint8Array());
  return Buffer.concat(parts);
}

describe.each(adapters)('API lifecycle on the $name adapter', (adapter) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ open: adapter.open });
  });
  afterEach(async () => {
    await h.close();
  });
  const auth = (token: string) => ({ authorization: `Bearer ${token}`, origin: ORIGIN });

  it('answers GET /healthz', async () => {
    const res = await h.app.inject({ method: 'GET', url: API.health });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('grants, uploads, replays, exports, serves the image, deletes and erases', async () => {
    // Grant: a new subject and its token, shown once; only a keyed hash is stored.
    const { res: granted, receipt } = await h.grant();
    expect(granted.statusCode).toBe(201);
    const ack = v.parse(ConsentAckSchema, granted.json());
    expect(ack).toMatchObject({ receiptId: receipt.consentReceiptID, status: 'active' });
    const token = ack.subjectToken ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Upload: 201, expiry 30 days after storage, the image encrypted at rest.
    const image = fixture(IMAGES.jpeg.file);
    const upload = await h.upload({
      token,
      receiptId: receipt.consentReceiptID,
      image,
      idempotencyKey: 'capture-0001',
    });
    expect(upload.statusCode).toBe(201);
    const result = v.parse(UploadResultSchema, upload.json());
    expect(result).toMatchObject({ subjectId: ack.subjectId, subjectToken: token });
    expect(Date.parse(result.expiresAt) - h.clock.time.getTime()).toBe(30 * DAY_MS);
    const stored = await allStoredBytes(h);
    expect(stored.includes(Buffer.from(image.subarray(0, 64)))).toBe(false);
    expect(stored.includes(Buffer.from(token))).toBe(false);

    // Same key, same body: the first result again, nothing new stored.
    const keysBefore = await h.keys();
    const replay = await h.upload({
      token,
      receiptId: receipt.consentReceiptID,
      image,
      idempotencyKey: 'capture-0001',
    });
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(result);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await h.keys()).toEqual(keysBefore);

    // Same key, another body: refused, nothing stored.
    const conflict = await h.upload({
      token,
      receiptId: receipt.consentReceiptID,
      image: fixture(IMAGES.png.file),
      idempotencyKey: 'capture-0001',
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('idempotency_conflict');
    expect(await h.keys()).toEqual(keysBefore);

    // A second receipt attaches to the same subject; no new token is shown.
    const second = await h.grant({ token, receipt: makeReceipt({ purposes: ['camera'] }) });
    expect(second.res.statusCode).toBe(201);
    expect(second.res.json()).toEqual({
      receiptId: second.receipt.consentReceiptID,
      subjectId: ack.subjectId,
      status: 'active',
    });

    // Export: every consent and upload, with a link that returns the image.
    const exported = await h.app.inject({
      method: 'GET',
      url: API.subjectExport,
      headers: auth(token),
    });
    expect(exported.statusCode).toBe(200);
    const copy = v.parse(SubjectExportSchema, exported.json());
    expect(copy.subjectId).toBe(ack.subjectId);
    expect(copy.consents.map((c) => c.receipt.consentReceiptID).sort()).toEqual(
      [receipt.consentReceiptID, second.receipt.consentReceiptID].sort(),
    );
    expect(copy.uploads).toHaveLength(1);
    expect(copy.uploads[0]).toMatchObject({
      uploadId: result.uploadId,
      productId: 'ring-42',
      contentType: 'image/jpeg',
      bytes: image.byteLength,
      imageUrl: API.uploadImage(result.uploadId),
    });
    const link = copy.uploads[0]?.imageUrl ?? '';
    const served = await h.app.inject({ method: 'GET', url: link, headers: auth(token) });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['cache-control']).toBe('no-store');
    expect(new Uint8Array(served.rawPayload)).toEqual(image);

    // Delete one upload: 204, idempotent, gone from the export.
    for (let i = 0; i < 2; i += 1) {
      const deleted = await h.app.inject({
        method: 'DELETE',
        url: API.upload(result.uploadId),
        headers: auth(token),
      });
      expect(deleted.statusCode).toBe(204);
    }
    expect(
      (await h.app.inject({ method: 'GET', url: link, headers: auth(token) })).statusCode,
    ).toBe(404);
    expect((await h.keys()).some((key) => key.startsWith('uploads/'))).toBe(false);

    // Erase: 204 twice; the token no longer works; storage holds nothing of the subject.
    await h.upload({ token, receiptId: receipt.consentReceiptID, idempotencyKey: 'capture-0002' });
    for (let i = 0; i < 2; i += 1) {
      const erased = await h.app.inject({
        method: 'DELETE',
        url: API.subject,
        headers: auth(token),
      });
      expect(erased.statusCode).toBe(204);
    }
    const after = await h.app.inject({
      method: 'GET',
      url: API.subjectExport,
      headers: auth(token),
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('invalid_token');
    expect(await h.keys()).toEqual([]);

    // The audit log has every step, and no raw IP, token or image bytes.
    const lines = await adapter.readAudit(h.dataDir, h.storage);
    const events = lines.map((line) => JSON.parse(line) as { type: string; ipHash?: string });
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'consent_granted',
        'upload_stored',
        'subject_exported',
        'image_exported',
        'upload_deleted',
        'subject_erased',
      ]),
    );
    expect(events.filter((e) => e.type === 'upload_stored')).toHaveLength(2);
    const log = lines.join('\n');
    expect(log).not.toContain('127.0.0.1');
    expect(log).not.toContain(token);
    expect(log.length).toBeLessThan(image.byteLength);
    expect(events.every((e) => e.ipHash === undefined || /^[0-9a-f]{32}$/.test(e.ipHash))).toBe(
      true,
    );
  });

  it('withdraws a consent: later uploads citing it are refused and nothing is stored', async () => {
    const { token, receipt } = await h.subject();
    const withdraw = await h.app.inject({
      method: 'POST',
      url: API.consents,
      headers: auth(token),
      payload: {
        kind: 'withdraw',
        receiptId: receipt.consentReceiptID,
        withdrawnAt: h.clock.time.toISOString(),
      },
    });
    expect(withdraw.statusCode).toBe(200);
    expect(withdraw.json()).toMatchObject({
      receiptId: receipt.consentReceiptID,
      status: 'withdrawn',
    });
    const keys = await h.keys();
    const refused = await h.upload({ token, receiptId: receipt.consentReceiptID });
    expect(refused.statusCode).toBe(403);
    expect(v.parse(ApiErrorSchema, refused.json()).error.code).toBe('consent_withdrawn');
    expect(await h.keys()).toEqual(keys);

    const exported = await h.app.inject({
      method: 'GET',
      url: API.subjectExport,
      headers: auth(token),
    });
    expect(exported.json().consents[0]).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: h.clock.time.toISOString(),
    });
  });

  it('expires uploads after the retention period (injected clock) and audits it', async () => {
    const { token, receipt } = await h.subject();
    const res = await h.upload({ token, receiptId: receipt.consentReceiptID });
    const { uploadId } = v.parse(UploadResultSchema, res.json());

    h.clock.advance(30 * DAY_MS - 1);
    expect(await sweepExpired(h.ctx)).toMatchObject({ expired: 0 });
    // One object per upload: record and encrypted image together.
    expect((await h.keys()).filter((key) => key.includes(uploadId))).toHaveLength(1);

    h.clock.advance(1);
    expect(await sweepExpired(h.ctx)).toMatchObject({ expired: 1 });
    expect((await h.keys()).filter((key) => key.includes(uploadId))).toEqual([]);
    const events = (await adapter.readAudit(h.dataDir, h.storage)).map((line) => JSON.parse(line));
    expect(events).toContainEqual(expect.objectContaining({ type: 'upload_expired', uploadId }));
  });

  it('sets no cookie on any answer', async () => {
    const { token, receipt } = await h.subject();
    const answers = [
      await h.app.inject({ method: 'GET', url: API.health }),
      await h.upload({ token, receiptId: receipt.consentReceiptID }),
      await h.app.inject({ method: 'GET', url: API.subjectExport, headers: auth(token) }),
      await h.app.inject({
        method: 'POST',
        url: API.consents,
        headers: { [PUBLISHABLE_KEY_HEADER]: KEY },
        payload: '{',
      }),
    ];
    for (const answer of answers) expect(answer.headers['set-cookie']).toBeUndefined();
  });
});
