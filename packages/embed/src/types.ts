// The loader never imports the SDK's code before a click, so it describes the little it needs
// of the SDK here. The shapes mirror `TryOnOptions`/`TryOn` in `@fittingroom/sdk` (checked by
// test/sdk-contract.test.ts); the SDK validates everything the loader hands over.

/** A product as the loader collects it from markup or `FittingRoomConfig.products`. */
export interface ProductInit {
  readonly id: string;
  readonly kind: string;
  readonly image: string;
  readonly anchor: { readonly x: number; readonly y: number };
  readonly realWidthMm: number;
  readonly finger?: string | undefined;
  /** A GLB 3D model (`data-model`); the image stays its fallback. */
  readonly model?: string;
}

/** The retailer's consent policy, passed to the SDK as is (it names any wrong field). */
export type PolicyInit = Readonly<Record<string, unknown>>;

/** UI text overrides per locale and key, e.g. `{ en: { accept: 'Allow' } }` (SDK-checked). */
export type StringsInit = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Where shared photos go. */
export interface IngestInit {
  readonly endpoint: string;
  readonly publishableKey: string;
}

/** The loader's configuration, merged from the script tag and `window.FittingRoomConfig`. */
export interface EmbedConfig {
  /** URL of the SDK's ESM entry (default: `fittingroom/tryon.js` beside the loader: consent and the session only). */
  readonly sdkUrl: string;
  /** URL of the model assets folder (default: `fittingroom/assets/` beside the loader). */
  readonly assetsUrl: string;
  readonly policy: PolicyInit;
  readonly ingest?: IngestInit | undefined;
  readonly locale?: string | undefined;
  readonly strings?: StringsInit | undefined;
  readonly debug: boolean;
  /** `photo` (`data-mode="photo"`): photo mode, no camera (the SDK validates the value). */
  readonly mode?: string | undefined;
  /** Products by id, for buttons that name only an id. */
  readonly products: Readonly<Record<string, Partial<ProductInit>>>;
}

/** The options object the loader hands to `createTryOn`. */
export interface TryOnInit {
  readonly product: ProductInit;
  readonly policy: PolicyInit;
  readonly assetsUrl: string;
  readonly ingest?: IngestInit | undefined;
  readonly locale?: string | undefined;
  readonly strings?: StringsInit | undefined;
  readonly debug?: boolean;
  readonly mode?: string | undefined;
}

/** The part of the SDK's `TryOn` the loader and pages use. */
export interface TryOnHandle {
  open(): Promise<void>;
  close(): Promise<void>;
  withdraw(): Promise<void>;
  exportMyData(): Promise<unknown>;
  eraseMyData(): Promise<void>;
  on(event: TryOnEventName, listener: (payload: unknown) => void): () => void;
}

/** What the loader needs from the SDK module. */
export interface SdkModule {
  createTryOn(options: TryOnInit): TryOnHandle;
}

/** Events of a try-on, re-dispatched on `document` as `fittingroom:<name>`. */
export const TRYON_EVENTS = [
  'state',
  'capture',
  'upload-progress',
  'uploaded',
  'withdrawn',
  'error',
  'landmarker',
  'tracking',
  'product',
] as const;

/** One try-on event name. */
export type TryOnEventName = (typeof TRYON_EVENTS)[number];

/** The `window.FittingRoom` object the loader installs for page scripts. */
export interface FittingRoomGlobal {
  readonly version: string;
  /** Finds (new) try-on buttons under `root` and shows the valid ones. */
  scan(root?: ParentNode): void;
  /** Opens the try-on for a product (default: the first product on the page). */
  open(productId?: string): Promise<void>;
  /** The try-on object for a product, loading the SDK if needed (call it from a click). */
  tryOn(productId?: string): Promise<TryOnHandle>;
}

/** A configuration mistake; `field` names the attribute or option at fault. */
export class EmbedError extends Error {
  /** The attribute or option at fault, e.g. `policy.policyUrl` or `data-anchor-x`. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`${field} ${problem}`);
    this.name = 'ConfigError';
    this.field = field;
  }
}

/** Throws an {@link EmbedError}; `never` lets callers use it in expressions. */
export function fail(field: string, problem: string): never {
  throw new EmbedError(field, problem);
}
