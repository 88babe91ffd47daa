import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { DICTIONARIES } from '../../src/i18n/all.js';
import {
  format,
  LOCALES,
  loadLocale,
  pickConsentOverrides,
  resolveLocale,
  STRING_KEYS,
  stringsFor,
  validateOverrides,
} from '../../src/i18n/index.js';

const placeholdersOf = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it.each(LOCALES)(
    '%s has every key, non-empty, with the same placeholders as English',
    (locale) => {
      const dictionary = DICTIONARIES[locale];
      expect(Object.keys(dictionary).sort()).toEqual([...STRING_KEYS].sort());
      for (const key of STRING_KEYS) {
        expect(dictionary[key].trim()).not.toBe('');
        expect(placeholdersOf(dictionary[key])).toEqual(placeholdersOf(DICTIONARIES.en[key]));
      }
    },
  );

  it.each(LOCALES)('%s: the sharing step opens with sharing, not the camera', (locale) => {
    const intro = DICTIONARIES[locale].uploadIntro;
    expect(intro).not.toMatch(/camera|caméra|kamera|cámara|कैमरा/i);
    expect(placeholdersOf(intro)).toEqual(['controller', 'days', 'withdrawButton']);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))(
    '%s is translated, not copied from English',
    (locale) => {
      const same = STRING_KEYS.filter((k) => DICTIONARIES[locale][k] === DICTIONARIES.en[k]);
      expect(same.filter((k) => k !== 'ageNo')).toEqual([]);
    },
  );
});

describe('locale choice', () => {
  it('takes the first matching candidate by primary language, else English', () => {
    expect(resolveLocale(['fr-CA', 'de'])).toBe('fr');
    expect(resolveLocale([undefined, '', 'pt-BR', 'HI_in'])).toBe('hi');
    expect(resolveLocale(['pt', 'ja'])).toBe('en');
  });

  it('loads a dictionary on demand; English until then', async () => {
    expect(stringsFor('de').accept).toBe(DICTIONARIES.en.accept);
    expect(await loadLocale('de')).toBe(DICTIONARIES.de);
    expect(stringsFor('de').accept).toBe(DICTIONARIES.de.accept);
  });

  it('applies retailer overrides per locale and key only', async () => {
    await loadLocale('fr');
    const s = stringsFor('fr', { fr: { accept: 'Oui, essayer' }, de: { accept: 'Ja' } });
    expect(s.accept).toBe('Oui, essayer');
    expect(s.refuse).toBe(DICTIONARIES.fr.refuse);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('validateOverrides', () => {
  it.each([
    ['nope', 'options.strings'],
    [{ pt: { accept: 'Sim' } }, 'options.strings.pt'],
    [{ fr: 'x' }, 'options.strings.fr'],
    [{ fr: { acept: 'Oui' } }, 'options.strings.fr.acept'],
    [{ fr: { accept: '' } }, 'options.strings.fr.accept'],
    [{ fr: { accept: 3 } }, 'options.strings.fr.accept'],
  ])('names the field (%#)', (input, field) => {
    try {
      validateOverrides(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).field).toBe(field);
    }
  });
});

describe('pickConsentOverrides', () => {
  it('keeps consent keys only, so wider overrides pass validation', () => {
    const picked = pickConsentOverrides({
      fr: { accept: 'Oui', capture: 'Photo' },
      de: { capture: 'Foto' },
    });
    expect(picked).toEqual({ fr: { accept: 'Oui' }, de: {} });
    expect(validateOverrides(picked)).toEqual(picked);
  });
});
