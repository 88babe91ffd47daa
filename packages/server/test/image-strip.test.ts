import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectImageType, inspectImage } from '../src/image-sniff.js';
import { stripImage } from '../src/image-strip.js';
import {
  jpegWithMetadata,
  jpegWithTwoFrames,
  pngWithMetadata,
  SECRET,
  webpWithMetadata,
  withTrailer,
} from './support/dirty-images.js';
import { fixture, IMAGES } from './support/images.js';

const MAX = 4096;

function strip(bytes: Uint8Array) {
  const type = detectImageType(bytes);
  return type === null ? null : stripImage(bytes, type, MAX);
}

/** The stripped bytes as a Buffer (compared with `equals`: deep equality is slow on 28 KB). */
function stripped(bytes: Uint8Array): Buffer {
  const result = strip(bytes);
  if (!result?.ok) throw new Error(`refused: ${result?.message}`);
  return Buffer.from(result.bytes);
}

const clean = Object.values(IMAGES).map((image) => fixture(image.file));
const dirty = [jpegWithMetadata(), pngWithMetadata(), webpWithMetadata()];

describe('stripImage', () => {
  it('gives the same bytes for a dirty image as for its clean original', () => {
    const originals = [IMAGES.smallJpeg, IMAGES.png, IMAGES.webpLossy].map((i) => fixture(i.file));
    dirty.forEach((image, i) => {
      const original = stripped(originals[i] as Uint8Array);
      expect(stripped(image).equals(original)).toBe(true);
      expect(stripped(withTrailer(image)).equals(original)).toBe(true);
    });
  });

  it('refuses a second JPEG frame header, and a frame over the limit', () => {
    expect(strip(jpegWithTwoFrames())).toMatchObject({ ok: false, code: 'image_too_large' });
    const small = fixture(IMAGES.smallJpeg.file);
    expect(stripImage(small, 'image/jpeg', 32)).toMatchObject({
      ok: false,
      code: 'image_too_large',
    });
  });

  it('never throws, and what it keeps is a whole image without metadata, stable when stripped again', () => {
    const seeds = [...clean, ...dirty, ...dirty.map(withTrailer)];
    fc.assert(
      fc.property(
        fc.nat(seeds.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        fc.uint8Array({ maxLength: 64 }),
        (which, changes, tail) => {
          const seed = seeds[which] ?? new Uint8Array();
          const bytes = new Uint8Array(seed.length + tail.length);
          bytes.set(seed);
          bytes.set(tail, seed.length);
          for (const [at, value] of changes) bytes[at % bytes.length] = value;
          const result = strip(bytes);
          if (!result?.ok) return;
          // Stripping never turns an image whose header checks out into one whose header does not.
          if (inspectImage(bytes, MAX).ok) expect(inspectImage(result.bytes, MAX).ok).toBe(true);
          // A changed length field can fold a metadata chunk into the pixel data's own chunk (a
          // VP8 payload's last partition runs to the chunk's end), where no viewer reads it as
          // metadata and no container rewrite can tell it from pixels. So the secret's bytes are
          // checked on unchanged seeds; for changed ones, the stability check below proves that no
          // metadata chunk or segment is left (stripping again would drop it).
          if (changes.length === 0) expect(Buffer.from(result.bytes).includes(SECRET)).toBe(false);
          expect(stripped(result.bytes).equals(result.bytes)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary bytes behind a magic number', () => {
    const magic = fc.constantFrom(
      [0xff, 0xd8],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0x52, 0x49, 0x46, 0x46, 0x20, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
    );
    fc.assert(
      fc.property(magic, fc.uint8Array({ maxLength: 512 }), (head, tail) => {
        const bytes = new Uint8Array([...head, ...tail]);
        for (const type of ['image/jpeg', 'image/png', 'image/webp'] as const) {
          expect(typeof stripImage(bytes, type, MAX).ok).toBe('boolean');
        }
      }),
    );
  });
});
