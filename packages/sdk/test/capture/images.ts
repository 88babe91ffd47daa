/** Byte builders for hand-made JPEG, WebP and PNG files (structure only, no real pixels). */

/** Concatenates byte arrays and ASCII strings. */
export const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );

/** A JPEG marker segment: FF marker, 16-bit length (including itself), body. */
export const segment = (marker: number, body: number[] | string) => {
  const b = typeof body === 'string' ? [...body].map((c) => c.charCodeAt(0)) : body;
  const length = b.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...b];
};

/** Start of image, a JFIF APP0, an Exif APP1, a minimal start of scan, end of image. */
export const SOI = [0xff, 0xd8];
export const JFIF = segment(0xe0, 'JFIF\0\x01\x01\0\0\x01\0\x01\0\0');
export const EXIF = segment(0xe1, 'Exif\0\0MM\0*\0\0\0\x08');
export const SOS = [0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0];
export const EOI = [0xff, 0xd9];

/** A RIFF chunk with little-endian size and even padding. */
export const chunk = (fourcc: string, body: number[]) => {
  const n = body.length;
  return [...bytes(fourcc), n & 0xff, (n >> 8) & 0xff, 0, 0, ...body, ...(n % 2 ? [0] : [])];
};
/** A WebP file (RIFF header with the right size) around `chunks`. */
export const webp = (...chunks: number[][]) => {
  const body = chunks.flat();
  const n = body.length + 4;
  return bytes('RIFF', [n & 0xff, (n >> 8) & 0xff, 0, 0], 'WEBP', body);
};

/** A PNG file from `[type, body]` chunks (CRCs left zero: we never check them). */
export const png = (...chunks: [string, number[]][]) =>
  bytes(
    [0x89],
    'PNG\r\n\x1a\n',
    chunks.flatMap(([type, body]) => [
      0,
      0,
      (body.length >> 8) & 0xff,
      body.length & 0xff,
      ...bytes(type),
      ...body,
      0,
      0,
      0,
      0,
    ]),
  );
