import { PhotoError } from './errors.js';

/** Photos above this size are refused before any decoding (20 MB). */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

/** Longest side a photo is shown, processed and captured at: enough for a 1280-px capture. */
export const PHOTO_MAX_SIDE = 1280;

/** What {@link checkPhotoFile} needs of a `File`. */
export type PhotoFileInfo = Pick<Blob, 'size' | 'type'>;

/**
 * Refuses what cannot be a photo before reading a byte: over {@link MAX_PHOTO_BYTES}, or a type
 * the picker reports that is not an image. An empty type (some systems send none) is left to
 * the decoder. Pure.
 */
export function checkPhotoFile(file: PhotoFileInfo): PhotoError | null {
  if (file.size > MAX_PHOTO_BYTES) return new PhotoError('photo_too_large');
  if (file.size === 0 || (file.type !== '' && !file.type.startsWith('image/'))) {
    return new PhotoError('photo_not_image');
  }
  return null;
}

/** The size a photo is scaled to: its own, or fitted inside `maxSide` on its longest side. Pure. */
export function photoSize(
  width: number,
  height: number,
  maxSide = PHOTO_MAX_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** Collaborators of {@link decodePhoto} (tests pass fakes). */
export interface DecodeDeps {
  readonly createImageBitmap?: (image: Blob, options?: ImageBitmapOptions) => Promise<ImageBitmap>;
  readonly createCanvas?: (width: number, height: number) => HTMLCanvasElement;
}

function pageCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/**
 * Decodes a photo in memory, upright (its EXIF orientation applied by the decoder), into a
 * canvas of at most {@link PHOTO_MAX_SIDE}: what is shown, what the landmarker reads and what a
 * capture is drawn from. The decoded bitmap is closed at once; nothing is written anywhere.
 * Rejects with a {@link PhotoError} for a file that is too large or not a decodable image.
 */
export async function decodePhoto(file: Blob, deps: DecodeDeps = {}): Promise<HTMLCanvasElement> {
  const refused = checkPhotoFile(file);
  if (refused) throw refused;
  const decode = deps.createImageBitmap ?? ((b, o) => createImageBitmap(b, o));
  let bitmap: ImageBitmap;
  try {
    bitmap = await decode(file, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new PhotoError('photo_not_image', { cause: error });
  }
  try {
    const size = photoSize(bitmap.width, bitmap.height);
    const canvas = (deps.createCanvas ?? pageCanvas)(size.width, size.height);
    const context = canvas.getContext('2d');
    if (!context) throw new PhotoError('photo_not_image');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    return canvas;
  } finally {
    bitmap.close();
  }
}

/** Releases a photo canvas's pixels (a 0×0 backing store), so nothing derived from it is held. */
export function releasePhoto(canvas: HTMLCanvasElement): void {
  canvas.width = 0;
  canvas.height = 0;
  canvas.remove();
}
