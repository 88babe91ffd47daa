import type { Product } from '../../src/products/types.js';

/** A valid ring as a retailer writes it; tests spread over it to change one thing. */
export const RING = {
  id: 'ring-001',
  kind: 'ring',
  image: '/img/ring.webp',
  anchor: { x: 0.5, y: 0.5 },
  realWidthMm: 21,
  finger: 'ring',
} as const satisfies Product;
