// Issue 18 item 4: the public retention and destruction policy, generated from the settings.
import { API } from '@fittingroom/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { POLICY_LOCALES, pickLocale } from '../src/policy/texts.js';
import { createHarness, type Harness } from './support/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ENV = {
  FR_RETENTION_DAYS: '14',
  FR_CONTROLLER_NAME: 'Example Jewels Ltd',
  FR_CONTROLLER_CONTACT: 'privacy@jewels.example',
  FR_STORAGE_LOCATION: 'Frankfurt, Germany',
};

describe('public retention policy', () => {
  it('serves the policy as JSON from the configuration, to any origin', async () => {
    h = await createHarness({ env: ENV });
    const res = await h.app.inject({
      method: 'GET',
      url: API.policy,
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.json()).toMatchObject({
      controller: 'Example Jewels Ltd',
      contact: 'privacy@jewels.example',
      storageLocation: 'Frankfurt, Germany',
      retentionDays: 14,
      testDataHours: 24,
      consentMaxDays: 395,
      biometric: { processedOnDevice: true, leavesDevice: false, kept: false },
    });
  });

  it.each(POLICY_LOCALES)(
    'renders the HTML page in %s with the configured facts',
    async (locale) => {
      h = await createHarness({ env: ENV });
      const res = await h.app.inject({ method: 'GET', url: `/retention-policy?lang=${locale}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['content-language']).toBe(locale);
      expect(res.headers['content-security-policy']).toMatch(
        /^default-src 'none'; style-src 'sha256-/,
      );
      expect(res.body).toContain(`<html lang="${locale}">`);
      for (const fact of [
        'Example Jewels Ltd',
        'privacy@jewels.example',
        'Frankfurt, Germany',
        '14',
        '395',
        '24',
      ]) {
        expect(res.body, fact).toContain(fact);
      }
      expect(res.body).not.toMatch(/\{\w+\}/); // every placeholder filled
      expect(res.body.match(/<h2>/g)).toHaveLength(4);
    },
  );

  it('picks the locale from ?lang, then Accept-Language, else English', () => {
    expect(pickLocale('de', 'fr')).toBe('de');
    expect(pickLocale(undefined, 'es-MX,es;q=0.9')).toBe('es');
    expect(pickLocale('xx', 'hi-IN')).toBe('hi');
    expect(pickLocale(undefined, 'ja')).toBe('en');
  });
});
