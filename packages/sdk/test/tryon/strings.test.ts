import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../src/i18n/types.js';
import { en } from '../../src/tryon/locales/en.js';
import { loadTryOnStrings, type TryOnStrings } from '../../src/tryon/strings.js';
import { TRYON_STRINGS } from '../../src/tryon/strings-all.js';

// Typed as a record so adding a key to `TryOnStrings` without listing it here fails to compile.
const KEYS: Record<keyof TryOnStrings, true> = {
  tryOnTitle: true,
  capture: true,
  closeTryOn: true,
  withdraw: true,
  starting: true,
  loading: true,
  downloadProgress: true,
  initializing: true,
  showHand: true,
  showFace: true,
  showWrist: true,
  moveHandBack: true,
  moveBack: true,
  turnToCamera: true,
  tracking: true,
  onDevice: true,
  reviewTitle: true,
  imageAlt: true,
  share: true,
  save: true,
  saved: true,
  retake: true,
  discard: true,
  sharing: true,
  shareFailed: true,
  shared: true,
  shareRefused: true,
  queued: true,
  uploadProgress: true,
  withdrawn: true,
  mlFailed: true,
  ml_download_failed: true,
  download_stalled: true,
  retry: true,
  camera_ended: true,
  camera_denied: true,
  camera_not_found: true,
  camera_busy: true,
  camera_insecure_context: true,
  camera_unsupported: true,
  camera_failed: true,
};
const STRING_KEYS = Object.keys(KEYS).sort();

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
