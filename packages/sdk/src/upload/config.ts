import * as v from 'valibot';
import type { ConsentView } from '../consent/types.js';
import { parseConfig } from '../validation.js';
import type { KeyValueStore } from './kv-store.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
import type { Transport } from './transport.js';

/** Where the client listens for `online` (normally `window`). */
export type OnlineEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/** Options of `createUploadClient`. Only `endpoint`, `publishableKey` and `consent` are required. */
export interface UploadClientOptions {
  /** Base URL of the ingest server, e.g. `https://ingest.shop.example` (https, or http on loopback). */
  readonly endpoint: string;
  /** The retailer's publishable key, sent as `x-fittingroom-key`. */
  readonly publishableKey: string;
  /** Read side of consent; uploads need its `upload` purpose, and it tells us about withdrawal. */
  readonly consent: ConsentView;
  /** Defaults to XHR in browsers (upload progress), else fetch. */
  readonly transport?: Transport;
  /** Defaults to an IndexedDB database of the SDK's own, `fittingroom-uploads`. */
  readonly storage?: KeyValueStore;
  /** WebCrypto; defaults to `globalThis.crypto`. */
  readonly crypto?: Crypto;
  /** Clock; defaults to `() => new Date()`. */
  readonly now?: () => Date;
  /** Uniform [0, 1) source for jitter; defaults to `Math.random`. */
  readonly random?: () => number;
  /** Retry policy overrides. */
  readonly retry?: Partial<RetryPolicy>;
  /** Waits between retries; rejects when `signal` aborts. Tests inject one that does not wait. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Source of `online` events; defaults to `window` when present. `null` disables listening. */
  readonly events?: OnlineEvents | null;
  /** Whether the device is online; defaults to `navigator.onLine` (true when unknown). */
  readonly isOnline?: () => boolean;
  /** Largest image accepted, in bytes; defaults to 10 MiB. */
  readonly maxImageBytes?: number;
}

/** Options after validation, with defaults applied (shells are still created by the client). */
export interface ResolvedConfig {
  readonly endpoint: string;
  readonly publishableKey: string;
  readonly consent: ConsentView;
  readonly retry: RetryPolicy;
  readonly now: () => Date;
  readonly random: () => number;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly isOnline: () => boolean;
  readonly maxImageBytes: number;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const atLeast0 = v.pipe(
  v.number('must be a finite number of at least 0'),
  v.finite('must be a finite number of at least 0'),
  v.minValue(0, 'must be a finite number of at least 0'),
);
const fn = v.function('must be a function');

/** The schema of `UploadClientOptions.retry` (its input type is that option's: test/types). */
export const RetrySchema = v.strictObject({
  baseMs: v.optional(atLeast0),
  maxMs: v.optional(atLeast0),
  maxRetryAfterMs: v.optional(atLeast0),
  jitter: v.optional(
    v.pipe(
      v.number('must be a number from 0 to 1'),
      v.minValue(0, 'must be a number from 0 to 1'),
      v.maxValue(1, 'must be a number from 0 to 1'),
    ),
  ),
  maxAttempts: v.optional(
    v.pipe(
      v.number('must be an integer of at least 1'),
      v.integer('must be an integer of at least 1'),
      v.minValue(1, 'must be an integer of at least 1'),
    ),
  ),
});

/** The read side of consent the client needs (from `createConsent`), judged whole. */
const ConsentViewSchema = v.custom<ConsentView>((value) => {
  const view = value as Partial<ConsentView> | null;
  return (
    typeof view === 'object' &&
    view !== null &&
    [view.allows, view.receipt, view.onWithdraw].every((m) => typeof m === 'function')
  );
}, 'must be a ConsentView (from createConsent)');

const OptionsSchema = v.looseObject(
  {
    endpoint: v.pipe(v.string('must be an absolute URL'), v.rawTransform(endpointOf)),
    publishableKey: v.pipe(
      v.string('must be a non-empty string'),
      v.check((key) => key.trim() !== '', 'must be a non-empty string'),
    ),
    consent: ConsentViewSchema,
    retry: v.optional(RetrySchema),
    now: v.optional(fn),
    random: v.optional(fn),
    sleep: v.optional(fn),
    isOnline: v.optional(fn),
    maxImageBytes: v.optional(
      v.pipe(
        atLeast0,
        v.check((bytes) => bytes > 0, 'must be more than 0'),
      ),
    ),
  },
  'must be an options object',
);

/** Validates options and applies defaults; a mistake throws `ConfigError` naming the field. */
export function resolveConfig(options: UploadClientOptions): ResolvedConfig {
  // The consent view and the shells keep their identity: only their shape is checked.
  const checked = parseConfig(OptionsSchema, options, '');
  return {
    endpoint: checked.endpoint,
    publishableKey: checked.publishableKey,
    consent: options.consent,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    now: options.now ?? (() => new Date()),
    random: options.random ?? Math.random,
    sleep: options.sleep ?? abortableSleep,
    isOnline: options.isOnline ?? (() => globalThis.navigator?.onLine ?? true),
    maxImageBytes: options.maxImageBytes ?? 10 * 1024 * 1024,
  };
}

/** Normalises the endpoint to an origin-plus-path without a trailing slash. */
export function resolveEndpoint(endpoint: unknown): string {
  return parseConfig(OptionsSchema.entries.endpoint, endpoint, 'endpoint');
}

/** The endpoint's normal form, or an issue saying what is wrong with it. */
function endpointOf({ dataset, addIssue, NEVER }: v.RawTransformContext<string>): string {
  const url = URL.canParse(dataset.value) ? new URL(dataset.value) : null;
  if (!url) {
    addIssue({ message: 'must be an absolute URL' });
    return NEVER;
  }
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure) {
    addIssue({ message: 'must use https (http only on loopback)' });
    return NEVER;
  }
  if (url.search || url.hash || url.username || url.password) {
    addIssue({ message: 'must not contain a query, fragment or credentials' });
    return NEVER;
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Default `sleep`: a timer that rejects with the signal's reason when aborted. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
