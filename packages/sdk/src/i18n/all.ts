import { de } from './consent/de.js';
import { en } from './consent/en.js';
import { es } from './consent/es.js';
import { fr } from './consent/fr.js';
import { hi } from './consent/hi.js';
import { de as tryOnDe } from './tryon/de.js';
import { en as tryOnEn } from './tryon/en.js';
import { es as tryOnEs } from './tryon/es.js';
import { fr as tryOnFr } from './tryon/fr.js';
import { hi as tryOnHi } from './tryon/hi.js';
import type { ConsentStrings, Locale, TryOnStrings } from './types.js';

// For tooling and tests: the SDK itself loads one locale's dictionaries lazily (index.ts).

/** Every shipped consent-flow dictionary at once. */
export const DICTIONARIES: Readonly<Record<Locale, ConsentStrings>> = { en, fr, de, es, hi };

/** Every shipped try-on dictionary at once. */
export const TRYON_STRINGS: Readonly<Record<Locale, TryOnStrings>> = {
  en: tryOnEn,
  fr: tryOnFr,
  de: tryOnDe,
  es: tryOnEs,
  hi: tryOnHi,
};
