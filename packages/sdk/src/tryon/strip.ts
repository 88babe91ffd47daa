import type { Product } from '../products/types.js';

/** The live view's product strip: one radio per product, the current one checked. */
export interface ProductStrip {
  readonly element: HTMLElement;
  /** Checks the product with `id` (after a switch, whoever asked for it). */
  select(id: string): void;
}

/** Which radio an arrow (or Home/End) key moves to from `index` of `count`, or null. */
export function stepFor(key: string, index: number, count: number): number | null {
  if (key === 'ArrowRight' || key === 'ArrowDown') return (index + 1) % count;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * A radio group of products (WAI-ARIA radio pattern): Tab reaches the checked one, the arrows
 * move to the next and pick it, Enter and Space pick the focused one. Each radio is named by
 * the product's `name` (else its id); `onPick` gets the product the shopper chose.
 */
export function createProductStrip(
  doc: Document,
  products: readonly Product[],
  label: string,
  currentId: string,
  onPick: (product: Product) => void,
): ProductStrip {
  const group = doc.createElement('div');
  group.className = 'strip';
  group.setAttribute('role', 'radiogroup');
  group.setAttribute('aria-label', label);
  const radios = products.map((product) => {
    const radio = doc.createElement('button');
    radio.type = 'button';
    radio.setAttribute('role', 'radio');
    radio.textContent = product.name ?? product.id;
    radio.dataset.product = product.id;
    group.append(radio);
    return radio;
  });
  const select = (id: string) => {
    radios.forEach((radio, i) => {
      const checked = products[i]?.id === id;
      radio.setAttribute('aria-checked', String(checked));
      radio.tabIndex = checked ? 0 : -1;
    });
    if (!products.some((p) => p.id === id) && radios[0]) radios[0].tabIndex = 0;
  };
  const pick = (index: number) => {
    const product = products[index];
    if (!product) return;
    select(product.id);
    onPick(product);
  };
  radios.forEach((radio, index) => {
    radio.addEventListener('click', () => pick(index));
    radio.addEventListener('keydown', (event) => {
      const to = stepFor(event.key, index, radios.length);
      if (to === null) return;
      event.preventDefault();
      radios[to]?.focus();
      pick(to);
    });
  });
  select(currentId);
  return { element: group, select };
}
