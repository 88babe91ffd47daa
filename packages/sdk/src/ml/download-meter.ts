import { type FetchLike, type FetchScope, urlOf } from './fetch-guard.js';

/** Bytes of the try-on's downloads (wasm and model) received so far. */
export interface DownloadProgress {
  readonly loaded: number;
  /** 0 until every tracked file's size is known. */
  readonly total: number;
}

/** Per-file byte counts, keyed by URL. */
export type FileTally = ReadonlyMap<string, { readonly loaded: number; readonly total: number }>;

/**
 * The overall progress of `expected` files. The total counts only once every file reported its
 * size, so the bar never runs to the end of the first file and then jumps back.
 */
export function sumProgress(tally: FileTally, expected: number): DownloadProgress {
  let loaded = 0;
  let total = 0;
  for (const file of tally.values()) {
    loaded += file.loaded;
    total += file.total;
  }
  const known = tally.size >= expected && [...tally.values()].every((f) => f.total > 0);
  return { loaded, total: known ? Math.max(total, loaded) : 0 };
}

/** The body size a response announces, when it is the size of what the stream yields. */
function announcedSize(response: Response): number {
  // A compressed response's Content-Length is the compressed size; the stream is not.
  if (response.headers.get('content-encoding')) return 0;
  return Number(response.headers.get('content-length')) || 0;
}

/** The same response, with a body that reports every chunk as it is read. */
export function meteredResponse(
  response: Response,
  onBytes: (loaded: number, total: number) => void,
): Response {
  if (!response.ok || !response.body) return response;
  const total = announcedSize(response);
  let loaded = 0;
  onBytes(0, total);
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      onBytes(loaded, total);
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * Wraps a scope's `fetch` so the responses of `urls` (absolute) report their bytes as they are
 * read: the wasm binary is fetched by tasks-vision's own loader, so this is where its bytes can
 * be counted. Returns a function that removes the wrapper (only if it is still the outermost).
 */
export function installDownloadMeter(
  scope: FetchScope,
  urls: readonly string[],
  onProgress: (progress: DownloadProgress) => void,
): () => void {
  const original: FetchLike = scope.fetch;
  const inner = original.bind(scope);
  const tally = new Map<string, { loaded: number; total: number }>();
  const metered: FetchLike = async (input, init) => {
    const response = await inner(input, init);
    const url = response.url || new URL(urlOf(input), globalThis.location?.href).href;
    if (!urls.includes(url)) return response;
    return meteredResponse(response, (loaded, total) => {
      tally.set(url, { loaded, total });
      onProgress(sumProgress(tally, urls.length));
    });
  };
  scope.fetch = metered;
  return () => {
    if (scope.fetch === metered) scope.fetch = original;
  };
}
