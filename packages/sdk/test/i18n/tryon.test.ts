import { describe, expect, it } from 'vitest';
import { CameraError, type CameraErrorCode } from '../../src/camera/errors.js';
import { TRYON_STRINGS } from '../../src/i18n/all.js';
import {
  LOCALES,
  type Locale,
  loadTryOnStrings,
  TRYON_KEYS,
  type TryOnStrings,
} from '../../src/i18n/index.js';
import { en } from '../../src/i18n/tryon/en.js';

const STRING_KEYS = [...TRYON_KEYS].sort();

describe('try-on strings, loaded per locale', () => {
  it.each(LOCALES)(
    '%s loads its own dictionary, every key present and non-empty',
    async (locale) => {
      const strings = await loadTryOnStrings(locale);
      expect(strings).toEqual(TRYON_STRINGS[locale]);
      expect(Object.keys(strings).sort()).toEqual(STRING_KEYS);
      for (const key of STRING_KEYS) {
        expect(strings[key as keyof TryOnStrings].trim(), key).not.toBe('');
      }
    },
  );

  it.each(LOCALES.filter((l) => l !== 'en'))('%s is translated, not English', async (locale) => {
    const strings = await loadTryOnStrings(locale);
    const same = STRING_KEYS.filter(
      (k) => strings[k as keyof TryOnStrings] === en[k as keyof TryOnStrings],
    );
    expect(same).toEqual([]);
  });

  it('gives each locale a different dictionary', async () => {
    const titles = await Promise.all(
      LOCALES.map(async (l) => (await loadTryOnStrings(l)).tryOnTitle),
    );
    expect(new Set(titles).size).toBe(LOCALES.length);
  });

  it("applies the retailer's overrides for that locale only", async () => {
    const strings = await loadTryOnStrings('fr', {
      fr: { capture: 'Clic !' },
      de: { capture: 'Klick', share: 'Teilen!' },
      en: { retake: 'Again' },
    });
    expect(strings.capture).toBe('Clic !');
    expect(strings.share).toBe(TRYON_STRINGS.fr.share);
    expect(strings.retake).toBe(TRYON_STRINGS.fr.retake);
    expect(TRYON_STRINGS.fr.capture).not.toBe('Clic !'); // the shipped dictionary is untouched
  });

  it('falls back to English for a locale that is not shipped', async () => {
    const strings = await loadTryOnStrings('pt' as Locale, { en: { capture: 'Snap' } });
    expect(strings).toEqual({ ...en, capture: 'Snap' });
    expect(await loadTryOnStrings('toString' as Locale)).toEqual(en);
  });
});

describe('camera messages', () => {
  it.each(TRYON_KEYS.filter((k) => k.startsWith('camera_') && k !== 'camera_ended'))(
    '%s: the CameraError message is the text the try-on shows',
    (code) => {
      expect(new CameraError(code as CameraErrorCode).message).toBe(en[code]);
    },
  );
});
