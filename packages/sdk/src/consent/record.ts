import { type ConsentReceipt, PURPOSES, type Purpose, PurposeSchema } from '@fittingroom/protocol';
import * as v from 'valibot';
import { format } from '../i18n/index.js';
import type { ConsentStrings } from '../i18n/types.js';
import { placeholders } from './notice.js';
import type { ResolvedPolicy } from './policy.js';
import { expiryFor } from './rules.js';
import type { ConsentAction, ConsentRecord } from './types.js';

/** Everything needed to write one record; ids and times come from injected sources. */
export interface RecordInput {
  readonly id: string;
  readonly action: ConsentAction;
  readonly policy: ResolvedPolicy;
  readonly granted: readonly Purpose[];
  readonly refused: readonly Purpose[];
  readonly at: Date;
  readonly locale: string;
  readonly noticeHash: string;
  /** Expiry the record may not outlive (that of grants it carries over). */
  readonly notAfter?: string | null;
}

/** Keeps purposes unique and in the canonical order, so equal decisions compare equal. */
export function canonical(purposes: readonly Purpose[]): Purpose[] {
  return PURPOSES.filter((p) => purposes.includes(p));
}

/** Builds a consent record. Pure. */
export function createRecord(input: RecordInput): ConsentRecord {
  const expiry = expiryFor(input.at, input.policy.consentDays).toISOString();
  const expiresAt =
    input.notAfter && Date.parse(input.notAfter) < Date.parse(expiry) ? input.notAfter : expiry;
  return {
    id: input.id,
    action: input.action,
    policyVersion: input.policy.policyVersion,
    purposes: input.action === 'grant' ? canonical(input.granted) : [],
    refused: canonical(input.refused),
    timestamp: input.at.toISOString(),
    locale: input.locale,
    noticeHash: input.noticeHash,
    method: 'button',
    expiresAt,
  };
}

/** Validates a record read back from storage; anything else is ignored, never trusted. */
export const ConsentRecordSchema = v.object({
  id: v.pipe(v.string(), v.uuid()),
  action: v.picklist(['grant', 'refuse', 'withdraw']),
  policyVersion: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  purposes: v.array(PurposeSchema),
  refused: v.array(PurposeSchema),
  timestamp: v.pipe(v.string(), v.isoTimestamp()),
  locale: v.pipe(v.string(), v.minLength(2), v.maxLength(35)),
  noticeHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  method: v.literal('button'),
  expiresAt: v.pipe(v.string(), v.isoTimestamp()),
});

/** Keeps the valid records of a stored log, in order. */
export function parseRecords(stored: unknown): ConsentRecord[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const parsed = v.safeParse(ConsentRecordSchema, item);
    return parsed.success ? [parsed.output] : [];
  });
}

const PURPOSE_CATEGORY: Readonly<Record<Purpose, string>> = {
  camera: 'Core function: show the product on the shopper, on the device',
  upload: 'Sharing a photo the shopper chose with the controller',
  'product-improvement': 'Improve the try-on service',
};

const PII_CATEGORY: Readonly<Record<Purpose, readonly string[]>> = {
  camera: ['Camera video (processed on the device only)', 'Hand or face landmarks (biometric)'],
  upload: ['Photo of the shopper wearing the product'],
  'product-improvement': ['Photo of the shopper wearing the product'],
};

const TERMINATION: Readonly<Record<Purpose, keyof ConsentStrings>> = {
  camera: 'cameraTermination',
  upload: 'uploadTermination',
  'product-improvement': 'improvementTermination',
};

/**
 * The Kantara Consent Receipt 1.1 of a grant, with the Fitting Room extension fields. Strings
 * that the shopper reads (termination) are in the record's language.
 */
export function toReceipt(
  record: ConsentRecord,
  policy: ResolvedPolicy,
  strings: ConsentStrings,
): ConsentReceipt {
  const { controller } = policy;
  const values = placeholders(policy, strings);
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: policy.jurisdiction,
    consentTimestamp: Math.floor(Date.parse(record.timestamp) / 1000),
    collectionMethod: 'Button in the Fitting Room consent dialog',
    consentReceiptID: record.id,
    language: record.locale,
    piiPrincipalId: 'anonymous shopper',
    piiControllers: [
      {
        piiController: controller.name,
        contact: controller.contact,
        address: controller.address,
        email: controller.email,
        url: controller.url,
      },
    ],
    policyUrl: policy.policyUrl,
    services: [
      {
        service: policy.serviceName,
        purposes: record.purposes.map((purpose) => ({
          purpose,
          purposeCategory: [PURPOSE_CATEGORY[purpose]],
          consentType: 'EXPLICIT' as const,
          piiCategory: [...PII_CATEGORY[purpose]],
          primaryPurpose: purpose === 'camera',
          termination: format(strings[TERMINATION[purpose]], values),
          thirdPartyDisclosure: false as const,
        })),
      },
    ],
    sensitive: true,
    spiCat: ['biometric'],
    policyVersion: record.policyVersion,
    noticeHash: record.noticeHash,
    expiresAt: record.expiresAt,
  };
}
