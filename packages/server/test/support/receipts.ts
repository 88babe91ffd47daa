import { randomUUID } from 'node:crypto';
import type { ConsentReceipt, Purpose } from '@fittingroom/protocol';

/** A valid Kantara receipt granting `purposes` under `policyVersion`, expiring at `expiresAt`. */
export function makeReceipt(
  options: {
    purposes?: Purpose[];
    policyVersion?: string;
    expiresAt?: string;
    id?: string;
    /** Seconds since the epoch (Kantara's unit). */
    consentTimestamp?: number;
  } = {},
): ConsentReceipt {
  const purposes = options.purposes ?? ['camera', 'upload'];
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: 'EU',
    consentTimestamp: options.consentTimestamp ?? 1_735_689_600,
    collectionMethod: 'button in the try-on consent dialog',
    consentReceiptID: options.id ?? randomUUID(),
    language: 'en',
    piiPrincipalId: 'pseudonymous',
    piiControllers: [{ piiController: 'Example Shop', contact: 'privacy@shop.example' }],
    policyUrl: 'https://shop.example/privacy',
    services: [
      {
        service: 'virtual try-on',
        purposes: purposes.map((purpose) => ({
          purpose,
          purposeCategory: ['service provision'],
          consentType: 'EXPLICIT' as const,
          piiCategory: ['image'],
          primaryPurpose: purpose === 'camera',
          termination: 'withdrawal or 30 days',
          thirdPartyDisclosure: false as const,
        })),
      },
    ],
    sensitive: true,
    spiCat: ['biometric'],
    policyVersion: options.policyVersion ?? '2025-01',
    noticeHash: 'a'.repeat(64),
    expiresAt: options.expiresAt ?? '2026-01-01T00:00:00.000Z',
  };
}

/**
 * A receipt given now and expiring in a day by the real clock, for servers on the real clock
 * (the server refuses receipts given in the future or living longer than a policy allows).
 */
export function liveReceipt(): ConsentReceipt {
  return makeReceipt({
    consentTimestamp: Math.floor(Date.now() / 1000),
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
}
