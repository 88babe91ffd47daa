import { API_PREFIX } from '@fittingroom/protocol';

/**
 * A protocol path (`/v1/uploads`) as a route of the API plugin, which is registered under the
 * `/v1` prefix (`/uploads`). `:id` stays a parameter even through `encodeURIComponent`.
 */
export function apiRoute(path: string): string {
  if (!path.startsWith(`${API_PREFIX}/`)) throw new Error(`not an API path: ${path}`);
  return path.slice(API_PREFIX.length).replace(/%3A/gi, ':');
}

/** A protocol path (`/v1/retailer/uploads`) as a route of a plugin registered under `prefix`. */
export function routeUnder(prefix: string, path: string): string {
  if (!path.startsWith(`${prefix}/`)) throw new Error(`not under ${prefix}: ${path}`);
  return path.slice(prefix.length).replace(/%3A/gi, ':');
}
