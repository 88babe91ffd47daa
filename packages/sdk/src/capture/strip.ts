/**
 * Removes embedded metadata from a JPEG or WebP, leaving the pixels byte-for-byte untouched.
 * Canvas encoders write no Exif, but Chromium still embeds an sRGB ICC profile; dropping it
 * (sRGB is what viewers assume anyway) makes "no metadata" hold whatever the browser adds.
 * Other bytes are returned unchanged.
 */
export function stripMetadata(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return stripJpeg(bytes);
  if (fourcc(bytes, 0) === 'RIFF' && fourcc(bytes, 8) === 'WEBP') return stripWebp(bytes);
  return bytes;
}

function fourcc(bytes: Uint8Array, at: number): string {
  return at + 4 <= bytes.length ? String.fromCharCode(...bytes.subarray(at, at + 4)) : '';
}

/** APPn segments that carry metadata (Exif/XMP, ICC, IPTC) and comments. */
const JPEG_METADATA = new Set([0xe1, 0xe2, 0xed, 0xfe]);

function stripJpeg(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const keep: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  while (i + 3 < bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1]!;
    if (marker === 0xda) break; // the scan and everything after it is copied verbatim
    const end = i + 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
    if (!JPEG_METADATA.has(marker)) keep.push(bytes.subarray(i, end));
    i = end;
  }
  keep.push(bytes.subarray(i));
  return concat(keep);
}

/** VP8X feature flags for ICC (0x20), Exif (0x08) and XMP (0x04). */
const VP8X_METADATA_FLAGS = 0x20 | 0x08 | 0x04;

function stripWebp(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const keep: Uint8Array[] = [];
  let i = 12;
  while (i + 8 <= bytes.length) {
    const id = fourcc(bytes, i);
    const size =
      (bytes[i + 4]! | (bytes[i + 5]! << 8) | (bytes[i + 6]! << 16) | (bytes[i + 7]! << 24)) >>> 0;
    const end = Math.min(bytes.length, i + 8 + size + (size % 2));
    if (id === 'VP8X') {
      const chunk = bytes.slice(i, end);
      if (chunk.length > 8) chunk[8] = chunk[8]! & ~VP8X_METADATA_FLAGS;
      keep.push(chunk);
    } else if (id !== 'ICCP' && id !== 'EXIF' && id !== 'XMP ') {
      keep.push(bytes.subarray(i, end));
    }
    i = end;
  }
  const body = concat(keep);
  const out = new Uint8Array(12 + body.length);
  out.set(bytes.subarray(0, 12));
  new DataView(out.buffer).setUint32(4, 4 + body.length, true); // RIFF size counts "WEBP"
  out.set(body, 12);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
