// The public retention and destruction policy, as facts drawn from the configuration (pure).
import type { ServerConfig } from '../config.js';
import { TEST_DATA_MS } from '../retention.js';

/** `GET /v1/policy`: what is kept, for how long, where, by whom, and how to end it. */
export interface RetentionPolicy {
  readonly controller: string;
  readonly contact: string;
  readonly storageLocation: string;
  /** Days a shared photo is kept before it is destroyed. */
  readonly retentionDays: number;
  /** Hours test-mode data lives. */
  readonly testDataHours: number;
  /** Longest consent lifetime accepted, in days. */
  readonly consentMaxDays: number;
  /** How often destruction runs, in minutes (a photo goes at most this long after its expiry). */
  readonly sweepMinutes: number;
  /** Biometric data: computed on the device only, never sent, never kept. */
  readonly biometric: {
    readonly processedOnDevice: true;
    readonly leavesDevice: false;
    readonly kept: false;
  };
  /** What is kept of a shared photo: the image with its metadata stripped, encrypted at rest. */
  readonly kept: readonly string[];
  /** Paths of the shopper's rights on this server. */
  readonly rights: { readonly export: string; readonly erase: string; readonly withdraw: string };
  /** The same policy as an HTML page, per locale. */
  readonly html: string;
}

/** The policy's facts for this configuration. */
export function policyFacts(config: ServerConfig): RetentionPolicy {
  const { policy } = config.retailer;
  return {
    controller: policy.controller,
    contact: policy.contact,
    storageLocation: policy.storageLocation,
    retentionDays: config.retentionDays,
    testDataHours: TEST_DATA_MS / 3_600_000,
    consentMaxDays: Math.round(config.receipts.maxLifetimeMs / 86_400_000),
    sweepMinutes: Math.max(1, Math.round(config.sweepIntervalMs / 60_000)),
    biometric: { processedOnDevice: true, leavesDevice: false, kept: false },
    kept: [
      'the photo the shopper chose to share, metadata stripped, encrypted at rest',
      'the consent receipt it cites',
      'a pseudonymous subject id and a keyed hash of the subject token',
      'an audit log of each event, without images or IP addresses',
    ],
    rights: {
      export: '/v1/subjects/me/export',
      erase: '/v1/subjects/me',
      withdraw: '/v1/consents',
    },
    html: '/retention-policy',
  };
}
