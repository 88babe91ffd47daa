import { PRODUCT_ID_PATTERN } from '@fittingroom/protocol';
import * as v from 'valibot';
import { ConfigError } from '../errors.js';
import type { LandmarkerKind } from '../ml/types.js';
import { parseConfig } from '../validation.js';
import { FINGERS, PRODUCT_KINDS, type Product, type ProductKind } from './types.js';

/** Widest product we accept (a necklace with its chain is the largest, well under this). */
const MAX_REAL_WIDTH_MM = 500;

const fraction = v.pipe(
  v.number('must be a number'),
  v.finite('must be a finite number'),
  v.minValue(0, 'must be between 0 and 1'),
  v.maxValue(1, 'must be between 0 and 1'),
);

/** Message for an object's own issues: a missing key, an unknown key, or not an object. */
function objectMessage(what: string) {
  return (issue: v.BaseIssue<unknown>): string => {
    if (issue.expected === 'never') return 'is not a known option';
    if (issue.received === 'undefined' && issue.path?.length) return 'is required';
    return `must be ${what}`;
  };
}

/** A decoded image: anything with a positive pixel size that canvas `drawImage` accepts. */
const imageSource = v.custom<Exclude<Product['image'], string>>(
  (input) =>
    typeof input === 'object' &&
    input !== null &&
    'width' in input &&
    'height' in input &&
    typeof input.width === 'number' &&
    typeof input.height === 'number' &&
    input.width > 0 &&
    input.height > 0,
  'must be a URL string or a decoded image with a size',
);

/** The schema of {@link Product} (its input type is that interface: test/types). */
export const ProductSchema = v.pipe(
  v.strictObject(
    {
      id: v.pipe(
        v.string('must be a string'),
        v.regex(PRODUCT_ID_PATTERN, 'must be 1–100 letters, digits, ".", "_" or "-"'),
      ),
      kind: v.picklist(PRODUCT_KINDS, `must be one of ${PRODUCT_KINDS.join(', ')}`),
      image: v.union(
        [v.pipe(v.string(), v.minLength(1), v.maxLength(2048)), imageSource],
        'must be a URL string or a decoded image with a size',
      ),
      model: v.optional(
        v.pipe(
          v.string('must be a URL string'),
          v.minLength(1, 'must be a URL string'),
          v.maxLength(2048),
        ),
      ),
      anchor: v.strictObject({ x: fraction, y: fraction }, objectMessage('an object { x, y }')),
      realWidthMm: v.pipe(
        v.number('must be a number'),
        v.finite('must be a finite number'),
        v.gtValue(0, 'must be greater than 0'),
        v.maxValue(MAX_REAL_WIDTH_MM, `must be at most ${MAX_REAL_WIDTH_MM}`),
      ),
      finger: v.optional(v.picklist(FINGERS, `must be one of ${FINGERS.join(', ')}`)),
      name: v.optional(
        v.pipe(
          v.string('must be a string'),
          v.trim(),
          v.minLength(1, 'must not be empty'),
          v.maxLength(100, 'must be at most 100 characters'),
        ),
      ),
    },
    objectMessage('an object'),
  ),
  v.forward(
    v.check((p) => p.finger === undefined || p.kind === 'ring', 'only applies to rings'),
    ['finger'],
  ),
);

/** Where a product's image URL may be fetched from. */
export interface ProductUrlPolicy {
  /** Base the URL is resolved against (default: the page's address). */
  readonly baseUrl?: string;
  /** Origins images may come from (default: the base URL's own origin). */
  readonly origins?: readonly string[];
}

/** Options of {@link parseProduct}. */
export interface ParseProductOptions extends ProductUrlPolicy {
  /** Name of the option being checked, used as the prefix of error fields (default `product`). */
  readonly field?: string;
}

/**
 * Checks a retailer's product configuration and returns it typed.
 * Throws a {@link ConfigError} whose `field` names the first wrong option (e.g. `product.anchor.x`).
 * Image URLs must stay on an allowed origin (or be `blob:`/`data:`), so a product never causes a
 * third-party request.
 */
export function parseProduct(input: unknown, options: ParseProductOptions = {}): Product {
  const prefix = options.field ?? 'product';
  const product = parseConfig(ProductSchema, input, prefix);
  if (typeof product.image === 'string') checkImageUrl(product.image, options, `${prefix}.image`);
  if (product.model !== undefined) checkImageUrl(product.model, options, `${prefix}.model`);
  return product;
}

/** Throws a {@link ConfigError} when `url` (an image or a model) would leave the allowed origins. */
function checkImageUrl(url: string, policy: ProductUrlPolicy, field: string): void {
  const base = policy.baseUrl ?? globalThis.location?.href;
  let resolved: URL;
  try {
    resolved = new URL(url, base);
  } catch {
    throw new ConfigError(field, 'is not a valid URL');
  }
  if (resolved.protocol === 'blob:' || resolved.protocol === 'data:') return;
  if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') {
    throw new ConfigError(field, 'must be an http(s), blob: or data: URL');
  }
  const origins = policy.origins ?? (base ? [new URL(base).origin] : []);
  if (!origins.includes(resolved.origin)) {
    throw new ConfigError(
      field,
      `must be served from ${origins.join(' or ') || 'the page origin'}`,
    );
  }
}

/** The landmarker a product kind needs: hands for ring/watch/bracelet, the face otherwise. */
export function requiredLandmarker(kind: ProductKind): LandmarkerKind {
  return kind === 'ring' || kind === 'watch' || kind === 'bracelet' ? 'hand' : 'face';
}

/**
 * Checks a list of products (e.g. the live view's strip): each as {@link parseProduct} does,
 * named `<field>.<index>`, with ids unique so a choice names one product.
 */
export function parseProducts(
  input: unknown,
  options: ParseProductOptions = {},
): readonly Product[] {
  const field = options.field ?? 'products';
  if (!Array.isArray(input)) throw new ConfigError(field, 'must be an array of products');
  const products = input.map((p, i) => parseProduct(p, { ...options, field: `${field}.${i}` }));
  products.forEach((p, i) => {
    if (products.findIndex((q) => q.id === p.id) !== i) {
      throw new ConfigError(`${field}.${i}.id`, `repeats "${p.id}": ids must be unique`);
    }
  });
  return products;
}
