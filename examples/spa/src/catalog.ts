import { STORE_PRODUCTS, type StoreProduct } from '@fittingroom/demo-store/catalog';
import type { Product } from '@fittingroom/sdk';
import { parseProduct } from '@fittingroom/sdk/products';
// The demo store's product drawings, bundled by Vite as files of this app.
import bracelet from '../../demo-store/public/products/bracelet.svg';
import earrings from '../../demo-store/public/products/earrings.svg';
import glasses from '../../demo-store/public/products/glasses.svg';
import necklace from '../../demo-store/public/products/necklace.svg';
import ring from '../../demo-store/public/products/ring.svg';
import watch from '../../demo-store/public/products/watch.svg';

/** A product as the app lists it: the SDK's product plus what the page shows. */
export interface CatalogItem {
  readonly product: Product;
  readonly name: string;
  readonly price: string;
  /** Text alternative of the product image. */
  readonly alt: string;
}

const IMAGES: Readonly<Record<string, string>> = {
  ring,
  watch,
  bracelet,
  earrings,
  necklace,
  glasses,
};

/**
 * The SDK product a store page's try-on attributes describe: the same id, kind, anchor, width
 * and finger as the script tag reads there (one record of each product, in the demo store),
 * checked like any retailer's product.
 */
function productOf(store: StoreProduct): Product {
  const { tryOn: a } = store;
  return parseProduct(
    {
      id: a['fittingroom-product'] ?? a.product,
      kind: a.kind,
      image: IMAGES[store.slug],
      anchor: { x: Number(a['anchor-x']), y: Number(a['anchor-y']) },
      realWidthMm: Number(a['width-mm']),
      ...(a.finger === undefined ? {} : { finger: a.finger }),
    },
    { field: `catalog.${store.slug}` },
  );
}

/** The demo store's six products; anchors and widths are calibrated to the drawings (see each SVG). */
export const CATALOG: readonly CatalogItem[] = STORE_PRODUCTS.map((store) => ({
  product: productOf(store),
  name: store.name,
  price: store.price,
  alt: `${store.name}: ${store.alt}`,
}));
