import { type NextRequest, NextResponse } from 'next/server';

/**
 * The strict CSP of docs/csp.md, with a fresh nonce per request for Next.js's own inline
 * scripts (Next.js reads the nonce from the request's CSP header and puts it on its scripts).
 * Fitting Room itself needs no nonce: its files are same-origin ('self').
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'wasm-unsafe-eval'`,
    `style-src 'self' 'nonce-${nonce}'`,
    `connect-src 'self' ${process.env.FR_INGEST ?? ''}`.trim(),
    "img-src 'self' blob: data:",
    "worker-src 'self' blob:",
  ].join('; ');
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Pages only: Next.js's static chunks and the assets folder are files, not documents.
  matcher: [
    {
      source: '/((?!_next/static|_next/image|fittingroom/|favicon.ico|ring.svg).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
