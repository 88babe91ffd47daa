/** A child for {@link el}: nodes as they are, strings as text (never parsed as HTML). */
export type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes and children. Text always goes in as text nodes, so
 * retailer strings can never inject markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Readonly<Record<string, string | boolean | undefined>> = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return element;
}

const FOCUSABLE =
  'a[href], button:not([disabled]):not([hidden]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Elements inside `container` that Tab can reach, in document order (none in a hidden part). */
export function focusables(container: ParentNode): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.closest('[hidden]') === null,
  );
}

/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Keeps Tab and Shift+Tab inside `container` (wrapping at both ends). Returns true when it
 * moved focus itself.
 */
export function trapTab(event: KeyboardEvent, container: HTMLElement, root: ShadowRoot): boolean {
  if (event.key !== 'Tab') return false;
  const items = focusables(container);
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return false;
  const active = root.activeElement;
  const outside = !active || !items.includes(active as HTMLElement);
  if (event.shiftKey && (active === first || outside)) {
    event.preventDefault();
    last.focus();
    return true;
  }
  if (
    !event.shiftKey &&
    (active === last || (outside && active !== null && !container.contains(active)))
  ) {
    event.preventDefault();
    first.focus();
    return true;
  }
  return false;
}
