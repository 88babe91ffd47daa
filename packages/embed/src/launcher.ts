import {
  type EmbedConfig,
  type ProductInit,
  type SdkModule,
  TRYON_EVENTS,
  type TryOnHandle,
} from './types.js';

/** Options of {@link createLauncher}; tests inject the SDK import and the event target. */
export interface LauncherOptions {
  readonly config: EmbedConfig;
  /** Loads the SDK module (default: a native dynamic `import()` of `config.sdkUrl`). */
  readonly importSdk?: ((url: string) => Promise<SdkModule>) | undefined;
  /** Where `fittingroom:*` events are dispatched (default: `document`). */
  readonly events?: EventTarget;
  /** Where problems are reported for the retailer (default: `console.error`). */
  readonly log?: (message: string, error: unknown) => void;
}

/** Loads the SDK on demand and keeps one try-on per product. */
export interface Launcher {
  /** The try-on for `product`; the first call loads the SDK. */
  tryOn(product: ProductInit): Promise<TryOnHandle>;
  /** Opens the try-on for `product` from a click on `trigger` (ignored while one is starting). */
  open(product: ProductInit, trigger?: Element): Promise<void>;
}

/** Native dynamic import, kept out of the bundler's reach so the SDK stays a separate file. */
const nativeImport = (url: string): Promise<SdkModule> => import(/* @vite-ignore */ url);

/**
 * Creates the part of the loader that runs on click: imports the SDK (once; a failed import
 * can be retried), creates a try-on per product and re-dispatches its events on `document` as
 * `fittingroom:<event>` with `{ productId, value }`. Nothing is fetched until the first call.
 */
export function createLauncher(options: LauncherOptions): Launcher {
  const { config } = options;
  const importSdk = options.importSdk ?? nativeImport;
  const log = options.log ?? ((message, error) => console.error(`Fitting Room: ${message}`, error));
  const tryOns = new Map<string, TryOnHandle>();
  const forwarded = new WeakSet<object>();
  let sdk: Promise<SdkModule> | null = null;

  const emit = (name: string, productId: string | null, value: unknown) => {
    if (typeof value === 'object' && value !== null) forwarded.add(value);
    const target = options.events ?? document;
    target.dispatchEvent(new CustomEvent(`fittingroom:${name}`, { detail: { productId, value } }));
  };

  const load = (): Promise<SdkModule> => {
    sdk ??= importSdk(config.sdkUrl).catch((error: unknown) => {
      sdk = null;
      throw error;
    });
    return sdk;
  };

  const tryOn = async (product: ProductInit): Promise<TryOnHandle> => {
    const existing = tryOns.get(product.id);
    if (existing) return existing;
    const { createTryOn } = await load();
    const created = tryOns.get(product.id);
    if (created) return created;
    const handle = createTryOn({
      product,
      policy: config.policy,
      assetsUrl: config.assetsUrl,
      ingest: config.ingest,
      locale: config.locale,
      strings: config.strings,
      debug: config.debug,
      ...(config.mode ? { mode: config.mode } : {}),
    });
    for (const name of TRYON_EVENTS) {
      handle.on(name, (value: unknown) => emit(name, product.id, value));
    }
    tryOns.set(product.id, handle);
    return handle;
  };

  const starting = new WeakSet<Element>();
  const open = async (product: ProductInit, trigger?: Element): Promise<void> => {
    if (trigger && starting.has(trigger)) return;
    if (trigger) {
      starting.add(trigger);
      trigger.setAttribute('aria-busy', 'true');
    }
    try {
      const handle = await tryOn(product);
      trigger?.removeAttribute('aria-busy');
      await handle.open();
    } catch (error) {
      // Errors the SDK already emitted reached the page as events; report only the others
      // (a missing SDK file, a config mistake) so the retailer sees what to fix.
      if (typeof error !== 'object' || error === null || !forwarded.has(error)) {
        log('could not open the try-on', error);
        emit('error', product.id, error);
      }
    } finally {
      if (trigger) {
        starting.delete(trigger);
        trigger.removeAttribute('aria-busy');
      }
    }
  };

  return { tryOn, open };
}
