import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { imageSizeOf, loadProductImage } from '../../src/products/load.js';

describe('loadProductImage', () => {
  it('decodes a URL without credentials or referrer before returning it', async () => {
    const img = document.createElement('img');
    let decoded = false;
    img.decode = () => {
      decoded = true;
      return Promise.resolve();
    };
    const out = await loadProductImage('/ring.png', { createImage: () => img });
    expect(out).toBe(img);
    expect(decoded).toBe(true);
    expect(img.crossOrigin).toBe('anonymous');
    expect(img.referrerPolicy).toBe('no-referrer');
    expect(img.getAttribute('src')).toBe('/ring.png');
  });

  it('names the field when the image cannot be decoded', async () => {
    const img = document.createElement('img');
    img.decode = () => Promise.reject(new Error('EncodingError'));
    await expect(
      loadProductImage('/x.png', { createImage: () => img, field: 'products[1].image' }),
    ).rejects.toEqual(expect.objectContaining({ field: 'products[1].image' }));
    await expect(loadProductImage('/x.png', { createImage: () => img })).rejects.toBeInstanceOf(
      ConfigError,
    );
  });

  it('returns a decoded source as is and reports its natural size', async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 40;
    canvas.height = 20;
    expect(await loadProductImage(canvas)).toBe(canvas);
    expect(imageSizeOf(canvas)).toEqual({ width: 40, height: 20 });
  });
});
