import { describe, expect, it } from 'vitest';
import { createConsent } from '../../src/consent/consent.js';
import { memoryConsentStore } from '../../src/consent/store.js';
import { ConfigError } from '../../src/errors.js';
import { createTryOn } from '../../src/tryon/session.js';
import type { TryOnOptions } from '../../src/tryon/types.js';
import { POLICY } from '../consent/fixtures.js';
import { RING } from '../products/fixtures.js';

// Every factory that takes `strings` checks them with the catalog's one rule, so the same
// mistake fails the same way whichever factory a retailer calls.
const PRODUCT = { ...RING, image: 'data:image/png;base64,iVBORw0KGgo=' };

function tryOnWith(strings: unknown) {
  const options = { product: PRODUCT, policy: POLICY, assetsUrl: '/assets/', strings };
  return () => createTryOn(options as TryOnOptions);
}

function consentWith(strings: unknown) {
  const options = { store: memoryConsentStore(), strings };
  return () => createConsent(POLICY, options as Parameters<typeof createConsent>[1]);
}

function fieldOf(create: () => unknown): string {
  try {
    create();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).field;
  }
  throw new Error('no ConfigError');
}

const MISTAKES: [string, unknown, string][] = [
  ['a typo in a try-on key', { fr: { captur: 'x' } }, 'fr.captur'],
  ['a typo in a consent key', { fr: { acept: 'Oui' } }, 'fr.acept'],
  ['an unknown locale', { pt: { accept: 'Sim' } }, 'pt'],
  ['an empty try-on text (an unlabelled button)', { fr: { capture: '' } }, 'fr.capture'],
  ['a blank consent text', { de: { accept: '  ' } }, 'de.accept'],
  ['a text that is not a string', { en: { retry: 3 } }, 'en.retry'],
  ['a locale that is not an object', { es: 'hola' }, 'es'],
];

describe('string overrides: one rule for every factory', () => {
  it.each(MISTAKES)('createTryOn rejects %s, naming the field', (_, strings, at) => {
    expect(fieldOf(tryOnWith(strings))).toBe(`strings.${at}`);
  });

  it.each(MISTAKES)('createConsent rejects %s, naming the field', (_, strings, at) => {
    expect(fieldOf(consentWith(strings))).toBe(`options.strings.${at}`);
  });

  it('createTryOn accepts both sections of the catalog; createConsent only its own', () => {
    const strings = { fr: { capture: 'Clic', accept: 'Oui' }, hi: { retry: 'फिर से' } };
    expect(tryOnWith(strings)).not.toThrow();
    expect(fieldOf(consentWith(strings))).toBe('options.strings.fr.capture');
  });
});
