import { UploadError } from './errors.js';
import { parseRawHeaders, type Transport } from './transport.js';

/** The part of the `XMLHttpRequest` constructor the transport uses (injectable for tests). */
export type XhrConstructor = new () => XMLHttpRequest;

/** Options of {@link createXhrTransport}. */
export interface XhrTransportOptions {
  /** Defaults to the global `XMLHttpRequest`. */
  readonly XMLHttpRequest?: XhrConstructor;
}

/**
 * The default browser `Transport`: XHR, because only XHR reports upload progress.
 * Never sends cookies (`withCredentials` stays false).
 */
export function createXhrTransport(options: XhrTransportOptions = {}): Transport {
  const Xhr = options.XMLHttpRequest ?? globalThis.XMLHttpRequest;
  return {
    send(request, { onProgress, signal } = {}) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) {
          reject(new UploadError('aborted', 'request aborted'));
          return;
        }
        const xhr = new Xhr();
        const onAbortSignal = () => xhr.abort();
        const settle = () => signal?.removeEventListener('abort', onAbortSignal);
        xhr.open(request.method, request.url, true);
        xhr.responseType = 'arraybuffer';
        xhr.withCredentials = false;
        for (const [name, value] of Object.entries(request.headers)) {
          xhr.setRequestHeader(name, value);
        }
        if (onProgress) {
          xhr.upload.onprogress = (event) => {
            if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
          };
        }
        xhr.onload = () => {
          settle();
          const body = xhr.response instanceof ArrayBuffer ? xhr.response : new ArrayBuffer(0);
          resolve({
            status: xhr.status,
            headers: parseRawHeaders(xhr.getAllResponseHeaders()),
            body,
          });
        };
        xhr.onerror = xhr.ontimeout = () => {
          settle();
          reject(new UploadError('network', 'network error: no answer from the server'));
        };
        xhr.onabort = () => {
          settle();
          reject(new UploadError('aborted', 'request aborted'));
        };
        signal?.addEventListener('abort', onAbortSignal, { once: true });
        xhr.send(request.body ?? null);
      });
    },
  };
}
