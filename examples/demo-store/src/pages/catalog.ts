// The demo store's six products: one record each, rendered into the product pages and the index.

/** How a product page starts the try-on: both ways the embed supports are shown. */
export type TryOnButtonStyle =
  /** `<button data-fittingroom-product …>`: a plain button the loader enhances. */
  | 'data-attributes'
  /** `<fitting-room-button product …>`: the custom element. */
  | 'element';

/** One product of the demo store. */
export interface StoreProduct {
  /** Page name: `/<slug>.html`, image `/products/<slug>.svg`, model `/models/<slug>.glb`. */
  readonly slug: string;
  readonly name: string;
  readonly price: string;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
  readonly summary: string;
  readonly facts: readonly string[];
  readonly button: TryOnButtonStyle;
  /** The try-on attributes (without `data-` for either style) besides product, image and model. */
  readonly tryOn: Readonly<Record<string, string>>;
  readonly label: string;
}

export const STORE_PRODUCTS: readonly StoreProduct[] = [
  {
    slug: 'ring',
    name: 'Aurora ring',
    price: '€240',
    alt: 'a gold band set with a round blue topaz',
    width: 400,
    height: 240,
    summary: 'A slim gold-plated band holding a round blue topaz in a four-claw setting.',
    facts: ['Band and setting 20 mm across', 'Gold-plated sterling silver', 'Blue topaz, 6 mm'],
    button: 'data-attributes',
    tryOn: {
      'fittingroom-product': 'ring-aurora',
      kind: 'ring',
      'anchor-x': '0.5',
      'anchor-y': '0.5',
      'width-mm': '20',
      finger: 'ring',
    },
    label: 'Try it on',
  },
  {
    slug: 'watch',
    name: 'Meridian watch',
    price: '€320',
    alt: 'a steel case with a deep blue dial on a brown leather strap',
    width: 360,
    height: 352,
    summary: 'A 40 mm steel case, deep blue sunray dial and a brown leather strap.',
    facts: ['Case 40 mm, lugs 45 mm', 'Stainless steel, sapphire glass', 'Italian leather strap'],
    button: 'data-attributes',
    tryOn: {
      'fittingroom-product': 'watch-meridian',
      kind: 'watch',
      'anchor-x': '0.5',
      'anchor-y': '0.5',
      'width-mm': '45',
    },
    label: 'Try it on',
  },
  {
    slug: 'bracelet',
    name: 'Constellation bracelet',
    price: '€180',
    alt: 'a row of eleven lilac stones in silver settings',
    width: 520,
    height: 112,
    summary: 'Eleven lilac stones in silver settings, with a larger stone at the centre.',
    facts: ['65 mm across the wrist', 'Sterling silver', 'Lilac cubic zirconia'],
    button: 'data-attributes',
    tryOn: {
      'fittingroom-product': 'bracelet-constellation',
      kind: 'bracelet',
      'anchor-x': '0.5',
      'anchor-y': '0.5',
      'width-mm': '65',
    },
    label: 'Try it on',
  },
  {
    slug: 'earrings',
    name: 'Dewdrop earrings',
    price: '€95',
    alt: 'a gold hook holding a green teardrop stone',
    width: 150,
    height: 400,
    summary: 'Gold hooks holding green teardrop stones that catch the light as you move.',
    facts: ['15 mm wide, 40 mm drop', 'Gold-plated hooks', 'Green glass drop'],
    button: 'element',
    tryOn: {
      product: 'earrings-dewdrop',
      kind: 'earrings',
      'anchor-x': '0.5',
      'anchor-y': '0.06',
      'width-mm': '15',
    },
    label: 'Try them on',
  },
  {
    slug: 'necklace',
    name: 'Solstice necklace',
    price: '€150',
    alt: 'a gold chain with a sun-shaped pendant',
    width: 480,
    height: 320,
    summary: 'A fine gold chain with a sun pendant that rests just below the collarbone.',
    facts: ['45 cm chain', 'Sun pendant 20 mm', 'Gold-plated brass'],
    button: 'data-attributes',
    tryOn: {
      'fittingroom-product': 'necklace-solstice',
      kind: 'necklace',
      'anchor-x': '0.5',
      'anchor-y': '0.7',
      'width-mm': '120',
    },
    label: 'Try it on',
  },
  {
    slug: 'glasses',
    name: 'Horizon glasses',
    price: '€130',
    alt: 'rounded tortoiseshell frames with lightly tinted lenses',
    width: 560,
    height: 192,
    summary: 'Rounded tortoiseshell frames with lightly tinted lenses.',
    facts: ['Frame 140 mm wide', 'Lenses 52 mm, bridge 18 mm', 'Acetate frame'],
    button: 'element',
    tryOn: {
      product: 'glasses-horizon',
      kind: 'glasses',
      'anchor-x': '0.5',
      'anchor-y': '0.375',
      'width-mm': '140',
    },
    label: 'Try them on',
  },
];
