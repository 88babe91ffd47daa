import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMetadata, hasExif } from '../../src/capture/metadata.js';
import { bytes, chunk, EOI, EXIF, JFIF, png, SOI, SOS, segment, webp } from './images.js';

describe('hasExif / findMetadata', () => {
  it('finds an Exif APP1 segment in a JPEG', () => {
    expect(hasExif(bytes(SOI, JFIF, EXIF, SOS, EOI))).toBe(true);
  });

  it('finds none in a plain JFIF JPEG like a canvas writes', () => {
    const jpeg = bytes(SOI, JFIF, segment(0xdb, Array(65).fill(1)), SOS, [1, 2, 3], EOI);
    expect(hasExif(jpeg)).toBe(false);
    expect(findMetadata(jpeg)).toEqual([]);
  });

  it('ignores "Exif" bytes inside the compressed image data', () => {
    // Even bytes that look like an APP1 Exif segment are pixels once the scan (SOS) starts.
    expect(hasExif(bytes(SOI, JFIF, SOS, EXIF, EOI))).toBe(false);
  });

  it('names XMP, ICC and comments in a JPEG', () => {
    const jpeg = bytes(
      SOI,
      segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x/>'),
      segment(0xe2, 'ICC_PROFILE\0\x01\x01'),
      segment(0xfe, 'hello'),
      SOS,
      EOI,
    );
    expect(findMetadata(jpeg)).toEqual(['XMP', 'ICC', 'Text']);
  });

  it('finds an EXIF chunk in a WebP, and none in a plain one', () => {
    const vp8 = chunk('VP8 ', [1, 2, 3]);
    expect(hasExif(webp(chunk('VP8X', Array(10).fill(0)), vp8, chunk('EXIF', [1, 2])))).toBe(true);
    expect(hasExif(webp(vp8))).toBe(false);
    expect(findMetadata(webp(vp8, chunk('XMP ', [1])))).toEqual(['XMP']);
  });

  it('finds eXIf and text chunks in a PNG', () => {
    expect(hasExif(png(['IHDR', Array(13).fill(0)], ['eXIf', [1, 2]], ['IEND', []]))).toBe(true);
    expect(
      findMetadata(png(['IHDR', Array(13).fill(0)], ['tEXt', [65, 0, 66]], ['IEND', []])),
    ).toEqual(['Text']);
    expect(findMetadata(png(['IHDR', Array(13).fill(0)], ['IEND', []]))).toEqual([]);
  });

  it('stops safely on truncated files and never throws on any bytes (property)', () => {
    expect(hasExif(bytes(SOI, [0xff, 0xe1, 0x40]))).toBe(false);
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom([], SOI, bytes('RIFF\0\0\0\0WEBP')),
        (tail, head) => {
          const input = new Uint8Array([...head, ...tail]);
          expect(() => findMetadata(input)).not.toThrow();
        },
      ),
    );
  });
});
