import { createTryOn, type TryOn, type TryOnEvents, type TryOnOptions } from '@fittingroom/sdk';
import type { CatalogItem } from './catalog.js';

/** What every try-on of the app shares. */
export type SharedOptions = Omit<TryOnOptions, 'product'>;

const EVENTS: readonly (keyof TryOnEvents)[] = [
  'state',
  'capture',
  'upload-progress',
  'uploaded',
  'withdrawn',
  'error',
];

/** One try-on per product, created on first use (creating one touches nothing). */
export interface Sessions {
  /** The try-on of `item`. */
  get(item: CatalogItem): TryOn;
  /** The try-on used last (or the first product's): "my data" is per shopper, not per product. */
  current(): TryOn;
}

/**
 * Keeps the app's try-ons and re-dispatches their events on `target` as `fittingroom:<event>`
 * with `{ productId, value }`, the same events the script-tag loader dispatches, so page code
 * (analytics, UI) reads them one way.
 */
export function createSessions(
  shared: SharedOptions,
  fallback: CatalogItem,
  target: EventTarget,
): Sessions {
  const byId = new Map<string, TryOn>();
  let last: TryOn | null = null;
  const get = (item: CatalogItem): TryOn => {
    let tryOn = byId.get(item.product.id);
    if (!tryOn) {
      tryOn = createTryOn({ ...shared, product: item.product });
      for (const name of EVENTS) {
        tryOn.on(name, (value) => {
          const detail = { productId: item.product.id, value };
          target.dispatchEvent(new CustomEvent(`fittingroom:${name}`, { detail }));
        });
      }
      byId.set(item.product.id, tryOn);
    }
    last = tryOn;
    return tryOn;
  };
  return { get, current: () => last ?? get(fallback) };
}
