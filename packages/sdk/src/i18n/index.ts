// The string catalog: every user-facing text of the SDK, per locale, in two sections (the
// consent flow, `consent/<locale>.ts`, and the try-on, `tryon/<locale>.ts`), with one way to load,
// override and validate them.
import * as v from 'valibot';
import { parseConfig } from '../validation.js';
import { en } from './consent/en.js';
import {
  type ConsentStrings,
  LOCALES,
  type Locale,
  type StringKey,
  type StringOverrides,
  TRYON_KEYS,
  type TryOnStringOverrides,
  type TryOnStrings,
  type UiStringOverrides,
} from './types.js';

export * from './types.js';

// English consent text ships with the consent code; every other dictionary loads on demand in
// its own chunk, so a page only pays for the language it shows (this keeps what loads before
// consent small). The try-on's texts, English too, load only after consent.
const loaded: Partial<Record<Locale, ConsentStrings>> = { en };
const LOADERS: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<ConsentStrings>>> = {
  fr: () => import('./consent/fr.js').then((m) => m.fr),
  de: () => import('./consent/de.js').then((m) => m.de),
  es: () => import('./consent/es.js').then((m) => m.es),
  hi: () => import('./consent/hi.js').then((m) => m.hi),
};
const TRYON_LOADERS: Readonly<Record<Locale, () => Promise<TryOnStrings>>> = {
  en: () => import('./tryon/en.js').then((m) => m.en),
  fr: () => import('./tryon/fr.js').then((m) => m.fr),
  de: () => import('./tryon/de.js').then((m) => m.de),
  es: () => import('./tryon/es.js').then((m) => m.es),
  hi: () => import('./tryon/hi.js').then((m) => m.hi),
};

// The consent keys read off the English dictionary that ships here anyway, rather than from
// `STRING_KEYS`, which would add a second copy of them before consent (tests keep both equal).
const CONSENT_KEYS = Object.keys(en) as StringKey[];

/** Every key of the catalog, consent flow and try-on: what `createTryOn` accepts. */
export const UI_KEYS: readonly string[] = [...CONSENT_KEYS, ...TRYON_KEYS];

/** Loads a locale's shipped consent dictionary once (English is always loaded). */
export async function loadLocale(locale: Locale): Promise<ConsentStrings> {
  const ready = loaded[locale];
  if (ready) return ready;
  const dictionary = await LOADERS[locale as Exclude<Locale, 'en'>]();
  loaded[locale] = dictionary;
  return dictionary;
}

/** True when `value` is a shipped locale code. */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag (`fr-CA`, `hi_IN`, `DE`) to a shipped locale, or null. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(primary) ? primary : null;
}

/**
 * Picks the first candidate tag that matches a shipped locale, else English. Callers pass, in
 * order of preference, the configured locale, the page's `lang` and the browser's languages.
 */
export function resolveLocale(candidates: readonly (string | null | undefined)[]): Locale {
  for (const tag of candidates) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return 'en';
}

/** The page's language preferences, read only when called (never at import: SSR-safe). */
export function pageLocaleCandidates(): string[] {
  const doc = globalThis.document as Document | undefined;
  const nav = globalThis.navigator as Navigator | undefined;
  return [doc?.documentElement?.lang ?? '', ...(nav?.languages ?? []), nav?.language ?? ''];
}

/** The dictionary for `locale` with the retailer's overrides for that locale applied. */
export function stringsFor(locale: Locale, overrides: StringOverrides = {}): ConsentStrings {
  // English until `loadLocale(locale)` has resolved (consent awaits it before showing anything).
  return { ...(loaded[locale] ?? en), ...overrides[locale] };
}

/**
 * Loads the try-on texts for a locale (English for a code that is not shipped) with the
 * retailer's overrides for that locale applied. English comes with the live view's chunk,
 * which the session is loading anyway (see `chunks.ts`), so it costs no extra request.
 */
export async function loadTryOnStrings(
  locale: Locale,
  overrides: TryOnStringOverrides = {},
): Promise<TryOnStrings> {
  const shipped: Locale = Object.hasOwn(TRYON_LOADERS, locale) ? locale : 'en';
  return { ...(await TRYON_LOADERS[shipped]()), ...overrides[shipped] };
}

/** Fills `{name}` placeholders; unknown placeholders are left as written so mistakes show. */
export function format(
  template: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Checks retailer string overrides, the one rule for every factory: locales must be shipped,
 * keys among `keys` (the consent flow's by default; `UI_KEYS` for the try-on), values
 * non-empty text (an empty one would leave a button unlabelled).
 * @throws ConfigError naming the field, e.g. `options.strings.fr.titel`.
 */
export function validateOverrides(
  input: unknown,
  field = 'options.strings',
  keys: readonly string[] = CONSENT_KEYS,
): UiStringOverrides {
  if (input === undefined) return {};
  return parseConfig(overridesSchema(keys), input, field, {
    unknownKey: (path) =>
      path.includes('.') ? 'is not a known string' : `is not a locale (use ${LOCALES.join(', ')})`,
  }) as UiStringOverrides;
}

const overrideText = v.pipe(
  v.string('must be a non-empty string'),
  v.check((text) => text.trim() !== '', 'must be a non-empty string'),
);

/** Locales to dictionaries of `keys`, every text non-empty (an empty one leaves a button unlabelled). */
function overridesSchema(keys: readonly string[]) {
  const dictionary = v.strictObject(
    Object.fromEntries(keys.map((key) => [key, v.optional(overrideText)])),
  );
  return v.strictObject(Object.fromEntries(LOCALES.map((l) => [l, v.optional(dictionary)])));
}

/**
 * Keeps only the consent-dialog keys of a wider overrides object (e.g. one that also holds the
 * try-on view's strings), so it can be handed to `createConsent` without tripping validation.
 */
export function pickConsentOverrides(overrides: UiStringOverrides): StringOverrides {
  const picked: Partial<Record<Locale, Partial<ConsentStrings>>> = {};
  for (const locale of LOCALES) {
    const dictionary = overrides[locale];
    if (!dictionary) continue;
    const keys = CONSENT_KEYS.filter((key) => dictionary[key] !== undefined);
    picked[locale] = Object.fromEntries(keys.map((key) => [key, dictionary[key]]));
  }
  return picked;
}
