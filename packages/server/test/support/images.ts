import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const dir = new URL('../fixtures/', import.meta.url);

/** A fixture's bytes. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, dir)));
}

/** Real images and what they are (see fixtures/LICENSES.md). */
export const IMAGES = {
  jpeg: { file: 'hand.jpg', type: 'image/jpeg', width: 640, height: 480 },
  smallJpeg: { file: 'hand-64x48.jpg', type: 'image/jpeg', width: 64, height: 48 },
  png: { file: 'hand-64x48.png', type: 'image/png', width: 64, height: 48 },
  webpLossy: { file: 'hand-64x48.webp', type: 'image/webp', width: 64, height: 48 },
  webpLossless: { file: 'hand-32x24-lossless.webp', type: 'image/webp', width: 32, height: 24 },
  webpExtended: { file: 'red-20x10-alpha.webp', type: 'image/webp', width: 20, height: 10 },
} as const;

/** One PNG chunk: length, type, data and its CRC. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid grey PNG of any size (rows of zeros compress to almost nothing). */
export function makePng(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height); // filter byte + one byte per pixel, all zero
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', ihdr),
      pngChunk('IDAT', deflateSync(raw)),
      pngChunk('IEND', new Uint8Array()),
    ]),
  );
}
