// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RetryEvent } from '../../src/upload/retry-loop.js';
import { nextDelay } from '../../src/upload/retry-policy.js';
import { createDevice, type Device, PUBLISHABLE_KEY, pngBlob } from './support/harness.js';
import { type IngestServer, startIngestServer } from './support/ingest-server.js';

const meta = { productId: 'ring-42', capturedAt: '2025-06-01T11:59:00.000Z' };
let server: IngestServer;
let device: Device;

beforeEach(async () => {
  device = createDevice();
  server = await startIngestServer({ now: device.clock.now });
  device.consent.grant();
});
afterEach(() => server.close());

/** How many uploads the server keeps. */
const kept = async () => (await server.stored()).length;

/** Keys sent on every upload request, in order. */
const uploadKeys = () => server.seen('POST', '/v1/uploads').map((r) => r.idempotencyKey);

async function queuedCount(): Promise<number> {
  const keys = await device.store().keys();
  return keys.filter((k) => k.startsWith('item:')).length;
}

describe('upload against a loopback ingest server', () => {
  it('registers the receipt once, then uploads with key, bearer and idempotency key', async () => {
    const client = device.client(server.endpoint);
    const progress: number[] = [];
    const first = client.upload(pngBlob(4096), meta);
    first.on('progress', (p) => progress.push(p.loaded / p.total));
    const outcome = await first.start();
    expect(outcome.status).toBe('success');
    expect(progress.at(-1)).toBe(1);
    const second = await client.upload(pngBlob(2048, 9), meta).start();
    expect(second.status).toBe('success');

    const consents = server.seen('POST', '/v1/consents');
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({
      publishableKey: PUBLISHABLE_KEY,
      authorization: undefined,
    });
    const token = server.tokens()[0];
    const uploads = server.seen('POST', '/v1/uploads');
    expect(uploads.map((r) => r.authorization)).toEqual([`Bearer ${token}`, `Bearer ${token}`]);
    expect(new Set(uploadKeys()).size).toBe(2);
    expect(server.requests.every((r) => r.cookie === undefined)).toBe(true);
    expect(await kept()).toBe(2);
    const uploadId = outcome.status === 'success' ? outcome.result.uploadId : '';
    const stored = (await server.stored()).find((u) => u.uploadId === uploadId);
    expect(stored).toMatchObject({ ...meta, consentReceiptId: device.consent.view.record?.id });
    expect(await server.image(uploadId)).toEqual(new Uint8Array(await pngBlob(4096).arrayBuffer()));
    expect(await queuedCount()).toBe(0);
    await client.close();
  });

  it('500 then 500 then 201: stored once, same idempotency key, backoff delays', async () => {
    server.faults.uploads.push({ status: 500 }, { status: 502 });
    const client = device.client(server.endpoint);
    const upload = client.upload(pngBlob(), meta);
    const retries: RetryEvent[] = [];
    upload.on('retry', (e) => retries.push(e));
    const outcome = await upload.start();
    expect(outcome.status).toBe('success');
    expect(uploadKeys()).toEqual([
      upload.idempotencyKey,
      upload.idempotencyKey,
      upload.idempotencyKey,
    ]);
    expect(await kept()).toBe(1);
    const policy = { baseMs: 1000, maxMs: 30_000, jitter: 0.5, random: () => 0.5 };
    expect(device.delays).toEqual([nextDelay(1, policy), nextDelay(2, policy)]);
    expect(retries.map((r) => r.reason)).toEqual(['server', 'server']);
    await client.close();
  });

  it('500 forever: kept queued after the budget, then sent exactly once when the server recovers', async () => {
    server.faults.uploads.push(...Array.from({ length: 5 }, () => ({ status: 500 })));
    const client = device.client(server.endpoint);
    const upload = client.upload(pngBlob(), meta);
    let queued = 0;
    upload.on('queued', () => {
      queued += 1;
    });
    const outcome = await upload.start();
    expect(outcome.status).toBe('queued');
    expect(queued).toBe(1);
    expect(uploadKeys()).toHaveLength(5);
    expect(await kept()).toBe(0);
    expect(await queuedCount()).toBe(1);

    const summary = await client.resumeQueued();
    expect(summary).toMatchObject({ remaining: 0, failed: [] });
    expect(summary.sent).toHaveLength(1);
    expect(uploadKeys()).toEqual(Array.from({ length: 6 }, () => upload.idempotencyKey));
    expect(await kept()).toBe(1);
    expect(await queuedCount()).toBe(0);
    await client.close();
  });

  it('honours Retry-After on 429 (seconds and HTTP-date, against the injected clock)', async () => {
    const at = new Date(device.clock.now().getTime() + 30_000).toUTCString();
    server.faults.uploads.push(
      {
        status: 429,
        headers: { 'Retry-After': '7' },
        body: { error: { code: 'rate_limited', message: 'slow' } },
      },
      { status: 503, headers: { 'Retry-After': at } },
    );
    const client = device.client(server.endpoint);
    const outcome = await client.upload(pngBlob(), meta).start();
    expect(outcome.status).toBe('success');
    expect(device.delays).toEqual([7000, 23_000]); // the clock moved 7 s during the first wait
    expect(await kept()).toBe(1);
    await client.close();
  });

  it('connection dropped mid-upload: retried with the same key, stored once', async () => {
    server.faults.uploads.push('drop-mid-body');
    const client = device.client(server.endpoint);
    const upload = client.upload(pngBlob(512 * 1024), meta);
    const retries: RetryEvent[] = [];
    upload.on('retry', (e) => retries.push(e));
    expect((await upload.start()).status).toBe('success');
    expect(retries.map((r) => r.reason)).toEqual(['network']);
    expect(uploadKeys()).toEqual([upload.idempotencyKey, upload.idempotencyKey]);
    expect(await kept()).toBe(1);
    await client.close();
  });

  it('answer lost after the server stored it: the replay returns the same upload, nothing duplicated', async () => {
    server.faults.uploads.push('drop-after-store');
    const client = device.client(server.endpoint);
    const upload = client.upload(pngBlob(), meta);
    const outcome = await upload.start();
    expect(outcome.status).toBe('success');
    expect(await kept()).toBe(1);
    const [stored] = await server.stored();
    expect(outcome.status === 'success' && outcome.result.uploadId).toBe(stored?.uploadId);
    await client.close();
  });

  it.each([
    [400, 'invalid_metadata'],
    [413, 'payload_too_large'],
    [403, 'consent_scope'],
  ] as const)(
    'never retries a %i: one request, typed error, item leaves the queue',
    async (status, code) => {
      server.faults.uploads.push({ status, body: { error: { code, message: 'no' } } });
      const client = device.client(server.endpoint);
      const outcome = await client.upload(pngBlob(), meta).start();
      expect(outcome.status).toBe('error');
      expect(outcome.status === 'error' && outcome.error).toMatchObject({
        code: 'rejected',
        status,
        apiCode: code,
      });
      expect(uploadKeys()).toHaveLength(1);
      expect(device.delays).toEqual([]);
      expect(await queuedCount()).toBe(0);
      await client.close();
    },
  );

  it('concurrent first uploads register once and share one subject', async () => {
    const client = device.client(server.endpoint);
    const outcomes = await Promise.all([
      client.upload(pngBlob(100, 1), meta).start(),
      client.upload(pngBlob(100, 2), meta).start(),
      client.upload(pngBlob(100, 3), meta).start(),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['success', 'success', 'success']);
    expect(server.seen('POST', '/v1/consents')).toHaveLength(1);
    expect(await server.subjects()).toHaveLength(1);
    expect(await kept()).toBe(3);
    await client.close();
  });

  it('re-registers once when the server no longer knows the receipt, or the subject', async () => {
    const client = device.client(server.endpoint);
    expect((await client.upload(pngBlob(), meta).start()).status).toBe('success');
    // The server lost the receipt (its answer says so): the device registers it again.
    server.faults.uploads.push({
      status: 403,
      body: { error: { code: 'consent_missing', message: 'unknown receipt' } },
    });
    expect((await client.upload(pngBlob(200, 2), meta).start()).status).toBe('success');
    expect(server.seen('POST', '/v1/consents')).toHaveLength(2);
    expect(await server.subjects()).toHaveLength(1);
    // ... and now the subject is gone (the retailer erased it on request): 401 invalid_token.
    await server.eraseByReceipt(device.consent.view.record?.id ?? '');
    expect((await client.upload(pngBlob(200, 3), meta).start()).status).toBe('success');
    expect(server.seen('POST', '/v1/consents').at(-1)?.authorization).toBeUndefined();
    expect(await server.subjects()).toHaveLength(1);
    expect(server.tokens()).toHaveLength(2);
    expect(await kept()).toBe(1); // the erasure took the first two
    expect(device.delays).toEqual([]);
    await client.close();
  });

  it('a malformed 2xx answer is a typed invalid_response error, not a crash', async () => {
    server.faults.uploads.push('malformed');
    const client = device.client(server.endpoint);
    const outcome = await client.upload(pngBlob(), meta).start();
    expect(outcome.status === 'error' && outcome.error.code).toBe('invalid_response');
    await client.close();
  });

  it('offline: queued without retry loops, then sent on the `online` event', async () => {
    let online = false;
    const events = new EventTarget();
    server.faults.uploads.push('drop-mid-body');
    const client = device.client(server.endpoint, { isOnline: () => online, events });
    const upload = client.upload(pngBlob(), meta);
    expect((await upload.start()).status).toBe('queued');
    expect(device.delays).toEqual([]);
    online = true;
    events.dispatchEvent(new Event('online'));
    await client.whenIdle();
    expect(await kept()).toBe(1);
    expect(uploadKeys()).toEqual([upload.idempotencyKey, upload.idempotencyKey]);
    expect(await queuedCount()).toBe(0);
    await client.close();
  });
});

describe('page reload with a queued upload', () => {
  it('a new client over the same device resumes on creation and sends exactly once', async () => {
    server.faults.uploads.push(...Array.from({ length: 5 }, () => 'drop-mid-body' as const));
    const first = device.client(server.endpoint);
    const upload = first.upload(pngBlob(), meta);
    expect((await upload.start()).status).toBe('queued');
    await first.close();

    const second = device.client(server.endpoint); // "next page load"
    await second.whenIdle();
    expect(await kept()).toBe(1);
    expect(new Set(uploadKeys())).toEqual(new Set([upload.idempotencyKey]));
    expect(server.seen('POST', '/v1/consents')).toHaveLength(1);
    expect(await queuedCount()).toBe(0);

    const third = device.client(server.endpoint); // and nothing is sent again after that
    await third.whenIdle();
    expect(uploadKeys()).toHaveLength(6);
    await Promise.all([second.close(), third.close()]);
  });

  it('a page closed while the answer was lost: the reload replays and nothing is duplicated', async () => {
    server.faults.uploads.push('drop-after-store');
    const first = device.client(server.endpoint, { isOnline: () => false });
    const upload = first.upload(pngBlob(), meta);
    expect((await upload.start()).status).toBe('queued');
    expect(await kept()).toBe(1); // stored, but the client never heard back
    await first.close();

    const second = device.client(server.endpoint);
    const resumed: number[] = [];
    second.on('resumed', (s) => resumed.push(s.sent.length));
    await second.whenIdle();
    expect(resumed).toEqual([1]);
    expect(await kept()).toBe(1);
    expect(uploadKeys()).toEqual([upload.idempotencyKey, upload.idempotencyKey]);
    expect(await queuedCount()).toBe(0);
    await second.close();
  });

  it('the registration is also resumed if the page closed before the consent reached the server', async () => {
    server.faults.consents.push('drop-mid-body');
    const first = device.client(server.endpoint, { isOnline: () => false });
    expect((await first.upload(pngBlob(), meta).start()).status).toBe('queued');
    expect(await server.receipts()).toHaveLength(0);
    await first.close();
    const second = device.client(server.endpoint);
    await second.whenIdle();
    expect(await server.receipts()).toHaveLength(1);
    expect(await kept()).toBe(1);
    await second.close();
  });
});
