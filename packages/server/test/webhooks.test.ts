// Issue 18 item 3: signed webhooks against a real receiver on loopback: the helper verifies the
// signature and refuses a changed body or an old timestamp; a receiver down for a while gets
// every event once back, across a restart; an erasure sends subject.erased with the ids.
import { rm } from 'node:fs/promises';
import { API, EVENT_ID_HEADER, SIGNATURE_HEADER } from '@fittingroom/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../src/context.js';
import { openFsStorage } from '../src/storage/fs.js';
import { deliverDue } from '../src/webhooks/deliver.js';
import { nextAttemptAt, RETRY_DELAYS_MS } from '../src/webhooks/schedule.js';
import { verifyWebhook } from '../src/webhooks/verify.js';
import { createHarness, type Harness, KEY, testConfig } from './support/harness.js';
import { startReceiver } from './support/receiver.js';
import { LIVE_SK, RETAILER_ENV, retailer, sharedPhoto, TEST_PK } from './support/retailer.js';

const SECRET = 'whsec_config_0123456789abcdef';
const HOUR = 3_600_000;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const events = (got: { body: string }[]) => got.map((r) => JSON.parse(r.body));

describe('signed webhooks', () => {
  it('signs each delivery; the helper refuses a changed body and an old timestamp', async () => {
    const receiver = await startReceiver();
    const harness = await createHarness({
      env: { ...RETAILER_ENV, FR_WEBHOOK_URLS: `live:${receiver.url}`, FR_WEBHOOK_SECRET: SECRET },
    });
    h = harness;
    const photo = await sharedPhoto(harness, KEY);
    expect(await deliverDue(harness.ctx)).toEqual({ delivered: 1, retried: 0, abandoned: 0 });
    const [delivery] = receiver.got;
    if (!delivery) throw new Error('nothing delivered');
    const header = String(delivery.headers[SIGNATURE_HEADER]);
    const now = harness.clock.time;
    const verdict = verifyWebhook({ body: delivery.body, header, secret: SECRET, now });
    expect(verdict).toMatchObject({ ok: true, event: { type: 'upload.stored' } });
    expect(verdict.ok && verdict.event.id).toBe(delivery.headers[EVENT_ID_HEADER]);
    expect(events(receiver.got)[0].data).toMatchObject({
      uploadId: photo.uploadId,
      subjectId: photo.subjectId,
    });
    const changed = delivery.body.replace(photo.uploadId, photo.receiptId);
    expect(verifyWebhook({ body: changed, header, secret: SECRET, now })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const later = new Date(now.getTime() + 10 * 60_000);
    expect(verifyWebhook({ body: delivery.body, header, secret: SECRET, now: later })).toEqual({
      ok: false,
      reason: 'too_old',
    });
    expect(verifyWebhook({ body: delivery.body, header, secret: 'whsec_other', now })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyWebhook({ body: delivery.body, header: undefined, secret: SECRET, now })).toEqual({
      ok: false,
      reason: 'malformed',
    });
    await receiver.down();
  });

  it('a receiver down for hours gets every event once back, across a restart; erasure carries the ids', async () => {
    const receiver = await startReceiver();
    await receiver.down();
    const env = {
      ...RETAILER_ENV,
      FR_WEBHOOK_URLS: `live:${receiver.url}`,
      FR_WEBHOOK_SECRET: SECRET,
    };
    const first = await createHarness({ env });
    const photo = await sharedPhoto(first, KEY);
    await first.app.inject({
      method: 'POST',
      url: API.consents,
      headers: { authorization: `Bearer ${photo.token}` },
      payload: {
        kind: 'withdraw',
        receiptId: photo.receiptId,
        withdrawnAt: first.clock.time.toISOString(),
      },
    });
    await first.app.inject({
      method: 'DELETE',
      url: API.subject,
      headers: { authorization: `Bearer ${photo.token}` },
    });
    expect(await deliverDue(first.ctx)).toEqual({ delivered: 0, retried: 3, abandoned: 0 });
    first.clock.advance(HOUR);
    expect((await deliverDue(first.ctx)).retried).toBe(3);
    // Restart: a new app, storage and context on the same data; the outbox is all that is left.
    await first.app.close();
    await first.storage.close();
    const storage = await openFsStorage({ dir: first.dataDir });
    first.clock.advance(8 * HOUR);
    const ctx = createContext(testConfig(first.dataDir, env), { storage, now: first.clock.now });
    await receiver.up();
    expect(await deliverDue(ctx)).toEqual({ delivered: 3, retried: 0, abandoned: 0 });
    expect(await deliverDue(ctx)).toEqual({ delivered: 0, retried: 0, abandoned: 0 });
    const got = events(receiver.got);
    expect(got.map((e) => e.type).sort()).toEqual([
      'consent.withdrawn',
      'subject.erased',
      'upload.stored',
    ]);
    expect(new Set(got.map((e) => e.id)).size).toBe(3);
    expect(got.find((e) => e.type === 'subject.erased').data).toEqual({
      subjectId: photo.subjectId,
      uploadIds: [photo.uploadId],
      receiptIds: [photo.receiptId],
      by: 'shopper',
    });
    const audit = (await storage.readAudit()).map((line) => JSON.parse(line).type);
    expect(audit.filter((t) => t === 'webhook_retry')).toHaveLength(6);
    expect(audit.filter((t) => t === 'webhook_delivered')).toHaveLength(3);
    await storage.close();
    await rm(first.dataDir, { recursive: true, force: true });
    await receiver.down();
  });

  it('sends test events only to test endpoints, and registers endpoints through the API', async () => {
    const live = await startReceiver();
    const test = await startReceiver();
    const harness = await createHarness({
      env: {
        ...RETAILER_ENV,
        FR_WEBHOOK_URLS: `live:${live.url},test:${test.url}`,
        FR_WEBHOOK_SECRET: SECRET,
      },
    });
    h = harness;
    await sharedPhoto(harness, TEST_PK);
    await deliverDue(harness.ctx);
    expect(live.got).toEqual([]);
    expect(events(test.got)).toMatchObject([{ type: 'upload.stored', test: true }]);

    const added = await retailer(harness, LIVE_SK, 'POST', API.retailerWebhooks, {
      payload: { url: live.url.replace('fittingroom', 'second'), events: ['subject.erased'] },
    });
    expect(added.statusCode).toBe(201);
    const { id, secret } = added.json();
    const ping = await retailer(harness, LIVE_SK, 'POST', API.retailerWebhookTest(id));
    expect(ping.json().endpoint).toMatchObject({
      pending: 0,
      lastDeliveryAt: harness.clock.time.toISOString(),
    });
    const pinged = live.got.at(-1);
    expect(
      verifyWebhook({
        body: pinged?.body ?? '',
        header: String(pinged?.headers[SIGNATURE_HEADER]),
        secret,
        now: harness.clock.time,
      }).ok,
    ).toBe(true);
    const listed = (await retailer(harness, LIVE_SK, 'GET', API.retailerWebhooks)).json();
    expect(listed.endpoints.map((e: { source: string }) => e.source)).toEqual(['config', 'api']);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect((await retailer(harness, LIVE_SK, 'DELETE', API.retailerWebhook(id))).statusCode).toBe(
      204,
    );
    await live.down();
    await test.down();
  });

  it('retries for at least 24 hours, then gives up', () => {
    expect(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(24 * HOUR);
    const at = new Date(0);
    expect(nextAttemptAt(1, at)?.getTime()).toBe(RETRY_DELAYS_MS[0]);
    expect(nextAttemptAt(RETRY_DELAYS_MS.length + 1, at)).toBeNull();
  });
});
