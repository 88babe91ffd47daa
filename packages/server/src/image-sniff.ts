import { crc32 } from 'node:zlib';
import type { ImageType } from '@fittingroom/protocol';

/** What {@link inspectImage} found: a complete image of a known type, or why not. */
export type ImageCheck =
  | { readonly ok: true; readonly type: ImageType; readonly width: number; readonly height: number }
  | {
      readonly ok: false;
      readonly code: 'unsupported_media_type' | 'image_undecodable' | 'image_too_large';
      readonly message: string;
    };

type Dimensions = { readonly width: number; readonly height: number } | string;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((value, i) => bytes[at + i] === value);
}

/** Up to `length` bytes from `at` as Latin-1 text; a loop, as spreading into fromCharCode is slow. */
function ascii(bytes: Uint8Array, at: number, length: number): string {
  let text = '';
  for (let i = at; i < at + length && i < bytes.length; i += 1) {
    text += String.fromCharCode(bytes[i] ?? 0);
  }
  return text;
}

const EOI = Buffer.from([0xff, 0xd9]);

/** Detects JPEG, PNG or WebP from the first bytes alone (the declared type is never trusted). */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

/** PNG: IHDR (with a valid CRC) first, then well-formed chunks up to IEND, with image data. */
function pngDimensions(bytes: Uint8Array): Dimensions {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 33 || view.getUint32(8) !== 13 || ascii(bytes, 12, 4) !== 'IHDR') {
    return 'PNG header (IHDR) missing';
  }
  if (crc32(bytes.subarray(12, 29)) !== view.getUint32(29)) return 'PNG header checksum is wrong';
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const depth = bytes[24] ?? 0;
  const colour = bytes[25] ?? 0;
  const depths: Record<number, readonly number[]> = {
    0: [1, 2, 4, 8, 16],
    2: [8, 16],
    3: [1, 2, 4, 8],
    4: [8, 16],
    6: [8, 16],
  };
  if (!depths[colour]?.includes(depth)) return 'PNG colour type or bit depth is invalid';
  let pos = 33;
  let sawData = false;
  while (pos + 12 <= bytes.length) {
    const length = view.getUint32(pos);
    const type = ascii(bytes, pos + 4, 4);
    if (pos + 12 + length > bytes.length) break;
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData ? { width, height } : 'PNG has no image data';
    pos += 12 + length;
  }
  return 'PNG is truncated (no IEND chunk)';
}

/** Start-of-frame markers that carry the dimensions (C4, C8 and CC are other segments). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * JPEG: walk the segments (jumping by their lengths) to the frame header and the first scan,
 * then require an end-of-image marker after it.
 */
function jpegDimensions(bytes: Uint8Array): Dimensions {
  let pos = 2;
  let size: { width: number; height: number } | null = null;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) return 'JPEG segment marker expected';
    while (bytes[pos] === 0xff) pos += 1; // fill bytes
    const marker = bytes[pos];
    pos += 1;
    if (marker === undefined) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (marker === 0xd9 || marker === 0xd8) return 'JPEG ends before its image data';
    if (pos + 2 > bytes.length) break;
    const length = ((bytes[pos] ?? 0) << 8) | (bytes[pos + 1] ?? 0);
    if (length < 2 || pos + length > bytes.length) break;
    if (isStartOfFrame(marker)) {
      // One frame per image: a second header would let a huge first one hide behind a small one.
      if (size) return 'JPEG has more than one frame header';
      if (length < 8) return 'JPEG frame header is too short';
      const height = ((bytes[pos + 3] ?? 0) << 8) | (bytes[pos + 4] ?? 0);
      const width = ((bytes[pos + 5] ?? 0) << 8) | (bytes[pos + 6] ?? 0);
      size = { width, height };
    }
    if (marker === 0xda) {
      if (!size) return 'JPEG has no frame header before its scan';
      // In entropy-coded data 0xFF is always stuffed (FF00) or a restart marker, so FFD9 is EOI.
      // Searching from the end finds it in the last two bytes of a whole file (or just before
      // trailing padding) instead of walking 200 KB of scan data; only a truncated file, refused
      // anyway, is searched through. Same answer as a forward scan: is there an EOI after here?
      const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (view.lastIndexOf(EOI) >= pos + length) return size;
      return 'JPEG is truncated (no end-of-image marker)';
    }
    pos += length;
  }
  return 'JPEG is truncated';
}

function le16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function le24(bytes: Uint8Array, at: number): number {
  return le16(bytes, at) | ((bytes[at + 2] ?? 0) << 16);
}

/**
 * A still WebP's size: its bitstream's, which an extended header's canvas must repeat (libwebp
 * refuses a mismatch too). Otherwise a small canvas could hide a huge bitstream from the check.
 */
function stillSize(
  canvas: { width: number; height: number } | null,
  own: { width: number; height: number },
): Dimensions {
  if (canvas && (canvas.width !== own.width || canvas.height !== own.height))
    return 'WebP canvas and bitstream sizes differ';
  return own;
}

/** WebP: RIFF length must match, chunks must be in bounds, and a VP8/VP8L bitstream header read. */
function webpDimensions(bytes: Uint8Array): Dimensions {
  const riffEnd = 8 + (le24(bytes, 4) + (bytes[7] ?? 0) * 2 ** 24);
  if (bytes.length < 20 || riffEnd > bytes.length) return 'WebP is truncated';
  let pos = 12;
  let canvas: { width: number; height: number } | null = null;
  while (pos + 8 <= riffEnd) {
    const fourcc = ascii(bytes, pos, 4);
    const size = le24(bytes, pos + 4) + (bytes[pos + 7] ?? 0) * 2 ** 24;
    const data = pos + 8;
    if (data + size > riffEnd) return 'WebP chunk runs past the end of the file';
    if (fourcc === 'VP8X' && size >= 10) {
      canvas = { width: le24(bytes, data + 4) + 1, height: le24(bytes, data + 7) + 1 };
    } else if (fourcc === 'VP8 ') {
      if (size < 10 || !startsWith(bytes, [0x9d, 0x01, 0x2a], data + 3))
        return 'VP8 header is invalid';
      if (((bytes[data] ?? 1) & 1) !== 0) return 'VP8 stream does not start with a key frame';
      const own = { width: le16(bytes, data + 6) & 0x3fff, height: le16(bytes, data + 8) & 0x3fff };
      return stillSize(canvas, own);
    } else if (fourcc === 'VP8L') {
      if (size < 5 || bytes[data] !== 0x2f) return 'VP8L header is invalid';
      const bits = le24(bytes, data + 1) + (bytes[data + 4] ?? 0) * 2 ** 24;
      const own = { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
      return stillSize(canvas, own);
    }
    pos = data + size + (size % 2); // chunks are padded to even sizes
  }
  return 'WebP has no still-image bitstream';
}

/**
 * Checks that `bytes` are a whole JPEG, PNG or WebP whose header decodes, within `maxDimension`
 * pixels on each side. Pure and total: any input gives an answer, never an exception.
 */
export function inspectImage(bytes: Uint8Array, maxDimension: number): ImageCheck {
  const type = detectImageType(bytes);
  if (!type) {
    return {
      ok: false,
      code: 'unsupported_media_type',
      message: 'Only JPEG, PNG and WebP images are accepted.',
    };
  }
  const found =
    type === 'image/png'
      ? pngDimensions(bytes)
      : type === 'image/jpeg'
        ? jpegDimensions(bytes)
        : webpDimensions(bytes);
  if (typeof found === 'string')
    return { ok: false, code: 'image_undecodable', message: `${found}.` };
  const { width, height } = found;
  if (width < 1 || height < 1) {
    return { ok: false, code: 'image_undecodable', message: 'The image has no pixels.' };
  }
  if (width > maxDimension || height > maxDimension) {
    return {
      ok: false,
      code: 'image_too_large',
      message: `The image is ${width}×${height}; at most ${maxDimension}×${maxDimension} is accepted.`,
    };
  }
  return { ok: true, type, width, height };
}
