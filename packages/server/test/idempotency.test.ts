import type { UploadMetadata } from '@fittingroom/protocol';
import { describe, expect, it } from 'vitest';
import { parseIdempotencyKey, replayDecision, requestFingerprint } from '../src/idempotency.js';

const metadata: UploadMetadata = {
  consentReceiptId: '0b6f0b8e-9d52-4c1e-9a43-6f2d3c1b7a10',
  policyVersion: '2025-01',
  productId: 'ring-42',
  capturedAt: '2025-03-01T11:59:00.000Z',
};

describe('idempotency', () => {
  it.each(['abcdefgh', 'A_b-9'.repeat(40), 'f47ac10b-58cc-4372-a567-0e02b2c3d479'])(
    'accepts key %s',
    (key) => {
      expect(parseIdempotencyKey(key)).toBe(key);
    },
  );

  it.each([
    undefined,
    '',
    'short',
    'x'.repeat(201),
    'has space ok',
    '../../etc/passwd',
    'ключ-ключ-ключ',
  ])('refuses key %s', (key) => {
    expect(parseIdempotencyKey(key)).toBeNull();
  });

  it("fingerprints every field and the image's size", () => {
    const base = requestFingerprint(metadata, 1000);
    expect(requestFingerprint({ ...metadata }, 1000)).toBe(base);
    expect(requestFingerprint(metadata, 1001)).not.toBe(base);
    for (const [field, value] of Object.entries({
      consentReceiptId: '1b6f0b8e-9d52-4c1e-9a43-6f2d3c1b7a10',
      policyVersion: '2025-02',
      productId: 'ring-43',
      capturedAt: '2025-03-01T11:59:01.000Z',
    })) {
      expect(requestFingerprint({ ...metadata, [field]: value }, 1000), field).not.toBe(base);
    }
  });

  it('replays the same body, refuses a different one, stores a new one', () => {
    expect(replayDecision(null, 'f1')).toBe('new');
    expect(replayDecision('f1', 'f1')).toBe('replay');
    expect(replayDecision('f1', 'f2')).toBe('conflict');
  });
});
