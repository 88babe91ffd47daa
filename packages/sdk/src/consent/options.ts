import { PURPOSES, type Purpose } from '@fittingroom/protocol';
import * as v from 'valibot';
import { ConfigError } from '../errors.js';
import { LOCALES, matchLocale, type StringOverrides, validateOverrides } from '../i18n/index.js';
import { parseConfig } from '../validation.js';
import type { ResolvedPolicy } from './policy.js';
import type { ConsentUi } from './prompt.js';
import type { Signals } from './rules.js';
import type { ConsentStore } from './store.js';

/** Options of `createConsent`; every dependency has a default and can be replaced in tests. */
export interface ConsentOptions {
  /** Where records are kept (default: IndexedDB via idb-keyval, opened only on first write). */
  readonly store?: ConsentStore;
  /** Clock (default `() => new Date()`). */
  readonly now?: () => Date;
  /** Browser privacy signals, read each time they matter (default: GPC and DNT of the page). */
  readonly signals?: () => Signals;
  /** Locale of the dialog (`en`, `fr`, `de`, `es`, `hi`, or a tag such as `fr-CA`); default: page. */
  readonly locale?: string | undefined;
  /** Retailer wording, per locale and key; anything not given keeps the shipped text. */
  readonly strings?: StringOverrides | undefined;
  /** The consent UI (default: the built-in Shadow DOM dialog on `document.body`). */
  readonly ui?: ConsentUi;
  /** Id source for records (default `crypto.randomUUID`). */
  readonly randomId?: () => string;
}

const fn = v.function('must be a function');
const LOCALE_MESSAGE = `must be one of ${LOCALES.join(', ')} (or a tag like fr-CA)`;

/** An object with these methods (a store or a UI of the retailer's own). */
const withMethods = (...methods: string[]) =>
  v.looseObject(Object.fromEntries(methods.map((method) => [method, fn])));

const OptionsSchema = v.strictObject({
  store: v.optional(withMethods('load', 'append', 'clear')),
  now: v.optional(fn),
  signals: v.optional(fn),
  locale: v.optional(
    v.pipe(
      v.string(LOCALE_MESSAGE),
      v.check((tag) => matchLocale(tag) !== null, LOCALE_MESSAGE),
    ),
  ),
  strings: v.optional(v.unknown()), // checked by the catalog's own rule below
  ui: v.optional(withMethods('ask')),
  randomId: v.optional(fn),
});

/**
 * Checks the options object and each option's type.
 * @throws ConfigError naming the field, e.g. `options.locale`.
 */
export function validateOptions(input: unknown): ConsentOptions {
  if (input === undefined) return {};
  parseConfig(OptionsSchema, input, 'options');
  validateOverrides((input as ConsentOptions).strings);
  return input as ConsentOptions;
}

/**
 * Checks the purposes passed to `request`: a non-empty list of purposes the policy declares.
 * @throws ConfigError naming the entry, e.g. `request.purposes.0`.
 */
export function validatePurposes(input: unknown, policy: ResolvedPolicy): readonly Purpose[] {
  if (!Array.isArray(input) || input.length === 0) {
    throw new ConfigError('request.purposes', 'must be a non-empty array of purposes');
  }
  for (const [i, p] of input.entries()) {
    if (policy.purposes.includes(p as Purpose)) continue;
    const known = (PURPOSES as readonly unknown[]).includes(p);
    const problem = known
      ? `'${String(p)}' is not declared in policy.purposes`
      : `must be one of ${policy.purposes.join(', ')}`;
    throw new ConfigError(`request.purposes.${i}`, problem);
  }
  return input as Purpose[];
}
