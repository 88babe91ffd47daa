// Issue 16 item 5: images with EXIF GPS, PNG eXIf/tEXt, a WebP EXIF chunk or a trailing
// HTML/ZIP payload were stored and served byte-identical; a JPEG whose first frame header says
// 65535×65535 and second 64×48 passed the dimension check. Real server on loopback.
import { API } from '@fittingroom/protocol';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  jpegWithMetadata,
  jpegWithTwoFrames,
  pngWithMetadata,
  SECRET,
  webpWithMetadata,
  withTrailer,
} from './support/dirty-images.js';
import { ORIGIN } from './support/harness.js';
import { fixture, IMAGES, makePng } from './support/images.js';
import { codeOf, type Loopback, send, startLoopback } from './support/loopback.js';

describe('what the server stores and serves is clean (real socket)', () => {
  let loop: Loopback;
  let subject: { token: string; receiptId: string };
  beforeAll(async () => {
    loop = await startLoopback();
    subject = await loop.grant();
  });
  afterAll(async () => {
    await loop.close();
  });

  /** Uploads `image` and returns the bytes the server then serves for it. */
  async function roundTrip(image: Uint8Array): Promise<Buffer> {
    const stored = await loop.upload(subject, image);
    expect(stored.status, stored.body).toBe(201);
    const { uploadId } = JSON.parse(stored.body) as { uploadId: string };
    const served = await fetch(`${loop.url}${API.uploadImage(uploadId)}`, {
      headers: { authorization: `Bearer ${subject.token}`, origin: ORIGIN },
    });
    expect(served.status).toBe(200);
    return Buffer.from(await served.arrayBuffer());
  }

  it.each([
    ['JPEG with EXIF (GPS), XMP, ICC and a comment', jpegWithMetadata(), 'jpeg', IMAGES.smallJpeg],
    ['PNG with eXIf (GPS), tEXt and iTXt', pngWithMetadata(), 'png', IMAGES.png],
    ['WebP with ICCP, EXIF (GPS) and XMP chunks', webpWithMetadata(), 'webp', IMAGES.webpLossy],
    [
      'JPEG with HTML and a ZIP appended',
      withTrailer(fixture(IMAGES.smallJpeg.file)),
      'jpeg',
      IMAGES.smallJpeg,
    ],
    ['PNG with HTML and a ZIP appended', withTrailer(fixture(IMAGES.png.file)), 'png', IMAGES.png],
    [
      'WebP with HTML and a ZIP appended',
      withTrailer(fixture(IMAGES.webpLossy.file)),
      'webp',
      IMAGES.webpLossy,
    ],
  ])(
    '%s: served without any of it, still the same picture',
    async (_name, dirty, format, clean) => {
      expect(Buffer.from(dirty).includes(SECRET)).toBe(true);
      const served = await roundTrip(dirty);
      expect(served.includes(SECRET)).toBe(false);
      expect(served.includes('PK\x03\x04')).toBe(false);
      const meta = await sharp(served).metadata();
      expect(meta).toMatchObject({ format, width: clean.width, height: clean.height });
      expect([meta.exif, meta.xmp, meta.icc]).toEqual([undefined, undefined, undefined]);
      // The pixels are the original's, untouched: stripping never re-encodes.
      const pixels = (bytes: Uint8Array) => sharp(bytes).raw().toBuffer();
      expect((await pixels(served)).equals(await pixels(fixture(clean.file)))).toBe(true);
    },
  );

  it('refuses a JPEG whose first frame header says 65535×65535 and its second 64×48', async () => {
    const before = await loop.storage.list('');
    const refused = await loop.upload(subject, jpegWithTwoFrames());
    expect(refused.status, refused.body).toBe(422);
    expect(codeOf(refused)).toBe('image_undecodable');
    expect(await loop.storage.list('')).toEqual(before);
  });

  it('refuses a decompression bomb from its header, before any decoder runs', async () => {
    const bomb = makePng(8000, 8000); // 64 MB of pixels in a few dozen KB
    expect(bomb.byteLength).toBeLessThan(200_000);
    const before = await loop.storage.list('');
    const started = Date.now();
    const refused = await loop.upload(subject, bomb);
    expect(refused.status, refused.body).toBe(422);
    expect(codeOf(refused)).toBe('image_too_large');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await loop.storage.list('')).toEqual(before);
  });

  it('serves a clean image exactly as uploaded', async () => {
    for (const image of [IMAGES.jpeg, IMAGES.png, IMAGES.webpLossless, IMAGES.webpExtended]) {
      const bytes = fixture(image.file);
      expect((await roundTrip(bytes)).equals(Buffer.from(bytes)), image.file).toBe(true);
    }
    expect((await send(loop.port, { method: 'GET', path: API.health })).status).toBe(200);
  });
});
