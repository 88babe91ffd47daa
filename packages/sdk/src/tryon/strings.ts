import type { Locale } from '../i18n/types.js';

/** Texts of the live view and review, per locale; retailers may override any key. */
export interface TryOnStrings {
  readonly tryOnTitle: string;
  readonly capture: string;
  readonly closeTryOn: string;
  readonly withdraw: string;
  readonly starting: string;
  readonly loading: string;
  /** Accessible name of the download progress bar. */
  readonly downloadProgress: string;
  /** After the download: compiling the wasm and starting the graph. */
  readonly initializing: string;
  readonly showHand: string;
  readonly showFace: string;
  /** Fitting hints (see `FitHint` in anchoring/visibility.ts): one per failed placement rule. */
  readonly showWrist: string;
  readonly moveHandBack: string;
  readonly moveBack: string;
  readonly turnToCamera: string;
  readonly tracking: string;
  readonly onDevice: string;
  readonly reviewTitle: string;
  readonly imageAlt: string;
  readonly share: string;
  /** The primary action when no ingest server is configured: a download, nothing uploaded. */
  readonly save: string;
  readonly saved: string;
  readonly retake: string;
  readonly discard: string;
  readonly sharing: string;
  readonly shareFailed: string;
  readonly shared: string;
  readonly shareRefused: string;
  readonly queued: string;
  readonly uploadProgress: string;
  readonly withdrawn: string;
  readonly mlFailed: string;
  readonly ml_download_failed: string;
  /** No byte of the download arrived for a while (STALL_MS); a retry is offered. */
  readonly download_stalled: string;
  readonly retry: string;
  /** The camera track ended while trying on (unplugged, taken by another app). */
  readonly camera_ended: string;
  readonly camera_denied: string;
  readonly camera_not_found: string;
  readonly camera_busy: string;
  readonly camera_insecure_context: string;
  readonly camera_unsupported: string;
  readonly camera_failed: string;
}

/** Retailer overrides of try-on texts, per locale and key. */
export type TryOnStringOverrides = Readonly<Partial<Record<Locale, Partial<TryOnStrings>>>>;

// One chunk per locale, fetched after consent in parallel with the live view's code, so a
// shopper downloads only the language shown (all five together were ~3 KB gzip).
const LOADERS: Readonly<Record<Locale, () => Promise<TryOnStrings>>> = {
  en: () => import('./locales/en.js').then((m) => m.en),
  fr: () => import('./locales/fr.js').then((m) => m.fr),
  de: () => import('./locales/de.js').then((m) => m.de),
  es: () => import('./locales/es.js').then((m) => m.es),
  hi: () => import('./locales/hi.js').then((m) => m.hi),
};

/**
 * Loads the try-on texts for a locale (English for a code that is not shipped) with the
 * retailer's overrides for that locale applied. English comes with the live view's chunk,
 * which the session is loading anyway (see `chunks.ts`), so it costs no extra request.
 */
export async function loadTryOnStrings(
  locale: Locale,
  overrides: TryOnStringOverrides = {},
): Promise<TryOnStrings> {
  const shipped: Locale = Object.hasOwn(LOADERS, locale) ? locale : 'en';
  return { ...(await LOADERS[shipped]()), ...overrides[shipped] };
}
