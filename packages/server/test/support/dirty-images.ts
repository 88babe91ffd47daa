// Images carrying what must never be stored or served: EXIF with GPS, XMP, ICC profiles, text
// chunks, comments, trailing payloads. Each hides a SECRET-… string to search for afterwards.
import { fixture, IMAGES, pngChunk } from './images.js';

/** Every secret planted by these builders starts with this. */
export const SECRET = 'SECRET-';

/** A little-endian TIFF with IFD0 (ImageDescription, GPS pointer) and a GPS IFD (48°51′N). */
export function exifTiff(secret: string): Buffer {
  const text = Buffer.from(`${SECRET}${secret}\0`, 'latin1');
  const tiff = Buffer.alloc(8 + 2 + 2 * 12 + 4 + 2 + 2 * 12 + 4 + 24 + text.length);
  tiff.write('II*\0', 0, 'latin1');
  tiff.writeUInt32LE(8, 4);
  const gpsIfd = 8 + 2 + 24 + 4;
  const rationals = gpsIfd + 2 + 24 + 4;
  const textAt = rationals + 24;
  let at = 8;
  tiff.writeUInt16LE(2, at);
  at += 2;
  for (const [tagId, type, count, value] of [
    [0x010e, 2, text.length, textAt], // ImageDescription (ASCII)
    [0x8825, 4, 1, gpsIfd], // GPSInfo IFD pointer
  ] as const) {
    tiff.writeUInt16LE(tagId, at);
    tiff.writeUInt16LE(type, at + 2);
    tiff.writeUInt32LE(count, at + 4);
    tiff.writeUInt32LE(value, at + 8);
    at += 12;
  }
  tiff.writeUInt32LE(0, at);
  at = gpsIfd;
  tiff.writeUInt16LE(2, at);
  at += 2;
  tiff.writeUInt16LE(0x0001, at); // GPSLatitudeRef "N"
  tiff.writeUInt16LE(2, at + 2);
  tiff.writeUInt32LE(2, at + 4);
  tiff.write('N\0', at + 8, 'latin1');
  at += 12;
  tiff.writeUInt16LE(0x0002, at); // GPSLatitude 48/1 51/1 0/1
  tiff.writeUInt16LE(5, at + 2);
  tiff.writeUInt32LE(3, at + 4);
  tiff.writeUInt32LE(rationals, at + 8);
  at += 12;
  tiff.writeUInt32LE(0, at);
  [48, 1, 51, 1, 0, 1].forEach((n, i) => {
    tiff.writeUInt32LE(n, rationals + 4 * i);
  });
  text.copy(tiff, textAt);
  return tiff;
}

function jpegSegment(marker: number, data: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

/** The small JPEG with EXIF (GPS), XMP, an ICC profile and a comment after SOI. */
export function jpegWithMetadata(): Uint8Array {
  const jpeg = Buffer.from(fixture(IMAGES.smallJpeg.file));
  const icc = Buffer.concat([
    Buffer.from('ICC_PROFILE\0\x01\x01', 'latin1'),
    Buffer.from(`${SECRET}ICC`),
  ]);
  return new Uint8Array(
    Buffer.concat([
      jpeg.subarray(0, 2),
      jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff('JPEG-EXIF')])),
      jpegSegment(
        0xe1,
        Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${SECRET}XMP</x:xmpmeta>`),
      ),
      jpegSegment(0xe2, icc),
      jpegSegment(0xfe, Buffer.from(`${SECRET}COMMENT`)),
      jpeg.subarray(2),
    ]),
  );
}

/** The small JPEG with a frame header saying 65535×65535 before its real 64×48 one. */
export function jpegWithTwoFrames(): Uint8Array {
  const jpeg = Buffer.from(fixture(IMAGES.smallJpeg.file));
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  const length = jpeg.readUInt16BE(sof + 2);
  const huge = Buffer.from(jpeg.subarray(sof, sof + 2 + length));
  huge.writeUInt16BE(65535, 5);
  huge.writeUInt16BE(65535, 7);
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, sof), huge, jpeg.subarray(sof)]));
}

/** The small PNG with eXIf (GPS), tEXt, iTXt and an iCCP chunk after IHDR. */
export function pngWithMetadata(): Uint8Array {
  const png = Buffer.from(fixture(IMAGES.png.file));
  const afterIhdr = 8 + 25;
  return new Uint8Array(
    Buffer.concat([
      png.subarray(0, afterIhdr),
      pngChunk('eXIf', exifTiff('PNG-EXIF')),
      pngChunk('tEXt', Buffer.from(`Comment\0${SECRET}PNG-TEXT`, 'latin1')),
      pngChunk('iTXt', Buffer.from(`Author\0\0\0\0\0${SECRET}PNG-ITXT`, 'latin1')),
      png.subarray(afterIhdr),
    ]),
  );
}

function riffChunk(fourcc: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, Buffer.alloc(data.length % 2)]);
}

/** The small lossy WebP as an extended file with ICCP, EXIF (GPS) and XMP chunks. */
export function webpWithMetadata(): Uint8Array {
  const webp = Buffer.from(fixture(IMAGES.webpLossy.file));
  const vp8 = webp.subarray(12, 8 + webp.readUInt32LE(4));
  const header = Buffer.alloc(10);
  header[0] = 0x20 | 0x08 | 0x04; // ICC, EXIF, XMP
  header.writeUIntLE(IMAGES.webpLossy.width - 1, 4, 3);
  header.writeUIntLE(IMAGES.webpLossy.height - 1, 7, 3);
  const body = Buffer.concat([
    riffChunk('VP8X', header),
    riffChunk('ICCP', Buffer.from(`${SECRET}WEBP-ICC`)),
    vp8,
    riffChunk('EXIF', exifTiff('WEBP-EXIF')),
    riffChunk('XMP ', Buffer.from(`<x:xmpmeta>${SECRET}WEBP-XMP</x:xmpmeta>`)),
  ]);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return new Uint8Array(Buffer.concat([head, body]));
}

/** `image` with an HTML page and a ZIP archive appended after its end. */
export function withTrailer(image: Uint8Array): Uint8Array {
  return new Uint8Array(
    Buffer.concat([
      image,
      Buffer.from(`<html><script>${SECRET}HTML</script></html>`),
      Buffer.from('PK\x03\x04\x14\x00\x00\x00', 'latin1'),
      Buffer.from(`${SECRET}ZIP`),
    ]),
  );
}
