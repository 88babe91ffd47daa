import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMetadata } from '../../src/capture/metadata.js';
import { stripMetadata } from '../../src/capture/strip.js';
import { bytes, chunk, EOI, EXIF, JFIF, SOI, SOS, segment, webp } from './images.js';

const DQT = segment(0xdb, Array<number>(65).fill(1));
const ICC = segment(0xe2, 'ICC_PROFILE\0\x01\x01abc');
const XMP = segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x/>');
const COM = segment(0xfe, 'made by me');
const SCAN = [1, 2, 0xff, 0x00, 3]; // entropy-coded data with a stuffed FF

describe('stripMetadata', () => {
  it('drops Exif, XMP, ICC and comments from a JPEG and keeps everything else in order', () => {
    const input = bytes(SOI, JFIF, EXIF, ICC, XMP, COM, DQT, SOS, SCAN, EOI);
    const out = stripMetadata(input);
    expect(findMetadata(out)).toEqual([]);
    expect(out).toEqual(bytes(SOI, JFIF, DQT, SOS, SCAN, EOI));
  });

  it('drops metadata chunks from a WebP, clears their VP8X flags and fixes the RIFF size', () => {
    const vp8x = chunk('VP8X', [0x20 | 0x10 | 0x08 | 0x04, 0, 0, 0, 1, 0, 0, 1, 0, 0]); // ICC+alpha+Exif+XMP
    const image = chunk('VP8 ', [9, 8, 7]);
    const out = stripMetadata(
      webp(vp8x, chunk('ICCP', [1, 2, 3, 4]), image, chunk('EXIF', [5]), chunk('XMP ', [6, 6])),
    );
    expect(findMetadata(out)).toEqual([]);
    const expected = webp(chunk('VP8X', [0x10, 0, 0, 0, 1, 0, 0, 1, 0, 0]), image); // alpha flag kept
    expect(out).toEqual(expected);
    expect(new DataView(out.buffer).getUint32(4, true)).toBe(out.length - 8);
  });

  it('returns clean files and other formats unchanged', () => {
    const clean = bytes(SOI, JFIF, DQT, SOS, SCAN, EOI);
    expect(stripMetadata(clean)).toEqual(clean);
    const other = bytes('GIF89a');
    expect(stripMetadata(other)).toBe(other);
  });

  it('never throws, whatever follows a JPEG or WebP header (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom(SOI, [...bytes('RIFF\0\0\0\0WEBP')]),
        (tail, head) => {
          expect(() => stripMetadata(new Uint8Array([...head, ...tail]))).not.toThrow();
        },
      ),
    );
  });
});
