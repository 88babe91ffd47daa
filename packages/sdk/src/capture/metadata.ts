/** Kinds of embedded metadata {@link findMetadata} reports. */
export type MetadataKind = 'Exif' | 'XMP' | 'IPTC' | 'ICC' | 'Text';

function ascii(bytes: Uint8Array, start: number, length: number): string {
  if (start < 0 || start + length > bytes.length) return '';
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/** JPEG: walks the marker segments up to the image data (SOS). */
function jpegMetadata(bytes: Uint8Array): MetadataKind[] {
  const found: MetadataKind[] = [];
  let i = 2;
  while (i + 3 < bytes.length) {
    if (bytes[i] !== 0xff) break; // not a marker: corrupt, stop looking
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // image data or end: no more headers
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    const body = i + 4;
    if (marker === 0xe1 && ascii(bytes, body, 6) === 'Exif\0\0') found.push('Exif');
    if (marker === 0xe1 && ascii(bytes, body, 28) === 'http://ns.adobe.com/xap/1.0/')
      found.push('XMP');
    if (marker === 0xe2 && ascii(bytes, body, 12) === 'ICC_PROFILE\0') found.push('ICC');
    if (marker === 0xed) found.push('IPTC');
    if (marker === 0xfe) found.push('Text'); // COM comment
    i += 2 + length;
  }
  return found;
}

/** WebP: a RIFF container; metadata lives in `EXIF`, `XMP ` and `ICCP` chunks. */
function webpMetadata(bytes: Uint8Array): MetadataKind[] {
  const found: MetadataKind[] = [];
  let i = 12;
  while (i + 8 <= bytes.length) {
    const fourcc = ascii(bytes, i, 4);
    const size =
      (bytes[i + 4]! | (bytes[i + 5]! << 8) | (bytes[i + 6]! << 16) | (bytes[i + 7]! << 24)) >>> 0;
    if (fourcc === 'EXIF') found.push('Exif');
    if (fourcc === 'XMP ') found.push('XMP');
    if (fourcc === 'ICCP') found.push('ICC');
    i += 8 + size + (size % 2); // chunks are padded to an even size
  }
  return found;
}

/** PNG: length-prefixed chunks; `eXIf`, text chunks and `iCCP` carry metadata. */
function pngMetadata(bytes: Uint8Array): MetadataKind[] {
  const found: MetadataKind[] = [];
  let i = 8;
  while (i + 8 <= bytes.length) {
    const length =
      ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    const type = ascii(bytes, i + 4, 4);
    if (type === 'eXIf') found.push('Exif');
    if (type === 'iCCP') found.push('ICC');
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
      found.push(ascii(bytes, i + 8, 18) === 'XML:com.adobe.xmp\0' ? 'XMP' : 'Text');
    }
    if (type === 'IEND') break;
    i += 12 + length;
  }
  return found;
}

/**
 * Metadata blocks embedded in a JPEG, WebP or PNG file, in file order (empty for other bytes).
 * Only the container structure is read; pixel data is skipped.
 */
export function findMetadata(bytes: Uint8Array): MetadataKind[] {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegMetadata(bytes);
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return webpMetadata(bytes);
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return pngMetadata(bytes);
  return [];
}

/** True when the image carries an Exif block (JPEG APP1 `Exif`, WebP `EXIF`, PNG `eXIf`). */
export function hasExif(bytes: Uint8Array): boolean {
  return findMetadata(bytes).includes('Exif');
}
