import { API, PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness, KEY, ORIGIN } from './support/harness.js';
import { fixture, IMAGES } from './support/images.js';

describe('HTTP surface: CORS, rate limits, headers', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('answers an allowed preflight with the allowed headers and no credentials', async () => {
    h = await createHarness();
    const res = await h.app.inject({
      method: 'OPTIONS',
      url: API.uploads,
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,idempotency-key,x-fittingroom-key',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(String(res.headers['access-control-allow-headers'])).toContain('idempotency-key');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('adds CORS and no-store headers to API answers for an allowed origin', async () => {
    h = await createHarness();
    const { res } = await h.grant();
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('limits requests per IP: 429 rate_limited with Retry-After, CORS-readable', async () => {
    h = await createHarness({ env: { FR_RATE_LIMIT_PER_IP: '3', FR_RATE_LIMIT_PER_KEY: '100' } });
    const call = (remoteAddress: string) =>
      h.app.inject({
        method: 'GET',
        url: API.subjectExport,
        headers: { origin: ORIGIN },
        remoteAddress,
      });
    for (let i = 0; i < 3; i += 1) expect((await call('203.0.113.1')).statusCode).toBe(401);
    const limited = await call('203.0.113.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect((await call('203.0.113.2')).statusCode).toBe(401); // another IP has its own budget
    expect(
      (await h.app.inject({ method: 'GET', url: API.health, remoteAddress: '203.0.113.1' }))
        .statusCode,
    ).toBe(200);
  });

  it('limits requests per publishable key across IPs', async () => {
    h = await createHarness({ env: { FR_RATE_LIMIT_PER_IP: '100', FR_RATE_LIMIT_PER_KEY: '2' } });
    const call = (remoteAddress: string, key = KEY) =>
      h.app.inject({
        method: 'POST',
        url: API.consents,
        headers: { [PUBLISHABLE_KEY_HEADER]: key, 'content-type': 'application/json' },
        payload: '{}',
        remoteAddress,
      });
    expect((await call('198.51.100.1')).statusCode).toBe(400);
    expect((await call('198.51.100.2')).statusCode).toBe(400);
    const limited = await call('198.51.100.3');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect((await call('198.51.100.3', 'pk_test_other001')).statusCode).toBe(400);
  });

  it("serves the shopper's rights without a key, even with a revoked one", async () => {
    h = await createHarness();
    const { token, receipt } = await h.subject();
    const headers = {
      authorization: `Bearer ${token}`,
      [PUBLISHABLE_KEY_HEADER]: 'pk_test_revoked0',
    };
    const withdraw = await h.app.inject({
      method: 'POST',
      url: API.consents,
      headers,
      payload: {
        kind: 'withdraw',
        receiptId: receipt.consentReceiptID,
        withdrawnAt: h.clock.time.toISOString(),
      },
    });
    expect(withdraw.statusCode).toBe(200);
    expect(
      (await h.app.inject({ method: 'GET', url: API.subjectExport, headers })).statusCode,
    ).toBe(200);
    expect((await h.app.inject({ method: 'DELETE', url: API.subject, headers })).statusCode).toBe(
      204,
    );
    expect(await h.keys()).toEqual([]);
  });

  it('accepts the image part before the metadata part', async () => {
    h = await createHarness();
    const { token, receipt } = await h.subject();
    const metadata = JSON.stringify({
      consentReceiptId: receipt.consentReceiptID,
      policyVersion: receipt.policyVersion,
      productId: 'glasses-3',
      capturedAt: h.clock.time.toISOString(),
    });
    const res = await h.upload({
      token,
      receiptId: receipt.consentReceiptID,
      parts: [
        {
          name: 'image',
          data: fixture(IMAGES.webpExtended.file),
          filename: 'blob',
          contentType: 'image/webp',
        },
        { name: 'metadata', data: metadata },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});
