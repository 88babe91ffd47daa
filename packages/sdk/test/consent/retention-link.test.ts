// Issue 18 item 4: the notice links the public retention policy, and its hash covers the link.
import { describe, expect, it } from 'vitest';
import { buildNotice, noticeText, sha256Hex } from '../../src/consent/notice.js';
import { resolvePolicy } from '../../src/consent/policy.js';
import { DICTIONARIES } from '../../src/i18n/all.js';
import { LOCALES } from '../../src/i18n/index.js';
import { POLICY } from './fixtures.js';

const URL_A = 'https://ingest.maison.example/retention-policy';

describe('retention policy link', () => {
  it.each(LOCALES)('is in the %s notice text when the policy names it', (locale) => {
    const notice = buildNotice(
      resolvePolicy({ ...POLICY, retentionPolicyUrl: URL_A }),
      DICTIONARIES[locale],
    );
    expect(notice.retention?.href).toBe(URL_A);
    expect(noticeText(notice)).toContain(`<${URL_A}>`);
  });

  it('changes the notice hash when the link changes, and is absent without it', async () => {
    const hash = async (extra: object) =>
      sha256Hex(noticeText(buildNotice(resolvePolicy({ ...POLICY, ...extra }), DICTIONARIES.en)));
    const without = await hash({});
    const withA = await hash({ retentionPolicyUrl: URL_A });
    const withB = await hash({ retentionPolicyUrl: 'https://other.example/retention-policy' });
    expect(new Set([without, withA, withB]).size).toBe(3);
    expect(buildNotice(resolvePolicy(POLICY), DICTIONARIES.en).retention).toBeNull();
  });

  it('refuses a retention policy URL that is not http(s)', () => {
    expect(() => resolvePolicy({ ...POLICY, retentionPolicyUrl: 'javascript:alert(1)' })).toThrow(
      /retentionPolicyUrl/,
    );
  });
});
