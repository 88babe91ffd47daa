import { PRODUCT_ID_PATTERN } from '@fittingroom/protocol';
import type { AttributeReader } from './config.js';
import { fail, type ProductInit } from './types.js';

/** Product kinds the SDK can place (mirrors `PRODUCT_KINDS`; checked again by the SDK). */
export const KINDS = ['ring', 'watch', 'bracelet', 'earrings', 'necklace', 'glasses'];

type Loose = Record<string, unknown>;

/** A number from an attribute; blank or absent gives `undefined`. */
function num(raw: string | null | undefined): number | undefined {
  return raw == null || raw.trim() === '' ? undefined : Number(raw);
}

/** Parses an inline JSON product, or fails naming the attribute. */
function parseJson(value: string, attr: string): Loose {
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'object' && parsed !== null) return parsed as Loose;
  } catch {
    // reported below
  }
  return fail(attr, 'must be a product id or a JSON object');
}

/**
 * Reads the product a try-on button stands for. `value` is either a JSON object or an id
 * (looked up in `products`, the `FittingRoomConfig.products` map); attributes such as
 * `kind`, `image`, `model`, `anchor-x`, `anchor-y`, `width-mm` and `finger` (read through `read`, which
 * adds the `data-` prefix on plain buttons) override it. Throws an `EmbedError` naming the
 * attribute at fault, so a broken button stays hidden instead of failing on click.
 */
export function readProduct(
  value: string | null,
  read: AttributeReader,
  products: Readonly<Record<string, unknown>>,
  prefix: string,
): ProductInit {
  const attr = (name: string) => `${prefix}${name}`;
  const main = prefix ? 'data-fittingroom-product' : 'product';
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') fail(main, 'is required');
  const base: Loose = trimmed.startsWith('{')
    ? parseJson(trimmed, main)
    : { ...(products[trimmed] as Loose | undefined), id: trimmed };
  const anchor = (base.anchor ?? {}) as Loose;
  const finger = read('finger') ?? base.finger;
  const model = read('model') ?? base.model;
  const product = {
    id: base.id,
    kind: read('kind') ?? base.kind,
    image: read('image') ?? base.image,
    anchor: { x: num(read('anchor-x')) ?? anchor.x, y: num(read('anchor-y')) ?? anchor.y },
    realWidthMm: num(read('width-mm')) ?? base.realWidthMm,
    finger: finger ?? undefined,
    ...(model == null ? {} : { model }),
  };
  if (typeof product.id !== 'string' || !PRODUCT_ID_PATTERN.test(product.id)) {
    fail(main, 'must be 1–100 letters, digits, ".", "_" or "-"');
  }
  const at = `product "${product.id}": `;
  if (!KINDS.includes(product.kind as string)) {
    fail(`${at}${attr('kind')}`, `must be one of ${KINDS.join(', ')}`);
  }
  if (model != null && (typeof model !== 'string' || model === '')) {
    fail(`${at}${attr('model')}`, 'must be the URL of a GLB file');
  }
  if (typeof product.image !== 'string' || product.image === '') {
    fail(`${at}${attr('image')}`, 'is required');
  }
  for (const axis of ['x', 'y'] as const) {
    const v = product.anchor[axis];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      fail(`${at}${attr(`anchor-${axis}`)}`, 'must be a number from 0 to 1');
    }
  }
  const width = product.realWidthMm;
  if (typeof width !== 'number' || !(width > 0)) {
    fail(`${at}${attr('width-mm')}`, 'must be a width in millimetres above 0');
  }
  return product as ProductInit;
}
