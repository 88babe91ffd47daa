import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { PRODUCT_KINDS } from '../../src/products/types.js';
import { parseProduct, requiredLandmarker } from '../../src/products/validate.js';
import { RING } from './fixtures.js';

const BASE = 'https://shop.example/p/1';
const ring = RING;

function fieldOf(input: unknown, options = {}): string {
  try {
    parseProduct(input, { baseUrl: BASE, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).field;
  }
  throw new Error('expected a ConfigError');
}

describe('parseProduct', () => {
  it('accepts a complete product and returns it typed', () => {
    expect(parseProduct(ring, { baseUrl: BASE })).toEqual(ring);
  });

  it('accepts a decoded image and blob:/data: URLs', () => {
    const bitmap = { width: 200, height: 100 };
    expect(parseProduct({ ...ring, image: bitmap }, { baseUrl: BASE }).image).toBe(bitmap);
    expect(() =>
      parseProduct({ ...ring, image: 'blob:https://shop.example/1' }, { baseUrl: BASE }),
    ).not.toThrow();
    expect(() =>
      parseProduct({ ...ring, image: 'data:image/png;base64,AA==' }, { baseUrl: BASE }),
    ).not.toThrow();
  });

  it.each([
    [{ ...ring, kind: 'hat' }, 'product.kind'],
    [{ ...ring, anchor: { x: 1.5, y: 0 } }, 'product.anchor.x'],
    [{ ...ring, anchor: { x: 0.5 } }, 'product.anchor.y'],
    [{ ...ring, realWidthMm: 0 }, 'product.realWidthMm'],
    [{ ...ring, realWidthMm: Number.NaN }, 'product.realWidthMm'],
    [{ ...ring, id: 'has space' }, 'product.id'],
    [{ ...ring, finger: 'toe' }, 'product.finger'],
    [{ ...ring, kind: 'glasses' }, 'product.finger'],
    [{ ...ring, realWidth: 21 }, 'product.realWidth'],
    [{ ...ring, image: 42 }, 'product.image'],
    [{ ...ring, image: { width: 0, height: 10 } }, 'product.image'],
    [{ ...ring, image: 'https://cdn.tracker.example/ring.png' }, 'product.image'],
    [{ ...ring, image: 'javascript:alert(1)' }, 'product.image'],
  ])('names the field at fault (%#)', (input, field) => {
    expect(fieldOf(input)).toBe(field);
  });

  it('uses the caller’s prefix, and allows extra origins only when listed', () => {
    expect(fieldOf({ ...ring, kind: 'hat' }, { field: 'products[2]' })).toBe('products[2].kind');
    const cdn = { ...ring, image: 'https://img.shop.example/r.png' };
    expect(fieldOf(cdn)).toBe('product.image');
    expect(() =>
      parseProduct(cdn, { baseUrl: BASE, origins: ['https://img.shop.example'] }),
    ).not.toThrow();
  });

  it('rejects something that is not an object', () => {
    expect(fieldOf(null)).toBe('product');
  });

  it('says what is wrong in words a retailer can act on', () => {
    expect(() => parseProduct({ ...ring, anchor: { x: 0.5 } }, { baseUrl: BASE })).toThrow(
      'product.anchor.y is required',
    );
    expect(() => parseProduct({ ...ring, realWidth: 21 }, { baseUrl: BASE })).toThrow(
      'product.realWidth is not a known option',
    );
  });
});

describe('requiredLandmarker', () => {
  it('needs hands for ring, watch, bracelet and the face for the rest', () => {
    const map = Object.fromEntries(PRODUCT_KINDS.map((k) => [k, requiredLandmarker(k)]));
    expect(map).toEqual({
      ring: 'hand',
      watch: 'hand',
      bracelet: 'hand',
      earrings: 'face',
      necklace: 'face',
      glasses: 'face',
    });
  });
});

describe('parseProduct: 3D models', () => {
  it('accepts a same-origin, blob: or data: model URL beside the image', () => {
    for (const model of [
      '/models/ring.glb',
      'blob:https://shop.example/2',
      'data:model/gltf-binary;base64,Z2xURg==',
    ]) {
      expect(parseProduct({ ...ring, model }, { baseUrl: BASE }).model).toBe(model);
    }
  });

  it('names product.model for a third-party, empty or non-string model', () => {
    expect(fieldOf({ ...ring, model: 'https://cdn.example/ring.glb' })).toBe('product.model');
    expect(fieldOf({ ...ring, model: '' })).toBe('product.model');
    expect(fieldOf({ ...ring, model: 42 })).toBe('product.model');
  });
});
