// cleanImage, the server's whole image check: our header walk, the container rewrite packed in
// place into the request's buffer, and libvips' second opinion on the result (remembered per JPEG
// header, so it must never be reused for a header differing in any byte).
import { describe, expect, it } from 'vitest';
import { HttpError } from '../src/errors.js';
import { cleanImage } from '../src/image-clean.js';
import { detectImageType } from '../src/image-sniff.js';
import { stripImage } from '../src/image-strip.js';
import {
  jpegWithMetadata,
  pngWithMetadata,
  webpWithMetadata,
  withTrailer,
} from './support/dirty-images.js';
import { fixture, IMAGES } from './support/images.js';

const MAX = 4096;

/** Where `bytes`' JPEG frame header (SOF0–SOF2) starts. */
function frameHeaderAt(bytes: Uint8Array): number {
  let pos = 2;
  while (!((bytes[pos + 1] ?? 0) >= 0xc0 && (bytes[pos + 1] ?? 0) <= 0xc2)) {
    pos += 2 + (((bytes[pos + 2] ?? 0) << 8) | (bytes[pos + 3] ?? 0));
  }
  return pos;
}

/** The small JPEG with its first component's sampling factors set to 0: libjpeg refuses it. */
function bogusSampling(): Uint8Array {
  const bytes = fixture(IMAGES.smallJpeg.file);
  bytes[frameHeaderAt(bytes) + 11] = 0x00;
  return bytes;
}

async function refusal(bytes: Uint8Array): Promise<unknown> {
  return cleanImage(bytes, MAX).then(
    () => null,
    (error: unknown) =>
      error instanceof HttpError ? { status: error.status, code: error.code } : error,
  );
}

describe('cleanImage', () => {
  it('refuses a JPEG header only libvips finds bogus, also right after accepting its neighbour', async () => {
    // Our walk reads segment lengths and the frame size; libjpeg also checks sampling factors.
    const expected = { status: 422, code: 'image_undecodable' };
    expect(await refusal(bogusSampling())).toEqual(expected);
    const good = await cleanImage(fixture(IMAGES.smallJpeg.file), MAX);
    expect(good).toMatchObject({ type: 'image/jpeg', width: 64, height: 48 });
    // Same layout, same size, one header byte apart: libvips' remembered verdict on the good
    // header must not answer for this one.
    expect(await refusal(bogusSampling())).toEqual(expected);
    expect(await cleanImage(fixture(IMAGES.smallJpeg.file), MAX)).toMatchObject({ width: 64 });
  });

  it('keeps exactly what stripImage keeps, packed inside the buffer it was given', async () => {
    const seeds = [
      ...Object.values(IMAGES).map((image) => fixture(image.file)),
      jpegWithMetadata(),
      pngWithMetadata(),
      webpWithMetadata(),
    ].flatMap((image) => [image, withTrailer(image)]);
    for (const seed of seeds) {
      const type = detectImageType(seed);
      const expected = type && stripImage(seed, type, MAX);
      if (!expected?.ok) throw new Error('every seed strips');
      const input = new Uint8Array(seed); // cleanImage rewrites its input in place
      const clean = await cleanImage(input, MAX);
      expect(Buffer.from(clean.bytes).equals(Buffer.from(expected.bytes))).toBe(true);
      if (type !== 'image/webp') expect(clean.bytes.buffer).toBe(input.buffer); // no copy
    }
  });
});
