import type { ConsentView } from '../consent/types.js';
import { ConfigError } from '../errors.js';
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

/** Validates options and applies defaults; a mistake throws `ConfigError` naming the field. */
export function resolveConfig(options: UploadClientOptions): ResolvedConfig {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigError('options', 'must be an options object');
  }
  return {
    endpoint: resolveEndpoint(options.endpoint),
    publishableKey: requireText('publishableKey', options.publishableKey),
    consent: requireConsent(options.consent),
    retry: resolveRetry(options.retry ?? {}),
    now: options.now ?? (() => new Date()),
    random: options.random ?? Math.random,
    sleep: options.sleep ?? abortableSleep,
    isOnline: options.isOnline ?? (() => globalThis.navigator?.onLine ?? true),
    maxImageBytes: positive('maxImageBytes', options.maxImageBytes ?? 10 * 1024 * 1024),
  };
}

/** Normalises the endpoint to an origin-plus-path without a trailing slash. */
export function resolveEndpoint(endpoint: unknown): string {
  const url = typeof endpoint === 'string' ? parseUrl(endpoint) : null;
  if (!url) throw new ConfigError('endpoint', 'must be an absolute URL');
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure) throw new ConfigError('endpoint', 'must use https (http only on loopback)');
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError('endpoint', 'must not contain a query, fragment or credentials');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function resolveRetry(retry: Partial<RetryPolicy>): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...retry };
  nonNegative('retry.baseMs', policy.baseMs);
  nonNegative('retry.maxMs', policy.maxMs);
  nonNegative('retry.maxRetryAfterMs', policy.maxRetryAfterMs);
  if (!(policy.jitter >= 0 && policy.jitter <= 1)) {
    throw new ConfigError('retry.jitter', 'must be a number from 0 to 1');
  }
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new ConfigError('retry.maxAttempts', 'must be an integer of at least 1');
  }
  return policy;
}

function requireText(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError(field, 'must be a non-empty string');
  }
  return value;
}

function requireConsent(value: unknown): ConsentView {
  const view = value as Partial<ConsentView> | null | undefined;
  if (
    typeof view !== 'object' ||
    view === null ||
    typeof view.allows !== 'function' ||
    typeof view.receipt !== 'function' ||
    typeof view.onWithdraw !== 'function'
  ) {
    throw new ConfigError('consent', 'must be a ConsentView (from createConsent)');
  }
  return view as ConsentView;
}

function nonNegative(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ConfigError(field, 'must be a finite number of at least 0');
  }
  return value;
}

function positive(field: string, value: number): number {
  if (nonNegative(field, value) === 0) throw new ConfigError(field, 'must be more than 0');
  return value;
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
