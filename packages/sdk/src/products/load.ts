import { ConfigError } from '../errors.js';
import type { Product, ProductImageSource } from './types.js';

/** Pixel size of a decoded image. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** Options of {@link loadProductImage}; the factory is injectable for tests. */
export interface LoadImageOptions {
  /** Makes an image element (default `new Image()`). */
  readonly createImage?: () => HTMLImageElement;
  /** Field named in the error when loading fails (default `product.image`). */
  readonly field?: string;
}

/**
 * Turns a product's image into something canvas can draw now: URLs are fetched without
 * credentials or referrer and fully decoded first, so the first frame never draws a blank.
 * Throws a {@link ConfigError} naming the field when the image cannot be loaded or decoded.
 */
export async function loadProductImage(
  image: Product['image'],
  options: LoadImageOptions = {},
): Promise<ProductImageSource> {
  if (typeof image !== 'string') return image;
  const element = (options.createImage ?? (() => new Image()))();
  // Anonymous CORS keeps the capture canvas untainted and sends no cookies.
  element.crossOrigin = 'anonymous';
  element.referrerPolicy = 'no-referrer';
  element.decoding = 'async';
  element.src = image;
  try {
    await element.decode();
  } catch (cause) {
    const error = new ConfigError(
      options.field ?? 'product.image',
      'could not be loaded or decoded',
    );
    throw Object.assign(error, { cause });
  }
  return element;
}

/** Natural pixel size of a decoded image (`naturalWidth` for `<img>`, `width` otherwise). */
export function imageSizeOf(source: ProductImageSource): ImageSize {
  if ('naturalWidth' in source) return { width: source.naturalWidth, height: source.naturalHeight };
  return { width: source.width, height: source.height };
}
