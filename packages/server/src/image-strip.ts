// A strict container rewriter: keeps only what is needed to decode the pixels, in the order
// given, and refuses anything it does not know. Lossless (compressed data is copied, never
// re-encoded), deterministic and injective on what it keeps, so identical uploads still give
// identical bytes and a changed one still differs (idempotency compares stored bytes).
import { crc32 } from 'node:zlib';
import type { ImageType } from '@fittingroom/protocol';

/** Why an image was refused (the message names the structure at fault). */
export interface StripRefusal {
  readonly ok: false;
  readonly code: 'image_undecodable' | 'image_too_large';
  readonly message: string;
}

/** The stripped image, or why it was refused. */
export type Stripped = { readonly ok: true; readonly bytes: Uint8Array } | StripRefusal;

/**
 * The stripped image as the pieces it is made of, in order: views into the input (what is kept
 * of it, never copied) and, for WebP, the few header bytes written anew. Joining them is the
 * caller's one copy, or none (image-clean.ts packs them inside the request's own buffer).
 */
export type StrippedPieces = { readonly ok: true; readonly pieces: Uint8Array[] } | StripRefusal;

function refuse(
  message: string,
  code: 'image_undecodable' | 'image_too_large' = 'image_undecodable',
): StripRefusal {
  return { ok: false, code, message: `${message}.` };
}

function joined(pieces: Uint8Array[]): StrippedPieces {
  return { ok: true, pieces };
}

/** The pieces joined into one new array: a single copy. */
export function joinPieces(pieces: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.byteLength, 0));
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.byteLength;
  }
  return bytes;
}

/** The first bytes of segment data at `data`, as Latin-1. */
function tag(bytes: Uint8Array, data: number, length: number): string {
  return Buffer.from(bytes.subarray(data, data + length)).toString('latin1');
}

/**
 * JPEG segments kept: tables, restart interval, and two fixed-size application segments that
 * only describe the colour model — JFIF without a thumbnail (16 bytes; a thumbnail is a second,
 * uncropped copy of the photo) and Adobe's colour transform (14 bytes).
 */
function keepJpegSegment(marker: number, bytes: Uint8Array, data: number, length: number): boolean {
  if (marker === 0xdb || marker === 0xc4 || marker === 0xcc || marker === 0xdd) return true;
  if (marker === 0xe0) {
    return (
      length === 16 &&
      tag(bytes, data, 5) === 'JFIF\0' &&
      bytes[data + 12] === 0 &&
      bytes[data + 13] === 0
    );
  }
  return marker === 0xee && length === 14 && tag(bytes, data, 5) === 'Adobe';
}

function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** The end of the entropy-coded data starting at `pos`: the next marker that is not RSTn. */
function scanEnd(bytes: Uint8Array, pos: number): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = pos;
  for (;;) {
    at = view.indexOf(0xff, at);
    if (at === -1 || at + 1 >= bytes.length) return -1;
    const next = bytes[at + 1] ?? 0;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) {
      at += next === 0xff ? 1 : 2; // stuffed byte, fill byte or restart marker: still scan data
      continue;
    }
    return at;
  }
}

/**
 * JPEG: SOI, then only tables (DQT, DHT, DAC), DRI, one frame header (checked against
 * `maxDimension`, and a second one refused), APP14 Adobe, and scans with their data, then EOI.
 * APPn (EXIF, XMP, ICC, JFIF thumbnails), comments and anything after EOI are dropped.
 */
function stripJpeg(bytes: Uint8Array, maxDimension: number): StrippedPieces {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let pos = 2;
  let frames = 0;
  let scans = 0;
  while (pos + 1 < bytes.length) {
    if (bytes[pos] !== 0xff) return refuse('JPEG segment marker expected');
    const marker = bytes[pos + 1] ?? 0;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      if (scans === 0) return refuse('JPEG ends before its image data');
      kept.push(bytes.subarray(pos, pos + 2));
      return joined(kept); // anything after EOI is dropped
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      return refuse('JPEG has a marker out of place');
    }
    const length = ((bytes[pos + 2] ?? 0) << 8) | (bytes[pos + 3] ?? 0);
    const end = pos + 2 + length;
    if (length < 2 || end > bytes.length) return refuse('JPEG is truncated');
    const data = pos + 4;
    if (isFrameHeader(marker)) {
      frames += 1;
      if (frames > 1) return refuse('JPEG has more than one frame header');
      if (length < 8) return refuse('JPEG frame header is too short');
      const height = ((bytes[data + 1] ?? 0) << 8) | (bytes[data + 2] ?? 0);
      const width = ((bytes[data + 3] ?? 0) << 8) | (bytes[data + 4] ?? 0);
      if (width > maxDimension || height > maxDimension) {
        return refuse(`The JPEG frame is ${width}×${height}, over the limit`, 'image_too_large');
      }
      kept.push(bytes.subarray(pos, end));
      pos = end;
    } else if (marker === 0xda) {
      if (frames === 0) return refuse('JPEG has no frame header before its scan');
      const stop = scanEnd(bytes, end);
      if (stop === -1) return refuse('JPEG is truncated (no end-of-image marker)');
      kept.push(bytes.subarray(pos, stop));
      scans += 1;
      pos = stop;
    } else if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) {
      if (keepJpegSegment(marker, bytes, data, length)) kept.push(bytes.subarray(pos, end));
      pos = end; // application data and comments: dropped
    } else if (keepJpegSegment(marker, bytes, data, length)) {
      kept.push(bytes.subarray(pos, end));
      pos = end;
    } else {
      return refuse(`JPEG has an unexpected segment (0xFF${marker.toString(16).toUpperCase()})`);
    }
  }
  return refuse('JPEG is truncated (no end-of-image marker)');
}

/** PNG chunks kept: the critical ones, transparency, colour-space facts (no profiles), density. */
const PNG_KEPT = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'sBIT',
  'pHYs',
]);

/**
 * PNG: the signature and the chunks of {@link PNG_KEPT}, each with a checked CRC, up to IEND.
 * Text (tEXt, zTXt, iTXt), eXIf, iCCP, times, animation and private chunks are dropped; an
 * unknown critical chunk is refused; anything after IEND is dropped.
 */
function stripPng(bytes: Uint8Array): StrippedPieces {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let pos = 8;
  while (pos + 12 <= bytes.length) {
    const length = view.getUint32(pos);
    const end = pos + 12 + length;
    if (end > bytes.length) break;
    const type = tag(bytes, pos + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) return refuse('PNG chunk type is invalid');
    if (pos === 8 && type !== 'IHDR') return refuse('PNG header (IHDR) missing');
    if (PNG_KEPT.has(type)) {
      if (crc32(bytes.subarray(pos + 4, end - 4)) !== view.getUint32(end - 4)) {
        return refuse(`PNG ${type} checksum is wrong`);
      }
      kept.push(bytes.subarray(pos, end));
      if (type === 'IEND') return joined(kept);
    } else if (type.charCodeAt(0) < 0x61) {
      return refuse(`PNG has an unknown critical chunk (${type})`);
    }
    pos = end;
  }
  return refuse('PNG is truncated (no IEND chunk)');
}

const VP8X_ALPHA = 0x10;

/** A RIFF chunk as pieces: a new 8-byte head, the data as given (a view), a pad byte if odd. */
function riffChunk(fourcc: string, data: Uint8Array): Uint8Array[] {
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return data.length % 2 === 0 ? [head, data] : [head, data, new Uint8Array(1)];
}

/**
 * WebP: only the still-image bitstream (VP8 or VP8L) and its ALPH chunk, under a VP8X header
 * whose flags then say alpha at most (no VP8X at all without alpha). EXIF, XMP and ICCP chunks and anything after the RIFF
 * length are dropped; animation and unknown chunks are refused.
 */
function stripWebp(bytes: Uint8Array): StrippedPieces {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 20) return refuse('WebP is truncated');
  const riffEnd = 8 + view.getUint32(4, true);
  if (riffEnd > bytes.length) return refuse('WebP is truncated');
  let canvas: Uint8Array | null = null;
  let alpha: Uint8Array | null = null;
  let pos = 12;
  while (pos + 8 <= riffEnd) {
    const fourcc = tag(bytes, pos, 4);
    const size = view.getUint32(pos + 4, true);
    const data = pos + 8;
    if (data + size > riffEnd) return refuse('WebP chunk runs past the end of the file');
    const body = bytes.subarray(data, data + size);
    if (fourcc === 'VP8X') {
      if (pos !== 12 || size !== 10) return refuse('WebP extended header is invalid');
      canvas = body;
    } else if (fourcc === 'ALPH') {
      alpha = body;
    } else if (fourcc === 'VP8 ' || fourcc === 'VP8L') {
      const pieces: Uint8Array[] = [];
      const flags = (canvas?.[0] ?? 0) & (alpha || fourcc === 'VP8L' ? VP8X_ALPHA : 0);
      if (canvas && flags !== 0) {
        // Still extended only for alpha; without it the simple format says the same.
        const header = new Uint8Array(canvas);
        header[0] = flags;
        pieces.push(...riffChunk('VP8X', header));
        if (alpha && fourcc === 'VP8 ') pieces.push(...riffChunk('ALPH', alpha));
      }
      pieces.push(...riffChunk(fourcc, body));
      const payload = pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
      const head = Buffer.alloc(12);
      head.write('RIFF', 0, 'latin1');
      head.writeUInt32LE(payload + 4, 4);
      head.write('WEBP', 8, 'latin1');
      return joined([head, ...pieces]); // any later chunk, and anything past the RIFF, dropped
    } else if (fourcc === 'ANIM' || fourcc === 'ANMF') {
      return refuse('Animated WebP is not accepted');
    } else if (fourcc !== 'ICCP' && fourcc !== 'EXIF' && fourcc !== 'XMP ') {
      return refuse(`WebP has an unknown chunk (${fourcc.trim()})`);
    }
    pos = data + size + (size % 2);
  }
  return refuse('WebP has no still-image bitstream');
}

/**
 * Rewrites an image of `type` (already sniffed) keeping only what decodes the pixels: no
 * EXIF, XMP, ICC profile, text chunk, comment, thumbnail or trailing byte survives. Pure and
 * total: any input gives an answer, never an exception.
 */
export function stripImage(bytes: Uint8Array, type: ImageType, maxDimension: number): Stripped {
  const stripped = stripImagePieces(bytes, type, maxDimension);
  return stripped.ok ? { ok: true, bytes: joinPieces(stripped.pieces) } : stripped;
}

/** {@link stripImage} without joining: the kept pieces, mostly views into `bytes`. */
export function stripImagePieces(
  bytes: Uint8Array,
  type: ImageType,
  maxDimension: number,
): StrippedPieces {
  if (type === 'image/jpeg') return stripJpeg(bytes, maxDimension);
  return type === 'image/png' ? stripPng(bytes) : stripWebp(bytes);
}
