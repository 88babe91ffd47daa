import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNotice, noticeLines, noticeText, sha256Hex } from '../../src/consent/notice.js';
import { resolvePolicy } from '../../src/consent/policy.js';
import { DICTIONARIES } from '../../src/i18n/all.js';
import { LOCALES } from '../../src/i18n/index.js';
import { POLICY } from './fixtures.js';

const policy = resolvePolicy({ ...POLICY, minAge: 18, retentionDays: 14 });

describe('buildNotice', () => {
  it('says what, where, how long, who, how to withdraw and links the policy', () => {
    const text = noticeText(buildNotice(policy, DICTIONARIES.en));
    for (const fact of [
      'Maison Test',
      'privacy@maison.example',
      'Frankfurt, Germany',
      'deleted after 14 days',
      'only on this device',
      'biometric',
      '“Withdraw consent” button',
      'version 2025-01',
      '<https://maison.example/privacy>',
      'aged 18 or older',
    ]) {
      expect(text).toContain(fact);
    }
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('describes only declared purposes', () => {
    const notice = buildNotice(policy, DICTIONARIES.en);
    expect(notice.purposes.map((p) => p.purpose)).toEqual(['camera', 'upload']);
    const withImprovement = resolvePolicy({
      ...POLICY,
      purposes: ['camera', 'upload', 'product-improvement'],
    });
    expect(buildNotice(withImprovement, DICTIONARIES.en).purposes).toHaveLength(3);
  });

  it.each(LOCALES)('leaves no placeholder unfilled in %s', (locale) => {
    const lines = noticeLines(buildNotice(policy, DICTIONARIES[locale]));
    for (const line of lines) expect(line).not.toMatch(/\{\w+\}/);
  });
});

describe('notice hash', () => {
  it('is the SHA-256 of the text', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('changes whenever anything the shopper reads changes (property)', async () => {
    const original = noticeText(buildNotice(policy, DICTIONARIES.en));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({
            field: fc.constant('name'),
            value: fc.string({ minLength: 1, maxLength: 40 }),
          }),
          fc.record({
            field: fc.constant('retentionDays'),
            value: fc.integer({ min: 1, max: 1095 }),
          }),
          fc.record({
            field: fc.constant('policyVersion'),
            value: fc.string({ minLength: 1, maxLength: 20 }),
          }),
          fc.record({
            field: fc.constant('storageLocation'),
            value: fc.string({ minLength: 1, maxLength: 40 }),
          }),
        ),
        async ({ field, value }) => {
          const changed =
            field === 'name'
              ? { ...policy, controller: { ...policy.controller, name: String(value) } }
              : { ...policy, [field]: value };
          const text = noticeText(buildNotice(changed, DICTIONARIES.en));
          const same = text === original;
          expect((await sha256Hex(text)) === (await sha256Hex(original))).toBe(same);
          if (!same) expect(await sha256Hex(text)).not.toBe(await sha256Hex(original));
        },
      ),
      { numRuns: 50 },
    );
  });
});
