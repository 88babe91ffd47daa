/** The CSP directives every Fitting Room page needs, before the ingest origin is added. */
export const BASE_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval' lets MediaPipe compile its wasm; it does not allow eval() of strings.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'connect-src': ["'self'"],
  // blob: for the captured photo under review, data: for small inline images.
  'img-src': ["'self'", 'blob:', 'data:'],
  'worker-src': ["'self'", 'blob:'],
};

/**
 * The strict CSP the demo store is served with: the minimal policy of docs/csp.md, with the
 * ingest server's origin (when it is not the page's own) added to `connect-src` only.
 */
export function strictCsp(ingestOrigin?: string | null, pageOrigin?: string): string {
  const extra = ingestOrigin && ingestOrigin !== pageOrigin ? [new URL(ingestOrigin).origin] : [];
  return Object.entries(BASE_DIRECTIVES)
    .map(([name, values]) => {
      const all = name === 'connect-src' ? [...values, ...extra] : values;
      return `${name} ${all.join(' ')}`;
    })
    .join('; ');
}

/** Headers of every page response besides the CSP: no sniffing, camera for this origin only. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
};
