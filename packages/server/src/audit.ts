import { randomBytes } from 'node:crypto';
import { chainLine, startChain } from './audit-chain.js';
import { hashIp, type ServerKeys } from './crypto.js';
import type { Storage } from './storage/types.js';

/** Everything that is audited: each store, replay, export, deletion and expiry, and consent changes. */
export type AuditEventType =
  | 'consent_granted'
  | 'consent_withdrawn'
  | 'upload_stored'
  | 'upload_replayed'
  | 'subject_exported'
  | 'image_exported'
  | 'upload_deleted'
  | 'subject_erased'
  | 'upload_expired'
  | 'subject_expired'
  | 'orphan_removed'
  | 'retailer_uploads_listed'
  | 'retailer_image_read'
  | 'retailer_upload_deleted'
  | 'retailer_subject_read'
  | 'retailer_subject_erased'
  | 'webhook_endpoint_added'
  | 'webhook_endpoint_removed'
  | 'webhook_delivered'
  | 'webhook_retry'
  | 'webhook_abandoned'
  | 'console_signed_in'
  | 'retailer_audit_read';

/** What a caller reports. `ip` is raw here and hashed before anything is written. */
export interface AuditInput {
  readonly type: AuditEventType;
  readonly subjectId?: string | undefined;
  readonly uploadId?: string | undefined;
  readonly receiptId?: string | undefined;
  /** The retailer's publishable key (public by design) that made the request, if any. */
  readonly publishableKey?: string | undefined;
  /** The id of the key that made the request (config-retailer.ts `keyId`), never a secret key. */
  readonly keyId?: string | undefined;
  readonly ip?: string | undefined;
  /** Small counts or labels (never image bytes, never personal data). */
  readonly detail?: Readonly<Record<string, number | string>>;
}

/** The fields written for one event: time, ids, key and a keyed hash of the IP. */
export function auditFields(
  input: AuditInput,
  at: Date,
  keys: ServerKeys,
): Record<string, unknown> {
  const { ip, ...rest } = input;
  return {
    at: at.toISOString(),
    ...rest,
    ipHash: ip === undefined ? undefined : hashIp(keys, ip),
  };
}

/** Writes audit events. */
export interface Audit {
  /** Appends one event; resolves once it is written. */
  record(input: AuditInput): Promise<void>;
}

/**
 * An audit log writing a hash chain (audit-chain.ts) to the storage's append-only log. Lines are
 * made and handed to storage in call order, which the filesystem log keeps; `chain` names this
 * writer's chain (random per process).
 */
export function createAudit(
  storage: Storage,
  keys: ServerKeys,
  now: () => Date,
  chain: string = randomBytes(8).toString('hex'),
): Audit {
  let state = startChain(chain);
  return {
    record(input) {
      const { line, next } = chainLine(state, auditFields(input, now(), keys), keys);
      state = next;
      return storage.appendAudit(line);
    },
  };
}
