import type { ConsentPolicy, IngestOptions } from '@fittingroom/sdk';

/** Where the assets folder is served (see vite.config.ts: @fittingroom/vite-plugin). */
export const ASSETS_URL = '/fittingroom/assets/';

/** The demo's publishable key (public by design; the ingest server allows it). */
export const PUBLISHABLE_KEY = 'pk_demo_store';

/** The retailer's consent policy; `policyUrl` must be absolute, so it is built from the page. */
export function policy(pageUrl: string): ConsentPolicy {
  return {
    controller: { name: 'Lumen & Loop Ltd', contact: 'privacy@lumenloop.example' },
    policyUrl: new URL('/privacy.html', pageUrl).href,
    policyVersion: '2025-06',
    jurisdiction: 'EU',
    storageLocation: 'Frankfurt, Germany',
    retentionDays: 30,
  };
}

/**
 * The ingest server: from `<meta name="fittingroom-ingest">` (filled in by the server that
 * serves the app), else `VITE_FR_INGEST` at build time; without either, sharing is not offered.
 */
export function ingest(doc: Document): IngestOptions | undefined {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="fittingroom-ingest"]')?.content;
  const endpoint = meta && !meta.startsWith('__') ? meta : import.meta.env.VITE_FR_INGEST;
  return typeof endpoint === 'string' && endpoint !== ''
    ? { endpoint, publishableKey: PUBLISHABLE_KEY }
    : undefined;
}
