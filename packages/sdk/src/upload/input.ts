import { UploadMetadataSchema } from '@fittingroom/protocol';
import * as v from 'valibot';
import { UploadError } from './errors.js';
import { isImageType, type UploadInput } from './upload.js';

/** What the caller describes an image with. */
export interface UploadMeta {
  /** Retailer's product id (`[A-Za-z0-9._-]{1,100}`). */
  readonly productId: string;
  /** When the photo was taken. */
  readonly capturedAt: string | Date;
}

/**
 * Checks an image and its description before anything is stored or sent; a mistake throws an
 * `invalid_input` UploadError naming the field, and the caller still holds the image.
 */
export function validateUploadInput(
  image: unknown,
  meta: UploadMeta,
  maxBytes: number,
): UploadInput {
  if (!(image instanceof Blob)) throw invalid('image', 'expected a Blob');
  if (!isImageType(image.type)) {
    throw invalid('image.type', 'expected image/jpeg, image/png or image/webp');
  }
  if (image.size === 0) throw invalid('image.size', 'the image is empty');
  if (image.size > maxBytes) throw invalid('image.size', `the image exceeds ${maxBytes} bytes`);
  const productId = v.safeParse(UploadMetadataSchema.entries.productId, meta?.productId);
  if (!productId.success) throw invalid('productId', 'expected 1-100 of [A-Za-z0-9._-]');
  const capturedAt = toIso(meta.capturedAt);
  if (capturedAt === null || !v.is(UploadMetadataSchema.entries.capturedAt, capturedAt)) {
    throw invalid('capturedAt', 'expected an ISO 8601 timestamp or a valid Date');
  }
  return { image, contentType: image.type, productId: productId.output, capturedAt };
}

function toIso(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return typeof value === 'string' ? value : null;
}

function invalid(field: string, message: string): UploadError {
  return new UploadError('invalid_input', `${field}: ${message}`, { field });
}
