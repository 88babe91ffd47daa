// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePayload, encodePayload, type QueuedPayload } from '../../src/upload/payload.js';
import { createFakeConsent } from './support/fake-consent.js';
import { testClock } from './support/harness.js';

function samplePayload(image: Uint8Array<ArrayBuffer>, productId = 'ring-42'): QueuedPayload {
  const clock = testClock();
  const consent = createFakeConsent(clock.now);
  consent.grant();
  const receipt = consent.view.receipt();
  if (!receipt) throw new Error('no receipt');
  return {
    metadata: {
      consentReceiptId: receipt.consentReceiptID,
      policyVersion: receipt.policyVersion,
      productId,
      capturedAt: clock.now().toISOString(),
    },
    receipt,
    contentType: 'image/webp',
    image,
  };
}

describe('queued payload encoding', () => {
  it('round-trips any image bytes and product id', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 4096 }),
        fc.stringMatching(/^[A-Za-z0-9._-]{1,100}$/),
        (bytes, productId) => {
          const payload = samplePayload(new Uint8Array(bytes), productId);
          expect(decodePayload(encodePayload(payload))).toEqual(payload);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('decodes from a view that does not start at offset 0', () => {
    const payload = samplePayload(new Uint8Array([1, 2, 3]));
    const encoded = encodePayload(payload);
    const padded = new Uint8Array(encoded.byteLength + 5);
    padded.set(encoded, 5);
    expect(decodePayload(padded.subarray(5))).toEqual(payload);
  });

  it('rejects truncated or tampered input instead of returning garbage', () => {
    const encoded = encodePayload(samplePayload(new Uint8Array([9, 9, 9])));
    expect(() => decodePayload(encoded.subarray(0, 3))).toThrow();
    expect(() => decodePayload(encoded.subarray(0, 40))).toThrow();
    const wrongHeader = encoded.slice();
    new DataView(wrongHeader.buffer).setUint32(0, 10);
    expect(() => decodePayload(wrongHeader)).toThrow();
  });
});
