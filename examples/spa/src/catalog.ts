import type { Product } from '@fittingroom/sdk';
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

/** The six products; anchors and widths are calibrated to the drawings (see each SVG). */
export const CATALOG: readonly CatalogItem[] = [
  {
    product: {
      id: 'ring-aurora',
      kind: 'ring',
      image: ring,
      anchor: { x: 0.5, y: 0.5 },
      realWidthMm: 20,
      finger: 'ring',
    },
    name: 'Aurora ring',
    price: '€240',
    alt: 'Aurora ring: a gold band set with a round blue topaz',
  },
  {
    product: {
      id: 'watch-meridian',
      kind: 'watch',
      image: watch,
      anchor: { x: 0.5, y: 0.5 },
      realWidthMm: 45,
    },
    name: 'Meridian watch',
    price: '€320',
    alt: 'Meridian watch: a steel case with a deep blue dial on a brown leather strap',
  },
  {
    product: {
      id: 'bracelet-constellation',
      kind: 'bracelet',
      image: bracelet,
      anchor: { x: 0.5, y: 0.5 },
      realWidthMm: 65,
    },
    name: 'Constellation bracelet',
    price: '€180',
    alt: 'Constellation bracelet: a row of eleven lilac stones in silver settings',
  },
  {
    product: {
      id: 'earrings-dewdrop',
      kind: 'earrings',
      image: earrings,
      anchor: { x: 0.5, y: 0.06 },
      realWidthMm: 15,
    },
    name: 'Dewdrop earrings',
    price: '€95',
    alt: 'Dewdrop earrings: a gold hook holding a green teardrop stone',
  },
  {
    product: {
      id: 'necklace-solstice',
      kind: 'necklace',
      image: necklace,
      anchor: { x: 0.5, y: 0.7 },
      realWidthMm: 120,
    },
    name: 'Solstice necklace',
    price: '€150',
    alt: 'Solstice necklace: a gold chain with a sun-shaped pendant',
  },
  {
    product: {
      id: 'glasses-horizon',
      kind: 'glasses',
      image: glasses,
      anchor: { x: 0.5, y: 0.375 },
      realWidthMm: 140,
    },
    name: 'Horizon glasses',
    price: '€130',
    alt: 'Horizon glasses: rounded tortoiseshell frames with lightly tinted lenses',
  },
];
