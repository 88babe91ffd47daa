import { type ConsentReceipt, ConsentReceiptSchema, type Purpose } from '@fittingroom/protocol';
import * as v from 'valibot';
import type { ConsentRecord, ConsentView, WithdrawalEvent } from '../../../src/consent/types.js';

/** A hand-driven ConsentView: tests grant, refuse and withdraw explicitly. */
export interface FakeConsent {
  readonly view: ConsentView;
  grant(options?: {
    purposes?: Purpose[];
    expiresAt?: string;
    policyVersion?: string;
  }): ConsentRecord;
  refuse(): ConsentRecord;
  /** Appends a withdraw record and notifies listeners (like the real consent module). */
  withdraw(): WithdrawalEvent;
  /** Number of live `onWithdraw` subscriptions. */
  listenerCount(): number;
}

const NOTICE_HASH = 'a'.repeat(64);

/** Creates a fake consent whose clock is `now`. */
export function createFakeConsent(now: () => Date): FakeConsent {
  let record: ConsentRecord | null = null;
  let lastGrant: ConsentRecord | null = null;
  const listeners = new Set<(event: WithdrawalEvent) => void>();
  const make = (action: ConsentRecord['action'], extra: Partial<ConsentRecord>): ConsentRecord => ({
    id: crypto.randomUUID(),
    action,
    policyVersion: '2025-01',
    purposes: [],
    refused: [],
    timestamp: now().toISOString(),
    locale: 'en',
    noticeHash: NOTICE_HASH,
    method: 'button',
    expiresAt: new Date(now().getTime() + 365 * 864e5).toISOString(),
    ...extra,
  });
  const view: ConsentView = {
    get record() {
      return record;
    },
    allows(purpose, at = now()) {
      return (
        record?.action === 'grant' &&
        record.purposes.includes(purpose) &&
        Date.parse(record.expiresAt) > at.getTime()
      );
    },
    receipt: () => (lastGrant ? receiptFor(lastGrant) : null),
    onWithdraw(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    view,
    grant(options = {}) {
      record = make('grant', {
        purposes: options.purposes ?? ['camera', 'upload'],
        ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
        ...(options.policyVersion ? { policyVersion: options.policyVersion } : {}),
      });
      lastGrant = record;
      return record;
    },
    refuse() {
      record = make('refuse', { refused: ['camera', 'upload'] });
      return record;
    },
    withdraw() {
      const receiptIds = lastGrant ? [lastGrant.id] : [];
      record = make('withdraw', { refused: ['camera', 'upload'] });
      const event: WithdrawalEvent = { record, receiptIds };
      for (const listener of [...listeners]) listener(event);
      return event;
    },
    listenerCount: () => listeners.size,
  };
}

/** A valid Kantara receipt for a grant record. */
export function receiptFor(record: ConsentRecord): ConsentReceipt {
  return v.parse(ConsentReceiptSchema, {
    version: 'KI-CR-v1.1.0',
    jurisdiction: 'EU',
    consentTimestamp: Math.floor(Date.parse(record.timestamp) / 1000),
    collectionMethod: 'button',
    consentReceiptID: record.id,
    language: record.locale,
    piiPrincipalId: 'anonymous',
    piiControllers: [{ piiController: 'Test Shop', contact: 'privacy@shop.test' }],
    policyUrl: 'https://shop.test/privacy',
    services: [
      {
        service: 'virtual try-on',
        purposes: record.purposes.map((purpose) => ({
          purpose,
          purposeCategory: ['service'],
          consentType: 'EXPLICIT',
          piiCategory: ['image'],
          primaryPurpose: purpose === 'camera',
          termination: '30 days',
          thirdPartyDisclosure: false,
        })),
      },
    ],
    sensitive: true,
    spiCat: ['biometric'],
    policyVersion: record.policyVersion,
    noticeHash: record.noticeHash,
    expiresAt: record.expiresAt,
  });
}
