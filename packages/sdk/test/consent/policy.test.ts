import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/consent/policy.js';
import { ConfigError, FittingRoomError } from '../../src/errors.js';
import { POLICY } from './fixtures.js';

function fieldOf(input: unknown): string {
  try {
    resolvePolicy(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toBeInstanceOf(FittingRoomError);
    expect((error as ConfigError).code).toBe('config');
    return (error as ConfigError).field;
  }
  throw new Error('expected a ConfigError');
}

describe('resolvePolicy', () => {
  it('fills defaults: 30-day retention, camera + upload, 180-day consent, both signals honoured', () => {
    const p = resolvePolicy(POLICY);
    expect(p.retentionDays).toBe(30);
    expect(p.purposes).toEqual(['camera', 'upload']);
    expect(p.consentDays).toBe(180);
    expect(p.minAge).toBeNull();
    expect(p.honorSignals).toEqual({ gpc: true, dnt: true });
  });

  it('keeps product-improvement off unless declared, and orders purposes canonically', () => {
    expect(resolvePolicy(POLICY).purposes).not.toContain('product-improvement');
    const p = resolvePolicy({
      ...POLICY,
      purposes: ['product-improvement', 'upload', 'camera', 'upload'],
    });
    expect(p.purposes).toEqual(['camera', 'upload', 'product-improvement']);
  });

  it('takes a page-relative policyUrl in a browser, resolved against the page (one rule with the script tag)', () => {
    const page = new URL('/privacy', document.baseURI).href;
    expect(resolvePolicy({ ...POLICY, policyUrl: '/privacy' }).policyUrl).toBe(page);
    expect(page).toMatch(/^https?:\/\//);
  });

  it('refuses a relative policyUrl where there is no page to resolve it against', () => {
    const doc = Object.getOwnPropertyDescriptor(globalThis, 'document');
    Object.defineProperty(globalThis, 'document', { value: undefined, configurable: true });
    try {
      expect(fieldOf({ ...POLICY, policyUrl: 'privacy.html' })).toBe('policy.policyUrl');
    } finally {
      if (doc) Object.defineProperty(globalThis, 'document', doc);
    }
  });

  it.each([
    [{ ...POLICY, controller: { contact: 'x' } }, 'policy.controller.name'],
    [{ ...POLICY, controller: { name: '   ', contact: 'x' } }, 'policy.controller.name'],
    [{ ...POLICY, controller: { name: 'Shop' } }, 'policy.controller.contact'],
    [{ ...POLICY, controller: 'Shop' }, 'policy.controller'],
    [{ ...POLICY, policyUrl: 'ftp://shop.example/privacy' }, 'policy.policyUrl'],
    [{ ...POLICY, policyUrl: 'javascript:alert(1)' }, 'policy.policyUrl'],
    [{ ...POLICY, policyVersion: '' }, 'policy.policyVersion'],
    [{ ...POLICY, policyVersion: 3 }, 'policy.policyVersion'],
    [{ ...POLICY, jurisdiction: undefined }, 'policy.jurisdiction'],
    [{ ...POLICY, storageLocation: '' }, 'policy.storageLocation'],
    [{ ...POLICY, retentionDays: 0 }, 'policy.retentionDays'],
    [{ ...POLICY, retentionDays: 2.5 }, 'policy.retentionDays'],
    [{ ...POLICY, consentDays: 400 }, 'policy.consentDays'],
    [{ ...POLICY, minAge: -1 }, 'policy.minAge'],
    [{ ...POLICY, purposes: ['upload'] }, 'policy.purposes'],
    [{ ...POLICY, purposes: ['camera', 'product-improvement'] }, 'policy.purposes'],
    [{ ...POLICY, purposes: ['camera', 'marketing'] }, 'policy.purposes.1'],
    [{ ...POLICY, honorSignals: { gpc: 'yes' } }, 'policy.honorSignals.gpc'],
    [{ ...POLICY, retentionDay: 30 }, 'policy.retentionDay'],
    [null, 'policy'],
  ])('names the field of a mistake (%#)', (input, field) => {
    expect(fieldOf(input)).toBe(field);
  });

  it('says what is wrong in the message', () => {
    expect(() => resolvePolicy({ ...POLICY, retentionDay: 30 })).toThrow(
      'policy.retentionDay is not a known option',
    );
    expect(() => resolvePolicy({ ...POLICY, controller: { contact: 'x' } })).toThrow(
      'policy.controller.name is required',
    );
  });
});
