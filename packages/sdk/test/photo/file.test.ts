import { describe, expect, it, vi } from 'vitest';
import {
  checkPhotoFile,
  decodePhoto,
  MAX_PHOTO_BYTES,
  photoSize,
  releasePhoto,
} from '../../src/photo/file.js';

describe('checkPhotoFile', () => {
  it('refuses a file over 20 MB before reading it', () => {
    expect(checkPhotoFile({ size: MAX_PHOTO_BYTES + 1, type: 'image/jpeg' })?.code).toBe(
      'photo_too_large',
    );
    expect(checkPhotoFile({ size: MAX_PHOTO_BYTES, type: 'image/jpeg' })).toBeNull();
  });
  it('refuses a type that is not an image, and an empty file; leaves no type to the decoder', () => {
    expect(checkPhotoFile({ size: 10, type: 'text/plain' })?.code).toBe('photo_not_image');
    expect(checkPhotoFile({ size: 0, type: 'image/png' })?.code).toBe('photo_not_image');
    expect(checkPhotoFile({ size: 10, type: '' })).toBeNull();
    expect(checkPhotoFile({ size: 10, type: 'image/heic' })).toBeNull();
  });
});

describe('photoSize', () => {
  it('fits the longest side in 1280 and never enlarges', () => {
    expect(photoSize(4032, 3024)).toEqual({ width: 1280, height: 960 });
    expect(photoSize(3024, 4032)).toEqual({ width: 960, height: 1280 });
    expect(photoSize(640, 480)).toEqual({ width: 640, height: 480 });
  });
});

describe('decodePhoto', () => {
  const fakeCanvas = () => {
    const context = { drawImage: vi.fn(), imageSmoothingQuality: 'low' };
    return Object.assign(document.createElement('canvas'), {
      getContext: () => context,
    }) as unknown as HTMLCanvasElement;
  };
  it('decodes upright (EXIF applied), downscales, and closes the bitmap', async () => {
    const close = vi.fn();
    const decode = vi.fn(
      async () => ({ width: 4000, height: 2000, close }) as unknown as ImageBitmap,
    );
    const canvas = await decodePhoto(new Blob(['x'], { type: 'image/jpeg' }), {
      createImageBitmap: decode,
      createCanvas: (w, h) => Object.assign(fakeCanvas(), { width: w, height: h }),
    });
    expect(decode).toHaveBeenCalledWith(expect.any(Blob), { imageOrientation: 'from-image' });
    expect([canvas.width, canvas.height]).toEqual([1280, 640]);
    expect(close).toHaveBeenCalledOnce();
  });
  it('turns a decoder failure into photo_not_image', async () => {
    const decode = vi.fn(async () => {
      throw new DOMException('bad', 'InvalidStateError');
    });
    await expect(
      decodePhoto(new Blob(['x'], { type: 'image/jpeg' }), { createImageBitmap: decode }),
    ).rejects.toMatchObject({ code: 'photo_not_image', name: 'PhotoError' });
  });
  it('refuses a huge file without decoding it', async () => {
    const decode = vi.fn();
    const huge = { size: MAX_PHOTO_BYTES + 1, type: 'image/jpeg' } as Blob;
    await expect(decodePhoto(huge, { createImageBitmap: decode })).rejects.toMatchObject({
      code: 'photo_too_large',
    });
    expect(decode).not.toHaveBeenCalled();
  });
});

describe('releasePhoto', () => {
  it('drops the pixels and detaches the canvas', () => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    document.body.append(canvas);
    releasePhoto(canvas);
    expect([canvas.width, canvas.height, canvas.isConnected]).toEqual([0, 0, false]);
  });
});
