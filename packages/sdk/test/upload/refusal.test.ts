// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { UploadError } from '../../src/upload/errors.js';
import { isUploadError } from '../../src/upload/errors.js';
import {
  createDevice,
  databaseNames,
  forbiddenTransport,
  pngBlob,
  spyTransport,
} from './support/harness.js';

const ENDPOINT = 'https://ingest.shop.test';
const meta = { productId: 'ring-42', capturedAt: '2025-06-01T11:59:00.000Z' };

/** A device whose client may not make any request at all. */
function setup() {
  const device = createDevice();
  const spy = spyTransport(forbiddenTransport);
  const client = device.client(ENDPOINT, { transport: spy.transport });
  return { device, spy, client };
}

describe('refusal before any request or storage', () => {
  it('creating the client touches neither the network nor storage', async () => {
    const { device, spy, client } = setup();
    await client.whenIdle();
    expect(spy.calls).toEqual([]);
    expect(await databaseNames(device.idb)).toEqual([]);
    expect(await client.exportMyData()).toBeNull();
    expect(spy.calls).toEqual([]);
    await client.close();
  });

  it.each([
    ['missing', (_d: ReturnType<typeof createDevice>) => {}],
    [
      'not_granted',
      (d: ReturnType<typeof createDevice>) => void d.consent.grant({ purposes: ['camera'] }),
    ],
    ['not_granted', (d: ReturnType<typeof createDevice>) => void d.consent.refuse()],
    [
      'expired',
      (d: ReturnType<typeof createDevice>) => {
        d.consent.grant({ expiresAt: new Date(d.clock.now().getTime() + 1000).toISOString() });
        d.clock.advance(1000);
      },
    ],
    [
      'withdrawn',
      (d: ReturnType<typeof createDevice>) => {
        d.consent.grant();
        d.consent.withdraw();
      },
    ],
  ])('refuses as consent_%s with a typed error', async (reason, arrange) => {
    const { device, spy, client } = setup();
    arrange(device);
    const upload = client.upload(pngBlob(), meta);
    const errors: UploadError[] = [];
    upload.on('error', (e) => errors.push(e));
    const outcome = await upload.start();
    await client.whenIdle();
    expect(outcome.status).toBe('error');
    expect(errors).toHaveLength(1);
    expect(isUploadError(errors[0], `consent_${reason}` as UploadError['code'])).toBe(true);
    expect(spy.calls).toEqual([]);
    expect(await databaseNames(device.idb)).toEqual([]);
    await client.close();
  });

  it('rejects bad input synchronously, naming the field, with nothing sent or stored', async () => {
    const { device, spy, client } = setup();
    device.consent.grant();
    expect(() => client.upload(new Blob(['x'], { type: 'text/plain' }), meta)).toThrow(
      expect.objectContaining({ code: 'invalid_input', field: 'image.type' }),
    );
    expect(() => client.upload(pngBlob(), { ...meta, productId: '' })).toThrow(
      expect.objectContaining({ code: 'invalid_input', field: 'productId' }),
    );
    expect(spy.calls).toEqual([]);
    expect(await databaseNames(device.idb)).toEqual([]);
    await client.close();
  });

  it('an upload aborted before start never stores or sends anything', async () => {
    const { device, spy, client } = setup();
    device.consent.grant();
    const upload = client.upload(pngBlob(), meta);
    await upload.abort();
    const outcome = await upload.start();
    expect(outcome.status === 'error' && outcome.error.code).toBe('aborted');
    expect(spy.calls).toEqual([]);
    expect(await databaseNames(device.idb)).toEqual([]);
    await client.close();
  });

  it('close() drops the withdrawal subscription and refuses new uploads', async () => {
    const { device, spy, client } = setup();
    device.consent.grant();
    const prepared = client.upload(pngBlob(), meta);
    expect(device.consent.listenerCount()).toBe(1);
    await client.close();
    const late = await prepared.start();
    expect(late.status === 'error' && late.error.code).toBe('aborted');
    expect(spy.calls).toEqual([]);
    expect(await databaseNames(device.idb)).toEqual([]);
    expect(device.consent.listenerCount()).toBe(0);
    expect(() => client.upload(pngBlob(), meta)).toThrow(
      expect.objectContaining({ code: 'aborted' }),
    );
  });
});
