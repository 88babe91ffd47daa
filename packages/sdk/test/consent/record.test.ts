import { ConsentReceiptSchema } from '@fittingroom/protocol';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/consent/policy.js';
import { createRecord, parseRecords, toReceipt } from '../../src/consent/record.js';
import { DICTIONARIES } from '../../src/i18n/all.js';
import { LOCALES } from '../../src/i18n/index.js';
import { POLICY } from './fixtures.js';

const policy = resolvePolicy({
  ...POLICY,
  purposes: ['camera', 'upload', 'product-improvement'],
  controller: {
    name: 'Maison Test',
    contact: 'privacy@maison.example',
    url: 'https://maison.example',
  },
});
const at = new Date('2025-03-01T10:00:00.000Z');
const base = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  policy,
  at,
  locale: 'en',
  noticeHash: 'c'.repeat(64),
};

describe('createRecord', () => {
  it('stamps version, time, expiry, method and keeps purposes canonical', () => {
    const r = createRecord({
      ...base,
      action: 'grant',
      granted: ['upload', 'camera', 'upload'],
      refused: [],
    });
    expect(r).toMatchObject({
      action: 'grant',
      policyVersion: '2025-01',
      purposes: ['camera', 'upload'],
      timestamp: '2025-03-01T10:00:00.000Z',
      expiresAt: '2025-08-28T10:00:00.000Z',
      method: 'button',
      noticeHash: 'c'.repeat(64),
    });
  });

  it('grants nothing in a refusal or a withdrawal', () => {
    for (const action of ['refuse', 'withdraw'] as const) {
      const r = createRecord({ ...base, action, granted: ['camera'], refused: ['camera'] });
      expect(r.purposes).toEqual([]);
      expect(r.refused).toEqual(['camera']);
    }
  });

  it('never outlives the grant it carries purposes from', () => {
    const notAfter = '2025-04-01T00:00:00.000Z';
    const r = createRecord({
      ...base,
      action: 'grant',
      granted: ['camera'],
      refused: [],
      notAfter,
    });
    expect(r.expiresAt).toBe(notAfter);
    const later = createRecord({
      ...base,
      action: 'grant',
      granted: ['camera'],
      refused: [],
      notAfter: '2030-01-01T00:00:00.000Z',
    });
    expect(later.expiresAt).toBe('2025-08-28T10:00:00.000Z');
  });
});

describe('toReceipt', () => {
  const grant = createRecord({
    ...base,
    action: 'grant',
    granted: ['camera', 'upload'],
    refused: ['product-improvement'],
  });

  it.each(LOCALES)('is a valid Kantara CR 1.1 receipt (%s)', (locale) => {
    const receipt = toReceipt({ ...grant, locale }, policy, DICTIONARIES[locale]);
    expect(v.safeParse(ConsentReceiptSchema, receipt).success).toBe(true);
    expect(receipt.language).toBe(locale);
  });

  it('says: biometric, explicit, never disclosed to third parties, how each purpose ends', () => {
    const receipt = toReceipt(grant, policy, DICTIONARIES.en);
    expect(receipt).toMatchObject({
      version: 'KI-CR-v1.1.0',
      jurisdiction: 'US-IL',
      consentTimestamp: Date.parse('2025-03-01T10:00:00.000Z') / 1000,
      consentReceiptID: base.id,
      policyUrl: 'https://maison.example/privacy',
      sensitive: true,
      spiCat: ['biometric'],
      policyVersion: '2025-01',
      noticeHash: 'c'.repeat(64),
      expiresAt: grant.expiresAt,
      piiControllers: [
        {
          piiController: 'Maison Test',
          contact: 'privacy@maison.example',
          url: 'https://maison.example',
        },
      ],
    });
    const purposes = receipt.services[0]?.purposes ?? [];
    expect(purposes.map((p) => p.purpose)).toEqual(['camera', 'upload']);
    expect(
      purposes.every((p) => p.thirdPartyDisclosure === false && p.consentType === 'EXPLICIT'),
    ).toBe(true);
    expect(purposes[0]?.primaryPurpose).toBe(true);
    expect(purposes[1]?.termination).toBe(
      'Photos are deleted after 30 days, or when you withdraw.',
    );
  });
});

describe('parseRecords', () => {
  it('keeps valid records in order and drops anything else', () => {
    const good = createRecord({ ...base, action: 'grant', granted: ['camera'], refused: [] });
    const tampered = { ...good, purposes: ['everything'] };
    expect(
      parseRecords([good, tampered, null, 'x', { ...good, noticeHash: 'nope' }, good]),
    ).toEqual([good, good]);
    expect(parseRecords('not a log')).toEqual([]);
  });
});
