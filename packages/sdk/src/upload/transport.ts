import { UploadError } from './errors.js';

/** One HTTP request as the upload client builds it. */
export interface TransportRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: FormData | string | undefined;
}

/** One HTTP answer; header names are lower-case. */
export interface TransportResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ArrayBuffer;
}

/** Bytes of the request body sent so far. */
export interface TransferProgress {
  readonly loaded: number;
  readonly total: number;
}

/** Per-request hooks. */
export interface SendOptions {
  /** Upload progress, when the transport can observe it (XHR can, fetch cannot). */
  readonly onProgress?: ((progress: TransferProgress) => void) | undefined;
  readonly signal?: AbortSignal;
}

/**
 * Sends requests. Resolves with any HTTP answer (including 4xx/5xx); rejects only with an
 * `UploadError` coded `network` (no answer) or `aborted` (the signal fired).
 */
export interface Transport {
  send(request: TransportRequest, options?: SendOptions): Promise<TransportResponse>;
}

/** Options of {@link createFetchTransport}. */
export interface FetchTransportOptions {
  /** Defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
}

/**
 * A `Transport` over `fetch`: no upload progress, so it suits node tests and simple pages.
 * Never sends cookies or a referrer, and never follows a redirect.
 */
export function createFetchTransport(options: FetchTransportOptions = {}): Transport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  return {
    async send(request, { signal } = {}) {
      try {
        const response = await doFetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body ?? null,
          credentials: 'omit',
          // The ingest API never redirects; following one could leak the bearer elsewhere.
          redirect: 'error',
          referrerPolicy: 'no-referrer',
          cache: 'no-store',
          signal: signal ?? null,
        });
        const body = await response.arrayBuffer();
        return { status: response.status, headers: headersToRecord(response.headers), body };
      } catch (error) {
        throw transportFailure(error, signal);
      }
    },
  };
}

/** Maps a thrown fetch/XHR failure to a typed `network` or `aborted` error. */
export function transportFailure(error: unknown, signal?: AbortSignal): UploadError {
  if (error instanceof UploadError) return error;
  if (signal?.aborted) return new UploadError('aborted', 'request aborted', { cause: error });
  return new UploadError('network', 'network error: no answer from the server', { cause: error });
}

/** Copies a `Headers` object into a plain record with lower-case names. */
export function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

/** Parses `getAllResponseHeaders()` text into a record with lower-case names. */
export function parseRawHeaders(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of raw.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}
