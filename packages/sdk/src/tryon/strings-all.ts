import type { Locale } from '../i18n/types.js';
import { de } from './locales/de.js';
import { en } from './locales/en.js';
import { es } from './locales/es.js';
import { fr } from './locales/fr.js';
import { hi } from './locales/hi.js';
import type { TryOnStrings } from './strings.js';

/** Shipped try-on texts, one dictionary per locale (for tooling; the try-on loads one lazily). */
export const TRYON_STRINGS: Readonly<Record<Locale, TryOnStrings>> = { en, fr, de, es, hi };
