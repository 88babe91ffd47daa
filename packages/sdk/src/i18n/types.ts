/** Locales the SDK ships strings for. */
export const LOCALES = ['en', 'fr', 'de', 'es', 'hi'] as const;

/** A shipped locale (primary language subtag). */
export type Locale = (typeof LOCALES)[number];

/**
 * Every user-facing string of the consent flow. `{name}` placeholders are filled in at render
 * time: `controller`, `contact`, `version`, `minAge`, `location`, `days`, `purpose`,
 * `withdrawButton`. Lines marked (notice) are part of the hashed notice text.
 */
export const STRING_KEYS = [
  /** (notice) Dialog heading. */
  'title',
  /** (notice) First paragraph. */
  'intro',
  /** (notice) Shown when the policy sets `minAge`. */
  'ageLine',
  /** (notice) Purpose names. */
  'cameraName',
  'uploadName',
  'improvementName',
  /** (notice) What / where / how long, per purpose. */
  'cameraWhat',
  'cameraWhere',
  'cameraHowLong',
  'uploadWhat',
  'uploadWhere',
  'uploadHowLong',
  'improvementWhat',
  'improvementWhere',
  'improvementHowLong',
  /** (notice) Who is responsible, how to withdraw, link to the policy. */
  'controllerLine',
  'withdrawLine',
  'policyLink',
  /** Decision area. */
  'askOne',
  'chooseLegend',
  'chooseAtLeastOne',
  'accept',
  'acceptSelected',
  'refuse',
  /** Opens the full notice from the short first layer. */
  'details',
  'close',
  'alreadyAllowed',
  'askedLater',
  'unavailableGpc',
  'unavailableDnt',
  /** Age gate. */
  'ageTitle',
  'ageQuestion',
  'ageYes',
  'ageNo',
  'underageTitle',
  'underageText',
  /** Privacy control (withdraw). */
  'controlLabel',
  'withdrawButton',
  'withdrawHelp',
  'withdrawnStatus',
  'receiptButton',
  /** Receipts: how each purpose ends (Kantara `termination`). */
  'cameraTermination',
  'uploadTermination',
  'improvementTermination',
] as const;

/** One string key. */
export type StringKey = (typeof STRING_KEYS)[number];

/** A complete dictionary for one locale. */
export type ConsentStrings = Readonly<Record<StringKey, string>>;

/** Retailer overrides, per locale and per key; anything not given keeps the shipped text. */
export type StringOverrides = Readonly<Partial<Record<Locale, Partial<ConsentStrings>>>>;
