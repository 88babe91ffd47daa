import { afterEach, describe, expect, it } from 'vitest';
import type { ConsentAnswer } from '../../src/consent/prompt.js';
import { ConfigError } from '../../src/errors.js';
import type { Product } from '../../src/products/types.js';
import { createSession, type SessionDeps } from '../../src/tryon/session.js';
import type { TryOnState } from '../../src/tryon/types.js';
import { RING } from '../products/fixtures.js';
import { fakeDeps } from './support/fakes.js';

const grant: ConsentAnswer = { kind: 'decision', granted: ['camera', 'upload'], refused: [] };
const GOLD: Product = { ...RING, id: 'ring-gold', name: 'Gold ring' };
const GLASSES: Product = {
  id: 'glasses-1',
  kind: 'glasses',
  image: '/img/glasses.webp',
  anchor: { x: 0.5, y: 0.4 },
  realWidthMm: 140,
  name: 'Round glasses',
};

function tryOnWith(deps: SessionDeps, policy: ReturnType<typeof fakeDeps>['policy']) {
  const tryOn = createSession(
    { product: RING, policy, assetsUrl: 'https://shop.example/assets/', locale: 'en' },
    deps,
  );
  const states: TryOnState[] = [];
  const switched: string[] = [];
  const kinds: string[] = [];
  tryOn.on('state', (s) => states.push(s));
  tryOn.on('product', (p) => switched.push(p.id));
  tryOn.on('landmarker', () => kinds.push('landmarker'));
  return { tryOn, states, switched, kinds };
}

const host = () => document.querySelector<HTMLElement>('[data-fittingroom=tryon]');
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

afterEach(() => {
  document.body.replaceChildren();
});

describe('tryOn.setProduct: switching without a restart', () => {
  it('live: the same pipeline draws the new product; no new state, start or consent', async () => {
    const { deps, policy, start, pipeline } = fakeDeps([grant]); // asked once only
    let starts = 0;
    const load = deps.loadLive;
    const { tryOn, states, switched } = tryOnWith(
      {
        ...deps,
        loadLive: async () => {
          starts += 1;
          return (await load?.()) as Awaited<ReturnType<NonNullable<typeof load>>>;
        },
      },
      policy,
    );
    start.resolve();
    await tryOn.open();
    const before = [...states];
    for (const p of [GLASSES, GOLD, GLASSES, RING, GLASSES, GOLD]) await tryOn.setProduct(p);
    expect(states).toEqual(before); // still live, never restarted
    expect(starts).toBe(1);
    expect(pipeline.calls).toEqual([
      'setProduct:glasses-1',
      'setProduct:ring-gold',
      'setProduct:glasses-1',
      'setProduct:ring-001',
      'setProduct:glasses-1',
      'setProduct:ring-gold',
    ]);
    expect(switched).toEqual([
      'glasses-1',
      'ring-gold',
      'glasses-1',
      'ring-001',
      'glasses-1',
      'ring-gold',
    ]);
    expect(host()?.dataset.product).toBe('ring-gold');
  });

  it('a hand → face switch announces the other landmarker; switching back announces nothing new', async () => {
    const { deps, policy, start } = fakeDeps([grant]);
    const { tryOn, kinds } = tryOnWith(deps, policy);
    start.resolve();
    await tryOn.open();
    expect(kinds).toHaveLength(1);
    await tryOn.setProduct(GLASSES);
    expect(kinds).toHaveLength(2);
    await tryOn.setProduct(GOLD); // hand again, the same kind as the last: nothing to announce
    await tryOn.setProduct(RING);
    expect(kinds).toHaveLength(3);
  });

  it('a wrong product throws a ConfigError naming the field and changes nothing', async () => {
    const { deps, policy, start, pipeline } = fakeDeps([grant]);
    const { tryOn, switched } = tryOnWith(deps, policy);
    start.resolve();
    await tryOn.open();
    const wrong = { ...GLASSES, realWidthMm: -1 };
    await expect(tryOn.setProduct(wrong)).rejects.toThrow(ConfigError);
    await expect(tryOn.setProduct(wrong)).rejects.toMatchObject({
      field: 'product.realWidthMm',
    });
    expect(pipeline.calls).toEqual([]);
    expect(switched).toEqual([]);
  });

  it('asked for while reviewing: applied on return to the live view', async () => {
    const { deps, policy, start, pipeline } = fakeDeps([grant]);
    const { tryOn, states, switched } = tryOnWith(deps, policy);
    start.resolve();
    await tryOn.open();
    const shadow = host()?.shadowRoot;
    [...(shadow?.querySelectorAll('button') ?? [])]
      .find((b) => b.textContent === 'Take photo')
      ?.click();
    await settle();
    expect(states.at(-1)).toBe('reviewing');
    await tryOn.setProduct(GLASSES);
    expect(pipeline.calls).not.toContain('setProduct:glasses-1');
    const review = shadow?.querySelector('.review')?.firstElementChild?.shadowRoot;
    [...(review?.querySelectorAll('button') ?? [])]
      .find((b) => b.textContent === 'Retake')
      ?.click();
    await settle();
    expect(states.at(-1)).toBe('live');
    expect(pipeline.calls).toContain('setProduct:glasses-1');
    expect(switched).toEqual(['glasses-1']);
  });

  it('before open: stored, and the start draws it', async () => {
    const { deps, policy, start, pipeline } = fakeDeps([grant]);
    const { tryOn, switched } = tryOnWith(deps, policy);
    await tryOn.setProduct(GLASSES);
    start.resolve();
    await tryOn.open();
    expect(pipeline.options().product.id).toBe('glasses-1');
    expect(pipeline.calls).toEqual([]);
    expect(switched).toEqual([]);
  });

  it('validates the products list up front, naming the entry', () => {
    const { deps, policy } = fakeDeps([]);
    const make = (products: unknown) =>
      createSession(
        {
          product: RING,
          products: products as Product[],
          policy,
          assetsUrl: 'https://shop.example/assets/',
        },
        deps,
      );
    expect(() => make([RING, { ...GLASSES, kind: 'hat' }])).toThrow(
      expect.objectContaining({ field: 'products.1.kind' }),
    );
    expect(() => make([RING, RING])).toThrow(expect.objectContaining({ field: 'products.1.id' }));
    expect(() => make([RING, { ...GOLD, name: ' ' }])).toThrow(
      expect.objectContaining({ field: 'products.1.name' }),
    );
    expect(() => make([RING, GOLD, GLASSES])).not.toThrow();
  });

  it('the strip: a named radio group the arrows move through, each move a switch', async () => {
    const { deps, policy, start, pipeline } = fakeDeps([grant]);
    const tryOn = createSession(
      {
        product: RING,
        products: [RING, GOLD, GLASSES],
        policy,
        assetsUrl: 'https://shop.example/assets/',
        locale: 'en',
      },
      deps,
    );
    start.resolve();
    await tryOn.open();
    const group = host()?.shadowRoot?.querySelector<HTMLElement>('[role=radiogroup]');
    expect(group?.getAttribute('aria-label')).toBe('Choose a product');
    const radios = [...(group?.querySelectorAll<HTMLButtonElement>('[role=radio]') ?? [])];
    expect(radios.map((r) => r.textContent)).toEqual(['ring-001', 'Gold ring', 'Round glasses']);
    const checked = () => radios.map((r) => r.getAttribute('aria-checked'));
    expect(checked()).toEqual(['true', 'false', 'false']);
    expect(radios.map((r) => r.tabIndex)).toEqual([0, -1, -1]); // one tab stop
    radios[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await settle();
    expect(checked()).toEqual(['false', 'true', 'false']);
    expect(host()?.shadowRoot?.activeElement).toBe(radios[1]);
    radios[1]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await settle();
    radios[2]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await settle(); // wraps round to the first
    expect(pipeline.calls).toEqual([
      'setProduct:ring-gold',
      'setProduct:glasses-1',
      'setProduct:ring-001',
    ]);
    expect(checked()).toEqual(['true', 'false', 'false']);
  });

  it('no strip for a single product', async () => {
    const { deps, policy, start } = fakeDeps([grant]);
    const { tryOn } = tryOnWith(deps, policy);
    start.resolve();
    await tryOn.open();
    expect(host()?.shadowRoot?.querySelector('[role=radiogroup]')).toBeNull();
  });
});
