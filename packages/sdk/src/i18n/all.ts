import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { hi } from './hi.js';
import type { ConsentStrings, Locale } from './types.js';

/** Every shipped dictionary at once (for tooling and tests; the consent flow loads lazily). */
export const DICTIONARIES: Readonly<Record<Locale, ConsentStrings>> = { en, fr, de, es, hi };
