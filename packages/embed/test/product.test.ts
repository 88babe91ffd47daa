import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KINDS, readProduct } from '../src/product.js';
import { EmbedError } from '../src/types.js';

const attrs =
  (values: Record<string, string>) =>
  (name: string): string | null =>
    values[name] ?? null;

const RING = { kind: 'ring', image: '/ring.svg', 'anchor-x': '0.5', 'anchor-y': '0.45' };

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof EmbedError) return error.field;
    throw error;
  }
  throw new Error('expected a config error');
}

describe('readProduct', () => {
  it('builds a product from an id and attributes', () => {
    const product = readProduct('ring-1', attrs({ ...RING, 'width-mm': '20' }), {}, 'data-');
    expect(product).toEqual({
      id: 'ring-1',
      kind: 'ring',
      image: '/ring.svg',
      anchor: { x: 0.5, y: 0.45 },
      realWidthMm: 20,
    });
  });

  it('reads inline JSON, and attributes override it', () => {
    const json = JSON.stringify({
      id: 'w',
      kind: 'watch',
      image: '/w.svg',
      anchor: { x: 0.5, y: 0.5 },
      realWidthMm: 45,
    });
    const product = readProduct(json, attrs({ 'width-mm': '44' }), {}, '');
    expect(product.realWidthMm).toBe(44);
    expect(product.kind).toBe('watch');
  });

  it('completes an id from the configured products map', () => {
    const products = {
      g: { kind: 'glasses', image: '/g.svg', anchor: { x: 0.5, y: 0.4 }, realWidthMm: 140 },
    };
    const product = readProduct('g', attrs({}), products, 'data-');
    expect(product).toMatchObject({ id: 'g', kind: 'glasses', realWidthMm: 140 });
  });

  it('keeps the finger only when given', () => {
    const withFinger = readProduct(
      'r',
      attrs({ ...RING, 'width-mm': '20', finger: 'index' }),
      {},
      'data-',
    );
    expect(withFinger.finger).toBe('index');
    expect(readProduct('r', attrs({ ...RING, 'width-mm': '20' }), {}, 'data-').finger).toBe(
      undefined,
    );
  });

  it('reads a 3D model from `model` / `data-model`, and only when given', () => {
    const ok = { ...RING, 'width-mm': '20' };
    expect(readProduct('r', attrs({ ...ok, model: '/ring.glb' }), {}, 'data-').model).toBe(
      '/ring.glb',
    );
    expect('model' in readProduct('r', attrs(ok), {}, 'data-')).toBe(false);
    const products = {
      r: {
        ...ok,
        kind: 'ring',
        image: '/r.svg',
        anchor: { x: 0.5, y: 0.5 },
        realWidthMm: 20,
        model: '/r.glb',
      },
    };
    expect(readProduct('r', attrs({}), products, '').model).toBe('/r.glb');
    expect(fieldOf(() => readProduct('r', attrs({ ...ok, model: '' }), {}, 'data-'))).toBe(
      'product "r": data-model',
    );
  });

  it('names the attribute at fault, with the prefix of the markup style used', () => {
    const ok = { ...RING, 'width-mm': '20' };
    expect(fieldOf(() => readProduct('', attrs(ok), {}, 'data-'))).toBe('data-fittingroom-product');
    expect(fieldOf(() => readProduct('{bad', attrs(ok), {}, ''))).toBe('product');
    expect(fieldOf(() => readProduct('a b', attrs(ok), {}, 'data-'))).toBe(
      'data-fittingroom-product',
    );
    expect(fieldOf(() => readProduct('r', attrs({ ...ok, kind: 'hat' }), {}, 'data-'))).toBe(
      'product "r": data-kind',
    );
    expect(fieldOf(() => readProduct('r', attrs({ ...ok, image: '' }), {}, ''))).toBe(
      'product "r": image',
    );
    expect(fieldOf(() => readProduct('r', attrs({ ...ok, 'anchor-y': '1.2' }), {}, ''))).toBe(
      'product "r": anchor-y',
    );
    expect(fieldOf(() => readProduct('r', attrs({ ...ok, 'width-mm': 'wide' }), {}, ''))).toBe(
      'product "r": width-mm',
    );
  });

  it('accepts every anchor inside [0, 1] and refuses every one outside', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), fc.constantFrom(...KINDS), (x, kind) => {
        const read = attrs({ kind, image: '/i.svg', 'anchor-x': String(x), 'anchor-y': '0.5' });
        const run = () =>
          readProduct('p', (n) => read(n) ?? (n === 'width-mm' ? '10' : null), {}, '');
        if (x >= 0 && x <= 1) expect(run().anchor.x).toBe(Number(String(x)));
        else expect(fieldOf(run)).toBe('product "p": anchor-x');
      }),
    );
  });
});
