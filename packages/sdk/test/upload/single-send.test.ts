// @vitest-environment node
// One item is never sent twice at once: an upload whose item is already being sent (here two
// uploads given the same id by an injected crypto) is refused before any request of its own.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFetchTransport, type Transport } from '../../src/upload/transport.js';
import { createDevice, type Device, pngBlob, spyTransport } from './support/harness.js';
import { type IngestServer, startIngestServer } from './support/ingest-server.js';

const meta = { productId: 'watch-7', capturedAt: '2025-06-01T11:59:00.000Z' };
let server: IngestServer;
let device: Device;

beforeEach(async () => {
  device = createDevice();
  server = await startIngestServer({ now: device.clock.now });
});
afterEach(() => server.close());

/** WebCrypto whose `randomUUID` always gives `id`, so every upload gets the same item id. */
function cryptoWithOneId(id: string): Crypto {
  return {
    subtle: crypto.subtle,
    getRandomValues: (array) => crypto.getRandomValues(array),
    randomUUID: () => id as ReturnType<Crypto['randomUUID']>,
  };
}

describe('an item already being sent', () => {
  it('refuses a second upload of it with aborted "already sending", and sends it once', async () => {
    device.consent.grant();
    let letThrough!: () => void;
    const held = new Promise<void>((resolve) => (letThrough = resolve));
    const fetch = createFetchTransport();
    // Holds the image's POST until the second upload has been tried.
    const holding: Transport = {
      async send(request, options) {
        if (request.url.endsWith('/v1/uploads')) await held;
        return fetch.send(request, options);
      },
    };
    const { calls, transport } = spyTransport(holding);
    const client = device.client(server.endpoint, {
      transport,
      crypto: cryptoWithOneId(crypto.randomUUID()),
    });
    const posts = () => calls.filter((c) => c.url.endsWith('/v1/uploads'));

    const first = client.upload(pngBlob(), meta).start();
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    const second = await client.upload(pngBlob(300, 3), meta).start();
    expect(second.status).toBe('error');
    expect(second.status === 'error' && [second.error.code, second.error.message]).toEqual([
      'aborted',
      'already sending',
    ]);

    letThrough();
    expect((await first).status).toBe('success');
    expect(posts()).toHaveLength(1);
    expect(await server.stored()).toHaveLength(1);
    await client.close();
  });
});
