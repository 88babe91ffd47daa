import type { ImageType } from '@fittingroom/protocol';
import sharp from 'sharp';
import { HttpError } from './errors.js';
import { inspectImage } from './image-sniff.js';
import { joinPieces, stripImagePieces } from './image-strip.js';

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

// Nothing of one shopper's image is kept around for the next request by libvips; what this
// module remembers is JPEG headers (coding tables and frame size), never pixel data.
sharp.cache(false);

/** libvips' reading of `bytes` must agree with ours on `image`, and find no metadata left. */
async function libvipsAgrees(
  bytes: Uint8Array,
  image: CleanImage,
  maxDimension: number,
): Promise<boolean> {
  try {
    const meta = await sharp(bytes, {
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

/** Headers longer than this are judged every time, never remembered. */
const MAX_REMEMBERED_HEADER = 4096;
/** Distinct JPEG headers remembered (least recently used forgotten first). */
const MAX_REMEMBERED = 256;
/** JPEG headers libvips has accepted, as `maxDimension:` + the header's bytes (Latin-1). */
const acceptedHeaders = new Set<string>();
const EOI = new Uint8Array([0xff, 0xd9]);

/**
 * Where a stripped JPEG's first scan header ends: everything libvips reads to answer for its
 * metadata (its header read stops at the first scan; measured: a JPEG with its scan data
 * zeroed reads the same). Null when the walk does not get there (then the whole image is judged).
 */
function jpegHeaderEnd(bytes: Uint8Array): number | null {
  let pos = 2;
  while (pos + 4 <= bytes.length && bytes[pos] === 0xff) {
    const end = pos + 2 + (((bytes[pos + 2] ?? 0) << 8) | (bytes[pos + 3] ?? 0));
    if (bytes[pos + 1] === 0xda) return end <= bytes.length ? end : null;
    pos = end;
  }
  return null;
}

/**
 * libvips' second opinion (see {@link libvipsAgrees}). A JPEG is judged on its header alone
 * (up to its first scan, then an end-of-image marker): that is all libvips reads of it anyway,
 * so the verdict is a function of those bytes, and an accepted header is remembered. Uploads
 * from one encoder at one size share their header (tables and frame, no pixels), so asking
 * libvips again for every one of them — a third of the CPU of cleaning — repeated the same
 * question. A header differing in any byte is asked about afresh; PNG and WebP always are.
 */
async function confirm(image: CleanImage, maxDimension: number): Promise<boolean> {
  const headerEnd = image.type === 'image/jpeg' ? jpegHeaderEnd(image.bytes) : null;
  if (headerEnd === null || headerEnd > MAX_REMEMBERED_HEADER) {
    return libvipsAgrees(image.bytes, image, maxDimension);
  }
  const header = image.bytes.subarray(0, headerEnd);
  const key = `${maxDimension}:${Buffer.from(header.buffer, header.byteOffset, headerEnd).toString('latin1')}`;
  if (acceptedHeaders.delete(key)) {
    acceptedHeaders.add(key); // most recently used
    return true;
  }
  if (!(await libvipsAgrees(joinPieces([header, EOI]), image, maxDimension))) return false;
  acceptedHeaders.add(key);
  if (acceptedHeaders.size > MAX_REMEMBERED) {
    const oldest = acceptedHeaders.values().next();
    if (!oldest.done) acceptedHeaders.delete(oldest.value);
  }
  return true;
}

/**
 * The pieces, all views into `body` in order, moved together against the last one's end, inside
 * `body`: only the bytes before the last dropped structure move (for a JPEG, usually its SOI and
 * JFIF segment in front of a dropped EXIF or comment), nothing is allocated. Each piece moves
 * right, never over a piece still to move (those lie wholly before its old place). Null when a
 * piece is not a view into `body` (a WebP's rewritten headers): the caller copies then.
 */
function packInPlace(body: Uint8Array, pieces: readonly Uint8Array[]): Uint8Array | null {
  let last = 0; // offset in `body` where the previous piece ended
  for (const piece of pieces) {
    const at = piece.byteOffset - body.byteOffset;
    if (piece.buffer !== body.buffer || at < last || at + piece.byteLength > body.byteLength) {
      return null;
    }
    last = at + piece.byteLength;
  }
  let start = last;
  for (let i = pieces.length - 1; i >= 0; i -= 1) {
    const piece = pieces[i] as Uint8Array;
    const at = piece.byteOffset - body.byteOffset;
    start -= piece.byteLength;
    if (at !== start) body.copyWithin(start, at, at + piece.byteLength);
  }
  return body.subarray(start, last);
}

/**
 * Checks an uploaded image and rewrites it without metadata: magic bytes and header first
 * (every frame header, dimensions within `maxDimension`: a decompression bomb is refused here,
 * before any decoder sees it), then the container rewritten keeping only what decodes the
 * pixels (image-strip.ts: no EXIF, XMP, ICC, text, comment or trailing byte), then libvips
 * must read the result as the same type and size. Lossless: pixels are never re-encoded.
 * `input` is the request's own buffer and is rewritten in place: the result is usually a view
 * into it (so it lives as long as that buffer), and what was dropped stays only in the rest of
 * it until the buffer is zeroed. Throws {@link HttpError} 415 or 422.
 */
export async function cleanImage(input: Uint8Array, maxDimension: number): Promise<CleanImage> {
  const sniffed = inspectImage(input, maxDimension);
  if (!sniffed.ok) throw new HttpError(STATUS[sniffed.code], sniffed.code, sniffed.message);
  const stripped = stripImagePieces(input, sniffed.type, maxDimension);
  if (!stripped.ok) throw new HttpError(STATUS[stripped.code], stripped.code, stripped.message);
  const bytes = packInPlace(input, stripped.pieces) ?? joinPieces(stripped.pieces);
  const checked = inspectImage(bytes, maxDimension);
  const image = checked.ok
    ? { type: checked.type, width: checked.width, height: checked.height, bytes }
    : null;
  if (!image || !(await confirm(image, maxDimension))) {
    throw new HttpError(422, 'image_undecodable', 'The image does not decode as it claims.');
  }
  return image;
}
