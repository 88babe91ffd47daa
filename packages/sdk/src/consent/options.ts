import { PURPOSES, type Purpose } from '@fittingroom/protocol';
import { ConfigError } from '../errors.js';
import { LOCALES, matchLocale, type StringOverrides, validateOverrides } from '../i18n/index.js';
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

const KNOWN = ['store', 'now', 'signals', 'locale', 'strings', 'ui', 'randomId'];

/**
 * Checks the options object and each option's type.
 * @throws ConfigError naming the field, e.g. `options.locale`.
 */
export function validateOptions(input: unknown): ConsentOptions {
  if (input === undefined) return {};
  if (typeof input !== 'object' || input === null) {
    throw new ConfigError('options', 'must be an object');
  }
  const options = input as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!KNOWN.includes(key)) throw new ConfigError(`options.${key}`, 'is not a known option');
  }
  for (const key of ['now', 'signals', 'randomId'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'function') {
      throw new ConfigError(`options.${key}`, 'must be a function');
    }
  }
  if (options.locale !== undefined) {
    if (typeof options.locale !== 'string' || matchLocale(options.locale) === null) {
      throw new ConfigError(
        'options.locale',
        `must be one of ${LOCALES.join(', ')} (or a tag like fr-CA)`,
      );
    }
  }
  requireMethods(options.store, 'options.store', ['load', 'append', 'clear']);
  requireMethods(options.ui, 'options.ui', ['ask']);
  validateOverrides(options.strings);
  return options as ConsentOptions;
}

function requireMethods(value: unknown, field: string, methods: readonly string[]): void {
  if (value === undefined) return;
  const object = value as Record<string, unknown> | null;
  for (const method of methods) {
    if (typeof object?.[method] !== 'function') {
      throw new ConfigError(`${field}.${method}`, 'must be a function');
    }
  }
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
