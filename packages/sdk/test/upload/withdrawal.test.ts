// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UploadError } from '../../src/upload/errors.js';
import { createDevice, type Device, databaseNames, pngBlob } from './support/harness.js';
import { type IngestServer, startIngestServer } from './support/ingest-server.js';

const meta = { productId: 'watch-7', capturedAt: '2025-06-01T11:59:00.000Z' };
let server: IngestServer;
let device: Device;

beforeEach(async () => {
  device = createDevice();
  server = await startIngestServer({ now: device.clock.now });
});
afterEach(() => server.close());

const count = (method: string, path: string) => server.seen(method, path).length;
/** How many uploads the server keeps. */
const kept = async () => (await server.stored()).length;

describe('withdrawal', () => {
  it('purges the queue, withdraws, erases on the server, forgets the token, refuses later uploads', async () => {
    const grant = device.consent.grant();
    const client = device.client(server.endpoint);
    expect((await client.upload(pngBlob(), meta).start()).status).toBe('success');
    server.faults.uploads.push(...Array.from({ length: 5 }, () => 'drop-mid-body' as const));
    expect((await client.upload(pngBlob(300, 3), meta).start()).status).toBe('queued');
    const token = server.tokens()[0];
    const erased: unknown[] = [];
    client.on('erased', (e) => erased.push(e));

    device.consent.withdraw();
    await client.whenIdle();

    expect(await databaseNames(device.idb)).toEqual([]); // queue, key and token all gone
    expect(server.seen('POST', '/v1/consents').at(-1)?.body).toMatchObject({
      kind: 'withdraw',
      receiptId: grant.id,
    });
    const deletes = server.seen('DELETE', '/v1/subjects/me');
    expect(deletes.map((r) => r.authorization)).toEqual([`Bearer ${token}`]);
    expect(await kept()).toBe(0);
    expect(await server.subjects()).toHaveLength(0);
    expect(erased).toEqual([
      { receiptIds: [grant.id], withdrawnAt: device.consent.view.record?.timestamp },
    ]);

    const before = server.requests.length;
    expect(await client.exportMyData()).toBeNull();
    const refused = await client.upload(pngBlob(), meta).start();
    expect(refused.status === 'error' && refused.error.code).toBe('consent_withdrawn');
    expect(server.requests.length).toBe(before);
    expect(await databaseNames(device.idb)).toEqual([]);
    await client.close();
  });

  it('aborts an upload in flight; nothing of it is stored on either side', async () => {
    device.consent.grant();
    const client = device.client(server.endpoint);
    expect((await client.upload(pngBlob(), meta).start()).status).toBe('success');
    server.faults.uploads.push('hang');
    const held = new Promise<void>((resolve) => {
      server.hanging = () => resolve();
    });
    const upload = client.upload(pngBlob(700, 5), meta);
    const errors: UploadError[] = [];
    upload.on('error', (e) => errors.push(e));
    const pending = upload.start();
    await held; // the request has reached the server and is waiting for its answer
    device.consent.withdraw();
    const outcome = await pending;
    await client.whenIdle();
    expect(outcome.status === 'error' && outcome.error.code).toBe('consent_withdrawn');
    expect(errors.map((e) => e.code)).toEqual(['consent_withdrawn']);
    expect(await kept()).toBe(0);
    expect(count('DELETE', '/v1/subjects/me')).toBe(1);
    expect(await databaseNames(device.idb)).toEqual([]);
    await client.close();
  });

  it('without any upload ever made, withdrawal sends nothing and creates no storage', async () => {
    device.consent.grant();
    const client = device.client(server.endpoint);
    device.consent.withdraw();
    await client.whenIdle();
    expect(server.requests).toEqual([]);
    expect(await databaseNames(device.idb)).toEqual([]);
    await client.close();
  });

  it('offline at withdrawal: queue purged at once, erasure kept pending and finished on `online`', async () => {
    device.consent.grant();
    let online = true;
    const events = new EventTarget();
    const client = device.client(server.endpoint, { isOnline: () => online, events });
    expect((await client.upload(pngBlob(), meta).start()).status).toBe('success');
    server.faults.uploads.push('drop-mid-body');
    online = false;
    expect((await client.upload(pngBlob(300, 4), meta).start()).status).toBe('queued');
    server.faults.consents.push('drop-mid-body');
    const pending: UploadError[] = [];
    client.on('erasure-pending', (e) => pending.push(e));

    device.consent.withdraw();
    await client.whenIdle();
    expect(pending.map((e) => e.code)).toEqual(['network']);
    const keys = await device.store().keys();
    expect(keys).toEqual(['subject']); // no image, no key: only what erasure still needs
    expect(await server.subjects()).toHaveLength(1);

    online = true;
    events.dispatchEvent(new Event('online'));
    await client.whenIdle();
    expect(await server.subjects()).toHaveLength(0);
    expect(await kept()).toBe(0);
    expect(await databaseNames(device.idb)).toEqual([]);
    await client.close();
  });

  it('purges at once even while an earlier erasure is still waiting to retry', async () => {
    device.consent.grant();
    let online = true;
    let sleeping = () => {};
    const asleep = new Promise<void>((resolve) => {
      sleeping = resolve;
    });
    const client = device.client(server.endpoint, {
      isOnline: () => online,
      // Never wakes up by itself: the erasure stays parked in its backoff.
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          sleeping();
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    });
    expect((await client.upload(pngBlob(), meta).start()).status).toBe('success');
    server.faults.subject.push({ status: 503 });
    const erasing = client.eraseMyData();
    await asleep;
    online = false;
    server.faults.uploads.push('drop-mid-body');
    expect((await client.upload(pngBlob(300, 6), meta).start()).status).toBe('queued');
    expect((await device.store().keys()).some((k) => k.startsWith('item:'))).toBe(true);

    device.consent.withdraw();
    // The earlier erasure is still parked, yet the queued image goes.
    await vi.waitFor(async () => {
      expect((await device.store().keys()).some((k) => k.startsWith('item:'))).toBe(false);
    });
    await client.close();
    await expect(erasing).rejects.toMatchObject({ code: 'aborted' });
  });

  it('a withdrawal made while no client was running is honoured on the next page load', async () => {
    device.consent.grant();
    const first = device.client(server.endpoint);
    expect((await first.upload(pngBlob(), meta).start()).status).toBe('success');
    await first.close();
    device.consent.withdraw(); // no upload client listening

    const second = device.client(server.endpoint);
    await second.whenIdle();
    expect(count('DELETE', '/v1/subjects/me')).toBe(1);
    expect(server.seen('POST', '/v1/consents').at(-1)?.body).toMatchObject({ kind: 'withdraw' });
    expect(await kept()).toBe(0);
    expect(await databaseNames(device.idb)).toEqual([]);
    await second.close();
  });

  it('after the retailer erased the subject, the export is empty (null), not an error', async () => {
    device.consent.grant();
    const client = device.client(server.endpoint);
    expect((await client.upload(pngBlob(), meta).start()).status).toBe('success');
    expect((await client.exportMyData())?.uploads).toHaveLength(1);
    await server.eraseByReceipt(device.consent.view.record?.id ?? '');
    expect(await client.exportMyData()).toBeNull();
    await client.close();
  });

  it('a server that already forgot the subject (401) still lets the device forget it', async () => {
    device.consent.grant();
    const client = device.client(server.endpoint);
    expect((await client.upload(pngBlob(), meta).start()).status).toBe('success');
    await server.eraseByReceipt(device.consent.view.record?.id ?? '');
    device.consent.withdraw();
    await client.whenIdle();
    expect(await databaseNames(device.idb)).toEqual([]);
    await client.close();
  });
});

describe('export and erasure on request', () => {
  it('exports the data with the bearer token, fetches the image, then erases everything', async () => {
    device.consent.grant();
    const client = device.client(server.endpoint);
    const image = pngBlob(2000, 11);
    expect((await client.upload(image, meta).start()).status).toBe('success');

    const copy = await client.exportMyData();
    expect(copy?.uploads).toHaveLength(1);
    const link = copy?.uploads[0]?.imageUrl ?? '';
    const blob = await client.fetchExportImage(link);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(
      new Uint8Array(await image.arrayBuffer()),
    );
    await expect(client.fetchExportImage('https://elsewhere.test/x.png')).rejects.toMatchObject({
      code: 'invalid_response',
    });

    await client.eraseMyData();
    expect(await kept()).toBe(0);
    expect(count('DELETE', '/v1/subjects/me')).toBe(1);
    expect(await databaseNames(device.idb)).toEqual([]);
    expect(await client.exportMyData()).toBeNull();
    await client.close();
  });

  it('an erasure cut short is finished on the next page load, without withdrawing consent', async () => {
    device.consent.grant();
    const first = device.client(server.endpoint);
    expect((await first.upload(pngBlob(), meta).start()).status).toBe('success');
    server.faults.subject.push(...Array.from({ length: 5 }, () => ({ status: 503 })));
    await expect(first.eraseMyData()).rejects.toMatchObject({ code: 'server' });
    expect(await kept()).toBe(1);
    await first.close();

    const second = device.client(server.endpoint);
    await second.whenIdle();
    expect(await kept()).toBe(0);
    expect(server.seen('POST', '/v1/consents').map((r) => r.body)).not.toContainEqual(
      expect.objectContaining({ kind: 'withdraw' }),
    );
    expect(await databaseNames(device.idb)).toEqual([]);
    await second.close();
  });

  it('a malformed export is a typed error', async () => {
    device.consent.grant();
    const client = device.client(server.endpoint);
    await client.upload(pngBlob(), meta).start();
    const exportedAt = device.clock.now().toISOString();
    server.faults.export.push({
      status: 200,
      body: { subjectId: 'not-a-uuid', exportedAt, consents: [], uploads: [] },
    });
    await expect(client.exportMyData()).rejects.toMatchObject({ code: 'invalid_response' });
    await client.close();
  });
});
