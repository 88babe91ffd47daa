import type { UploadMetadata } from '@fittingroom/protocol';
import { describe, expect, it } from 'vitest';
import { refuseUpload, type StoredConsent } from '../src/consent-rules.js';
import { makeReceipt } from './support/receipts.js';

const subjectId = '11111111-1111-4111-8111-111111111111';
const now = new Date('2025-03-01T00:00:00.000Z');
const receipt = makeReceipt({ expiresAt: '2025-06-01T00:00:00.000Z' });
const consent: StoredConsent = {
  subjectId,
  receipt,
  status: 'active',
  receivedAt: now.toISOString(),
};
const metadata: UploadMetadata = {
  consentReceiptId: receipt.consentReceiptID,
  policyVersion: receipt.policyVersion,
  productId: 'ring-42',
  capturedAt: now.toISOString(),
};

describe('refuseUpload', () => {
  it('allows an active, matching, unexpired consent covering upload', () => {
    expect(refuseUpload(consent, subjectId, metadata, now)).toBeNull();
  });

  it.each([
    ['consent_missing', null, subjectId, metadata, now],
    // Another subject's receipt: the same answer as none at all.
    ['consent_missing', consent, '22222222-2222-4222-8222-222222222222', metadata, now],
    ['consent_withdrawn', { ...consent, status: 'withdrawn' as const }, subjectId, metadata, now],
    [
      'consent_scope',
      { ...consent, receipt: makeReceipt({ purposes: ['camera'] }) },
      subjectId,
      metadata,
      now,
    ],
    ['consent_version', consent, subjectId, { ...metadata, policyVersion: '2024-12' }, now],
    ['consent_missing', consent, subjectId, metadata, new Date('2025-06-01T00:00:00.000Z')],
  ])('refuses with %s', (code, stored, subject, meta, at) => {
    expect(refuseUpload(stored, subject, meta, at)?.code).toBe(code);
  });
});
