// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkUploadConsent, refusalCode } from '../../src/upload/consent-gate.js';
import { createFakeConsent } from './support/fake-consent.js';
import { testClock } from './support/harness.js';

describe('checkUploadConsent', () => {
  const setup = () => {
    const clock = testClock();
    return { clock, consent: createFakeConsent(clock.now) };
  };

  it('refuses as missing when the shopper has not acted', () => {
    const { clock, consent } = setup();
    expect(checkUploadConsent(consent.view, clock.now())).toEqual({ ok: false, reason: 'missing' });
  });

  it('allows a current grant of the upload purpose, with its receipt', () => {
    const { clock, consent } = setup();
    const record = consent.grant();
    const gate = checkUploadConsent(consent.view, clock.now());
    expect(gate.ok && gate.receipt.consentReceiptID).toBe(record.id);
  });

  it('refuses as not_granted when only the camera was granted, or everything refused', () => {
    const { clock, consent } = setup();
    consent.grant({ purposes: ['camera'] });
    expect(checkUploadConsent(consent.view, clock.now())).toMatchObject({ reason: 'not_granted' });
    consent.refuse();
    expect(checkUploadConsent(consent.view, clock.now())).toMatchObject({ reason: 'not_granted' });
  });

  it('refuses as expired from the expiry instant on', () => {
    const { clock, consent } = setup();
    consent.grant({ expiresAt: new Date(clock.now().getTime() + 1000).toISOString() });
    expect(checkUploadConsent(consent.view, clock.now()).ok).toBe(true);
    clock.advance(1000);
    expect(checkUploadConsent(consent.view, clock.now())).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses as withdrawn after a withdrawal, even if expired too', () => {
    const { clock, consent } = setup();
    consent.grant();
    clock.advance(400 * 864e5);
    consent.withdraw();
    expect(checkUploadConsent(consent.view, clock.now())).toEqual({
      ok: false,
      reason: 'withdrawn',
    });
  });

  it('refuses a receipt this client saw withdrawn even if the view still shows the grant', () => {
    const { clock, consent } = setup();
    const record = consent.grant();
    const gate = checkUploadConsent(consent.view, clock.now(), new Set([record.id]));
    expect(gate).toEqual({ ok: false, reason: 'withdrawn' });
  });

  it('defers to the view when it does not allow upload', () => {
    const { clock, consent } = setup();
    consent.grant();
    const view = { ...consent.view, record: consent.view.record, allows: () => false };
    expect(checkUploadConsent(view, clock.now())).toEqual({ ok: false, reason: 'not_granted' });
  });

  it('maps each reason to its error code', () => {
    expect(refusalCode('expired')).toBe('consent_expired');
    expect(refusalCode('missing')).toBe('consent_missing');
  });
});
