/** A `fetch`-like function. */
export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Decides whether a resolved URL may be fetched. */
export type UrlPolicy = (url: URL) => boolean;

/** Allows only the given origins (plus `blob:` and `data:` URLs, which never leave the page). */
export function allowOrigins(origins: readonly string[]): UrlPolicy {
  return (url) =>
    url.protocol === 'blob:' || url.protocol === 'data:' || origins.includes(url.origin);
}

/** Host MediaPipe tasks-vision 1.1.0 posts usage logs to (`/v1/log`). */
export const MEDIAPIPE_TELEMETRY_HOST = 'odml.pa.googleapis.com';

/**
 * Allows everything but MediaPipe's telemetry: for the main-thread fallback, where the page's
 * own `fetch` calls must keep working.
 */
export const denyMediaPipeTelemetry: UrlPolicy = (url) => url.host !== MEDIAPIPE_TELEMETRY_HOST;

/** The URL a `fetch` call asks for, as given (maybe relative). */
export function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

/**
 * Wraps `fetch` so it only reaches what `policy` allows. Blocked calls reject like a network
 * error (tasks-vision treats that as "logging failed") and are reported to `onBlocked`.
 */
export function guardedFetch(
  inner: FetchLike,
  base: string,
  policy: UrlPolicy,
  onBlocked: (url: string) => void = () => {},
): FetchLike {
  return (input, init) => {
    const raw = urlOf(input);
    let url: URL | null = null;
    try {
      url = new URL(raw, base);
    } catch {
      url = null;
    }
    if (url && policy(url)) return inner(input, init);
    onBlocked(raw);
    return Promise.reject(new TypeError(`Fitting Room blocked a request to ${raw}`));
  };
}

/** A scope whose global `fetch` can be replaced (a worker's `self`, or `window`). */
export interface FetchScope {
  fetch: FetchLike;
}

/**
 * Installs the guard on a scope and returns a function that removes it again, but only if no
 * one replaced `fetch` after us (so we never undo someone else's wrapper).
 */
export function installFetchGuard(
  scope: FetchScope,
  base: string,
  policy: UrlPolicy,
  onBlocked?: (url: string) => void,
): () => void {
  const original = scope.fetch;
  const guard = guardedFetch(original.bind(scope), base, policy, onBlocked);
  scope.fetch = guard;
  return () => {
    if (scope.fetch === guard) scope.fetch = original;
  };
}
