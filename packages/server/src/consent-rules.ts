import type { ConsentReceipt, ErrorCode, Purpose, UploadMetadata } from '@fittingroom/protocol';
import { isExpired } from './retention.js';

/** A consent record as the server keeps it. */
export interface StoredConsent {
  readonly subjectId: string;
  readonly receipt: ConsentReceipt;
  readonly status: 'active' | 'withdrawn';
  readonly receivedAt: string;
  readonly withdrawnAt?: string | undefined;
}

/** Why a consent does not allow an upload. */
export interface ConsentRefusal {
  readonly code: Extract<
    ErrorCode,
    'consent_missing' | 'consent_withdrawn' | 'consent_scope' | 'consent_version'
  >;
  readonly message: string;
}

/** Purposes a receipt grants, across its services. */
export function grantedPurposes(receipt: ConsentReceipt): Set<Purpose> {
  return new Set(receipt.services.flatMap((service) => service.purposes.map((p) => p.purpose)));
}

/**
 * Decides whether `consent` lets `subjectId` upload with `metadata` at `now`; null means yes.
 * The order matters: ownership first, so another subject learns nothing about the receipt.
 */
export function refuseUpload(
  consent: StoredConsent | null,
  subjectId: string,
  metadata: UploadMetadata,
  now: Date,
): ConsentRefusal | null {
  // Another subject's receipt is answered as one that does not exist: no existence oracle.
  if (!consent || consent.subjectId !== subjectId) {
    return { code: 'consent_missing', message: 'No consent receipt with this id was recorded.' };
  }
  if (consent.status === 'withdrawn') {
    return {
      code: 'consent_withdrawn',
      message: 'This consent was withdrawn; uploads are refused.',
    };
  }
  if (!grantedPurposes(consent.receipt).has('upload')) {
    return { code: 'consent_scope', message: 'This consent does not cover the "upload" purpose.' };
  }
  if (consent.receipt.policyVersion !== metadata.policyVersion) {
    return {
      code: 'consent_version',
      message: `The consent was given for policy ${consent.receipt.policyVersion}, not ${metadata.policyVersion}.`,
    };
  }
  if (isExpired(consent.receipt.expiresAt, now)) {
    return { code: 'consent_missing', message: 'This consent has expired; ask the shopper again.' };
  }
  return null;
}

/** When a consent stops counting for retention: its withdrawal, else its expiry. */
export function consentEnd(consent: StoredConsent): string {
  return consent.withdrawnAt ?? consent.receipt.expiresAt;
}
