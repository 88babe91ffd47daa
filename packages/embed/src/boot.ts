import { resolveConfig } from './config.js';
import { defineButton, ELEMENT_NAME } from './element.js';
import { createLauncher, type LauncherOptions } from './launcher.js';
import { readProduct } from './product.js';
import type { EmbedConfig, FittingRoomGlobal, ProductInit } from './types.js';

/** The page the loader runs in: `window`, with the two globals it reads and writes. */
export type LoaderPage = Window & { FittingRoom?: FittingRoomGlobal; FittingRoomConfig?: unknown };

const ATTR = 'data-fittingroom-product';
const SELECTOR = `[${ATTR}]`;
const report = (error: unknown) => console.error(`Fitting Room: ${String(error)}`);

/**
 * Starts the loader on a page: merges the configuration, then (once the DOM is parsed) shows
 * the valid try-on buttons, defines `<fitting-room-button>` and installs `window.FittingRoom`.
 * Does nothing if it already ran. `importSdk` is injectable for tests.
 */
export function boot(
  page: LoaderPage,
  script: HTMLScriptElement | null,
  version: string,
  importSdk?: LauncherOptions['importSdk'],
): void {
  if (page.FittingRoom) return;
  const document = page.document;
  let config: EmbedConfig;
  try {
    config = resolveConfig(
      (name) => script?.getAttribute(`data-${name}`),
      page.FittingRoomConfig,
      script?.src || page.location.href,
      page.location.href,
    );
  } catch (error) {
    // Buttons stay hidden: a misconfigured page looks exactly like one without try-on.
    report(error);
    return;
  }
  const launcher = createLauncher({
    config,
    events: document,
    importSdk,
  });
  const products = new Map<string, ProductInit>();
  const byElement = new WeakMap<Element, ProductInit>();

  /** Reads and remembers an element's product; a broken one is reported once and stays hidden. */
  const bind = (element: Element, prefix: string): ProductInit | null => {
    const known = byElement.get(element);
    if (known) return known;
    const value = element.getAttribute(prefix ? ATTR : 'product');
    try {
      const product = readProduct(
        value,
        (name) => element.getAttribute(prefix + name),
        config.products,
        prefix,
      );
      byElement.set(element, product);
      if (!products.has(product.id)) products.set(product.id, product);
      return product;
    } catch (error) {
      report(error);
      return null;
    }
  };

  const scan = (root: ParentNode = document) => {
    for (const element of root.querySelectorAll<HTMLElement>(SELECTOR)) {
      if (bind(element, 'data-')) element.hidden = false;
    }
  };

  const productFor = (id?: string): ProductInit => {
    const fromConfig = id ? config.products[id] : undefined;
    const product =
      (id ? products.get(id) : products.values().next().value) ??
      (fromConfig ? readProduct(id ?? '', () => null, config.products, 'data-') : undefined);
    if (!product) throw new Error(`no product ${id ? `"${id}"` : ''} on this page`);
    return product;
  };

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest(SELECTOR) : null;
    if (!target || target.closest(ELEMENT_NAME)) return;
    const product = bind(target, 'data-');
    if (!product) return;
    // A link fallback (e.g. to a page without try-on) is only followed when the loader is absent.
    event.preventDefault();
    void launcher.open(product, target);
  });

  page.FittingRoom = {
    version,
    scan,
    open: async (id) => launcher.open(productFor(id)),
    tryOn: async (id) => launcher.tryOn(productFor(id)),
  };

  // After parsing, so custom elements upgrade with their children (their label) in place.
  const start = () => {
    scan();
    defineButton(page.customElements, {
      ready: (element) => bind(element, '') !== null,
      click: (element, button) => {
        const product = bind(element, '');
        if (product) void launcher.open(product, button);
      },
    });
    document.dispatchEvent(new CustomEvent('fittingroom:ready'));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
