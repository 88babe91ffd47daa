import type { ImageType } from '@fittingroom/protocol';
import sharp from 'sharp';
import { HttpError } from './errors.js';
import { inspectImage } from './image-sniff.js';
import { stripImage } from './image-strip.js';

/** An upload's image as the server keeps it: stripped, checked, with its real dimensions. */
export interface CleanImage {
  readonly type: ImageType;
  readonly width: number;
  readonly height: number;
  readonly bytes: Uint8Array;
}

const STATUS = {
  unsupported_media_type: 415,
  image_undecodable: 422,
  image_too_large: 422,
} as const;

sharp.cache(false); // nothing of one shopper's image is kept around for the next request

/** libvips' reading of the header must agree with ours, and find no metadata left. */
async function confirm(image: CleanImage, maxDimension: number): Promise<boolean> {
  try {
    const meta = await sharp(image.bytes, {
      failOn: 'error',
      limitInputPixels: maxDimension * maxDimension,
    }).metadata();
    return (
      `image/${meta.format}` === image.type &&
      meta.width === image.width &&
      meta.height === image.height &&
      !meta.exif &&
      !meta.icc &&
      !meta.xmp
    );
  } catch {
    return false;
  }
}

/**
 * Checks an uploaded image and rewrites it without metadata: magic bytes and header first
 * (every frame header, dimensions within `maxDimension`: a decompression bomb is refused here,
 * before any decoder sees it), then the container rewritten keeping only what decodes the
 * pixels (image-strip.ts: no EXIF, XMP, ICC, text, comment or trailing byte), then libvips
 * must read the result as the same type and size. Lossless: pixels are never re-encoded.
 * Throws {@link HttpError} 415 or 422.
 */
export async function cleanImage(input: Uint8Array, maxDimension: number): Promise<CleanImage> {
  const sniffed = inspectImage(input, maxDimension);
  if (!sniffed.ok) throw new HttpError(STATUS[sniffed.code], sniffed.code, sniffed.message);
  const stripped = stripImage(input, sniffed.type, maxDimension);
  if (!stripped.ok) throw new HttpError(STATUS[stripped.code], stripped.code, stripped.message);
  const checked = inspectImage(stripped.bytes, maxDimension);
  const image = checked.ok
    ? { type: checked.type, width: checked.width, height: checked.height, bytes: stripped.bytes }
    : null;
  if (!image || !(await confirm(image, maxDimension))) {
    throw new HttpError(422, 'image_undecodable', 'The image does not decode as it claims.');
  }
  return image;
}
