// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { resolveConfig, resolveEndpoint } from '../../src/upload/config.js';
import { UploadError } from '../../src/upload/errors.js';
import { validateUploadInput } from '../../src/upload/input.js';
import { createFakeConsent } from './support/fake-consent.js';
import { pngBlob, testClock } from './support/harness.js';

const consent = createFakeConsent(testClock().now).view;
const base = { endpoint: 'https://ingest.shop.test', publishableKey: 'pk_test', consent };

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UploadError) return error.field;
    throw error;
  }
  return undefined;
}

describe('resolveConfig', () => {
  it('normalises the endpoint and applies defaults', () => {
    const config = resolveConfig({ ...base, endpoint: 'https://ingest.shop.test/fr/' });
    expect(config.endpoint).toBe('https://ingest.shop.test/fr');
    expect(config.retry.maxAttempts).toBe(5);
    expect(resolveEndpoint('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  it.each([
    ['not a url', 'endpoint'],
    ['http://ingest.shop.test', 'endpoint'],
    ['https://ingest.shop.test/?x=1', 'endpoint'],
    ['https://user:pw@ingest.shop.test', 'endpoint'],
  ])('names the endpoint field for %s', (endpoint, field) => {
    expect(fieldOf(() => resolveConfig({ ...base, endpoint }))).toBe(field);
  });

  it('names every other wrong field', () => {
    expect(fieldOf(() => resolveConfig({ ...base, publishableKey: ' ' }))).toBe('publishableKey');
    expect(fieldOf(() => resolveConfig({ ...base, consent: {} as typeof consent }))).toBe(
      'consent',
    );
    expect(fieldOf(() => resolveConfig({ ...base, retry: { jitter: 2 } }))).toBe('retry.jitter');
    expect(fieldOf(() => resolveConfig({ ...base, retry: { maxAttempts: 0 } }))).toBe(
      'retry.maxAttempts',
    );
    expect(fieldOf(() => resolveConfig({ ...base, retry: { baseMs: -1 } }))).toBe('retry.baseMs');
    expect(fieldOf(() => resolveConfig({ ...base, maxImageBytes: 0 }))).toBe('maxImageBytes');
  });
});

describe('validateUploadInput', () => {
  const meta = { productId: 'ring-42', capturedAt: '2025-06-01T12:00:00.000Z' };

  it('accepts a PNG and a Date, converting the Date to ISO', () => {
    const input = validateUploadInput(pngBlob(), { ...meta, capturedAt: new Date(0) }, 1e6);
    expect(input).toMatchObject({
      contentType: 'image/png',
      capturedAt: '1970-01-01T00:00:00.000Z',
    });
  });

  it('names the field of every mistake', () => {
    const check = (image: unknown, m: Parameters<typeof validateUploadInput>[1], max = 1e6) =>
      fieldOf(() => validateUploadInput(image, m, max));
    expect(check('x', meta)).toBe('image');
    expect(check(new Blob(['x'], { type: 'image/gif' }), meta)).toBe('image.type');
    expect(check(new Blob([], { type: 'image/png' }), meta)).toBe('image.size');
    expect(check(pngBlob(2000), meta, 1000)).toBe('image.size');
    expect(check(pngBlob(), { ...meta, productId: 'no spaces' })).toBe('productId');
    expect(check(pngBlob(), { ...meta, capturedAt: 'yesterday' })).toBe('capturedAt');
    expect(check(pngBlob(), { ...meta, capturedAt: new Date(Number.NaN) })).toBe('capturedAt');
  });
});
