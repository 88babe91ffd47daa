/**
 * Styles of the consent dialog and the privacy control. Applied as a constructable stylesheet
 * (`adoptedStyleSheets`), never as `<style>` or `style=""`, so a CSP without 'unsafe-inline'
 * holds. Every colour, font and radius is a CSS custom property the retailer can set on the
 * page (custom properties inherit into the shadow tree):
 *
 * `--fr-font`, `--fr-fg`, `--fr-bg`, `--fr-muted`, `--fr-border`, `--fr-radius`,
 * `--fr-button-fg`, `--fr-button-bg`, `--fr-button-radius`, `--fr-link`, `--fr-focus`,
 * `--fr-error`, `--fr-backdrop`, `--fr-max-width`.
 *
 * The defaults meet WCAG 2.2 AA contrast on white (text 17:1, muted 9:1, link 6:1, focus 6:1).
 */
export const CONSENT_CSS = `
:host { all: initial; }
[hidden] { display: none !important; }
.fr-dialog, .fr-control {
  font: var(--fr-font, 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  color: var(--fr-fg, #1b1b1b);
  background: var(--fr-bg, #ffffff);
  border: 1px solid var(--fr-border, #767676);
  border-radius: var(--fr-radius, 12px);
}
.fr-dialog {
  box-sizing: border-box;
  width: min(var(--fr-max-width, 36rem), calc(100vw - 2rem));
  max-height: calc(100dvh - 2rem);
  overflow: auto;
  padding: 1.5rem;
}
.fr-dialog::backdrop { background: var(--fr-backdrop, rgb(0 0 0 / 0.6)); }
.fr-control { display: block; padding: 1rem; }
h2 { font-size: 1.375rem; line-height: 1.3; margin: 0 0 0.75rem; }
h3 { font-size: 1.0625rem; margin: 1rem 0 0.25rem; }
p, ul { margin: 0 0 0.75rem; }
ul { padding-left: 1.25rem; }
.fr-purpose-status, .fr-note { color: var(--fr-muted, #444444); }
.fr-control-title { font-weight: 700; margin-bottom: 0.25rem; }
a { color: var(--fr-link, #0b57d0); text-decoration: underline; }
fieldset { border: 1px solid var(--fr-border, #767676); border-radius: 8px; margin: 0 0 0.75rem; padding: 0.5rem 1rem; }
legend { font-weight: 700; padding: 0 0.25rem; }
label { display: flex; gap: 0.75rem; align-items: center; min-height: 44px; cursor: pointer; }
input[type="checkbox"] { width: 1.5rem; height: 1.5rem; margin: 0; flex: none; accent-color: var(--fr-button-bg, #1b1b1b); }
.fr-question { font-weight: 700; }
.fr-error { color: var(--fr-error, #b3261e); font-weight: 700; }
.fr-error:empty { display: none; }
.fr-actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1rem; }
.fr-actions > button { flex: 1 1 10rem; }
button {
  min-height: 44px;
  padding: 0.5rem 1.25rem;
  font: inherit;
  font-weight: 700;
  color: var(--fr-button-fg, #ffffff);
  background: var(--fr-button-bg, #1b1b1b);
  border: 2px solid var(--fr-button-bg, #1b1b1b);
  border-radius: var(--fr-button-radius, 8px);
  cursor: pointer;
}
:focus-visible { outline: 3px solid var(--fr-focus, #005fcc); outline-offset: 2px; }
h2:focus-visible, p:focus-visible { outline-offset: 4px; }
@media (forced-colors: active) { button { border-color: ButtonText; } }
`;

const sheets = new WeakMap<Document, CSSStyleSheet>();

/**
 * Adopts the shared stylesheet into `root` (one sheet per document, reused). Browsers without
 * constructable stylesheets get the unstyled but fully working native dialog: injecting a
 * `<style>` instead would break the retailer's CSP.
 */
export function adoptStyles(root: ShadowRoot): boolean {
  const doc = root.ownerDocument;
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (
    !Sheet ||
    !('adoptedStyleSheets' in root) ||
    typeof Sheet.prototype.replaceSync !== 'function'
  ) {
    return false;
  }
  let sheet = sheets.get(doc);
  if (!sheet) {
    sheet = new Sheet();
    sheet.replaceSync(CONSENT_CSS);
    sheets.set(doc, sheet);
  }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return true;
}
