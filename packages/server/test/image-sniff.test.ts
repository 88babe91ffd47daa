import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectImageType, inspectImage } from '../src/image-sniff.js';
import { webpWithMetadata } from './support/dirty-images.js';
import { fixture, IMAGES, makePng } from './support/images.js';

const MAX = 4096;

describe('inspectImage', () => {
  it.each(Object.entries(IMAGES))(
    'reads %s: type and dimensions from its header',
    (_name, image) => {
      expect(inspectImage(fixture(image.file), MAX)).toEqual({
        ok: true,
        type: image.type,
        width: image.width,
        height: image.height,
      });
    },
  );

  it('judges by magic bytes, whatever the name says', () => {
    expect(detectImageType(fixture(IMAGES.png.file))).toBe('image/png');
    expect(
      detectImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')),
    ).toBeNull();
  });

  it.each([
    ['text', new TextEncoder().encode('hello, this is not an image at all')],
    ['PDF', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
    ['GIF', new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00;')],
    ['empty', new Uint8Array()],
  ])('refuses %s as unsupported_media_type', (_name, bytes) => {
    const result = inspectImage(bytes, MAX);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('unsupported_media_type');
  });

  it('refuses a WebP whose extended canvas hides a larger bitstream', () => {
    // webpWithMetadata has a 64×48 VP8X canvas; its VP8 header then claims 4160 pixels across.
    const bytes = new Uint8Array(webpWithMetadata());
    const vp8 = Buffer.from(bytes).indexOf('VP8 ');
    bytes[vp8 + 8 + 7] = 0x10;
    expect(inspectImage(webpWithMetadata(), MAX).ok).toBe(true);
    expect(inspectImage(bytes, MAX)).toMatchObject({ ok: false, code: 'image_undecodable' });
  });

  it.each(Object.entries(IMAGES))('refuses every truncation of %s', (_name, image) => {
    const bytes = fixture(image.file);
    // Every length near both ends (headers, end markers) and a sample in between.
    const lengths = [...Array(bytes.length).keys()].filter(
      (n) => n < 700 || n > bytes.length - 700 || n % 97 === 0,
    );
    for (const length of lengths) {
      const result = inspectImage(bytes.subarray(0, length), MAX);
      expect(result.ok, `prefix of ${length} bytes`).toBe(false);
    }
  });

  it('limits dimensions, inclusive of the maximum', () => {
    expect(inspectImage(makePng(MAX, 2), MAX)).toMatchObject({ ok: true, width: MAX, height: 2 });
    expect(inspectImage(makePng(MAX + 1, 2), MAX)).toMatchObject({
      ok: false,
      code: 'image_too_large',
    });
    expect(inspectImage(makePng(2, MAX + 1), MAX)).toMatchObject({
      ok: false,
      code: 'image_too_large',
    });
  });

  it('refuses a PNG whose header checksum is wrong', () => {
    const bytes = makePng(8, 8);
    bytes[20] = (bytes[20] ?? 0) ^ 0xff; // height field, CRC now mismatches
    expect(inspectImage(bytes, MAX)).toMatchObject({ ok: false, code: 'image_undecodable' });
  });

  it('refuses a zero-sized image', () => {
    expect(inspectImage(makePng(0, 4), MAX)).toMatchObject({
      ok: false,
      code: 'image_undecodable',
    });
  });

  it('refuses a JPEG whose scan comes before any frame header', () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0x00, 0xff, 0xd9]);
    expect(inspectImage(bytes, MAX)).toMatchObject({ ok: false, code: 'image_undecodable' });
  });

  it('never throws, whatever the bytes', () => {
    const magic = fc.constantFrom(
      [0xff, 0xd8, 0xff],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0x52, 0x49, 0x46, 0x46, 0x20, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
      [],
    );
    fc.assert(
      fc.property(magic, fc.uint8Array({ maxLength: 256 }), (head, tail) => {
        const result = inspectImage(new Uint8Array([...head, ...tail]), MAX);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('never throws on a real image with one byte changed', () => {
    const images = Object.values(IMAGES).map((image) => fixture(image.file));
    fc.assert(
      fc.property(
        fc.nat(images.length - 1),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        (which, at, value) => {
          const bytes = new Uint8Array(images[which] ?? new Uint8Array());
          bytes[at % bytes.length] = value;
          expect(typeof inspectImage(bytes, MAX).ok).toBe('boolean');
        },
      ),
    );
  });
});
