/** Locales the SDK ships strings for. */
export const LOCALES = ['en', 'fr', 'de', 'es', 'hi'] as const;

/** A shipped locale (primary language subtag). */
export type Locale = (typeof LOCALES)[number];

/**
 * Every user-facing string of the consent flow. `{name}` placeholders are filled in at render
 * time: `controller`, `contact`, `version`, `minAge`, `location`, `days`, `purpose`,
 * `withdrawButton`. Lines marked (notice) are part of the hashed notice text.
 */
export const STRING_KEYS = [
  /** (notice) Dialog heading. */
  'title',
  /** (notice) First paragraph. */
  'intro',
  /**
   * First paragraph of the sharing step's summary (not part of the notice: it restates the
   * upload lines the notice holds): which image is sent, to whom, how long, how to erase it.
   */
  'uploadIntro',
  /** (notice) Shown when the policy sets `minAge`. */
  'ageLine',
  /** (notice) Purpose names. */
  'cameraName',
  'uploadName',
  'improvementName',
  /** (notice) What / where / how long, per purpose. */
  'cameraWhat',
  'cameraWhere',
  'cameraHowLong',
  'uploadWhat',
  'uploadWhere',
  'uploadHowLong',
  'improvementWhat',
  'improvementWhere',
  'improvementHowLong',
  /** (notice) Who is responsible, how to withdraw, link to the policy. */
  'controllerLine',
  'withdrawLine',
  'policyLink',
  'retentionLink',
  /** Decision area. */
  'askOne',
  'chooseLegend',
  'chooseAtLeastOne',
  'accept',
  'acceptSelected',
  'refuse',
  /** Opens the full notice from the short first layer. */
  'details',
  'close',
  'alreadyAllowed',
  'askedLater',
  'unavailableGpc',
  'unavailableDnt',
  /** Age gate. */
  'ageTitle',
  'ageQuestion',
  'ageYes',
  'ageNo',
  'underageTitle',
  'underageText',
  /** Privacy control (withdraw). */
  'controlLabel',
  'withdrawButton',
  'withdrawHelp',
  'withdrawnStatus',
  'receiptButton',
  /** Receipts: how each purpose ends (Kantara `termination`). */
  'cameraTermination',
  'uploadTermination',
  'improvementTermination',
] as const;

/** One string key of the consent flow. */
export type StringKey = (typeof STRING_KEYS)[number];

/** Overrides of some keys' texts, per locale; anything not given keeps the shipped text. */
export type LocaleOverrides<Strings> = Readonly<Partial<Record<Locale, Partial<Strings>>>>;

/** A complete consent-flow dictionary for one locale. */
export type ConsentStrings = Readonly<Record<StringKey, string>>;

/** Consent-flow overrides, per locale and per key. */
export type StringOverrides = LocaleOverrides<ConsentStrings>;

/**
 * Every user-facing string of the live view and review. Keys named after an error code
 * (`camera_denied`, `ml_download_failed`, …) are the shopper-facing text of that error, the one
 * source for it (`CameraError` takes its message from here).
 */
export const TRYON_KEYS = [
  'tryOnTitle',
  'capture',
  'closeTryOn',
  'withdraw',
  'starting',
  'loading',
  /** Accessible name of the download progress bar. */
  'downloadProgress',
  /** After the download: compiling the wasm and starting the graph. */
  'initializing',
  'showHand',
  'showFace',
  /** Fitting hints (see `FitHint` in anchoring/visibility.ts): one per failed placement rule. */
  'showWrist',
  'moveHandBack',
  'moveBack',
  'turnToCamera',
  'tracking',
  'onDevice',
  /** The badge shown when the ingest server says the publishable key is a test key. */
  'testMode',
  'reviewTitle',
  'imageAlt',
  'share',
  /** The primary action when no ingest server is configured: a download, nothing uploaded. */
  'save',
  'saved',
  'retake',
  'discard',
  'sharing',
  'shareFailed',
  'shared',
  'shareRefused',
  'queued',
  'uploadProgress',
  'withdrawn',
  'mlFailed',
  'ml_download_failed',
  /** The landmarker's WebGL context was lost: it is being made again. */
  'restarting',
  /** …and it could not be: a retry is offered. */
  'ml_context_lost',
  /** No byte of the download arrived for a while (STALL_MS); a retry is offered. */
  'download_stalled',
  'retry',
  /** The camera track ended while trying on (unplugged, taken by another app). */
  'camera_ended',
  'camera_denied',
  'camera_not_found',
  'camera_busy',
  'camera_insecure_context',
  'camera_unsupported',
  'camera_failed',
] as const;

/** One string key of the try-on. */
export type TryOnKey = (typeof TRYON_KEYS)[number];

/** A complete try-on dictionary for one locale. */
export type TryOnStrings = Readonly<Record<TryOnKey, string>>;

/** Any key of the catalog (consent flow or try-on). */
export type UiStringKey = StringKey | TryOnKey;

/** Try-on overrides, per locale and per key. */
export type TryOnStringOverrides = LocaleOverrides<TryOnStrings>;

/** Retailer overrides of any UI string (consent dialog and try-on), per locale and key. */
export type UiStringOverrides = LocaleOverrides<ConsentStrings & TryOnStrings>;
