/** Tag name of the try-on custom element. */
export const ELEMENT_NAME = 'fitting-room-button';

/** What the custom element asks of the loader. */
export interface ButtonHooks {
  /** Checks the element's product; true when the button may be shown. */
  ready(element: HTMLElement): boolean;
  /** Opens the try-on for the element's product. */
  click(element: HTMLElement, button: HTMLButtonElement): void;
}

/**
 * Defines `<fitting-room-button product="…">Label</fitting-room-button>` (once per page).
 * It renders a real `<button type="button">` in light DOM holding the element's own content
 * (default "Try it on"), so the retailer's CSS styles it and assistive technology announces a
 * button; the element is un-hidden only when its product is valid. No shadow DOM, no styles:
 * nothing a strict CSP could block.
 */
export function defineButton(registry: CustomElementRegistry, hooks: ButtonHooks): void {
  if (registry.get(ELEMENT_NAME)) return;
  registry.define(
    ELEMENT_NAME,
    class extends HTMLElement {
      connectedCallback(): void {
        let button = this.querySelector('button');
        if (!button) {
          button = this.ownerDocument.createElement('button');
          button.type = 'button';
          button.append(...this.childNodes);
          if (!button.textContent?.trim()) button.textContent = 'Try it on';
          this.append(button);
          const target = button;
          button.addEventListener('click', () => hooks.click(this, target));
        }
        if (hooks.ready(this)) this.hidden = false;
      }
    },
  );
}
