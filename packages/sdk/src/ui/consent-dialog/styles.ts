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
 * Sizes are in px and em, never rem, so a host page's root font size does not scale the dialog
 * off a small screen; the decision is sticky at the dialog's bottom, in view however long the
 * notice above it.
 *
 * The defaults meet WCAG 2.2 AA contrast on white (text 17:1, muted 9:1, link 6:1, focus 6:1).
 */
export const CONSENT_CSS = `
:host { all: initial; }
[hidden] { display: none !important; }
.fr-dialog, .fr-control {
  font: var(--fr-font, 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  color: var(--fr-fg, #1b1b1b);
  background: var(--fr-bg, #ffffff);
  border: 1px solid var(--fr-border, #767676);
  border-radius: var(--fr-radius, 12px);
}
.fr-dialog {
  box-sizing: border-box;
  width: min(var(--fr-max-width, 36em), calc(100vw - 16px));
  max-height: calc(100dvh - 16px);
  overflow: auto;
  padding: 20px 20px 0;
}
.fr-dialog::backdrop { background: var(--fr-backdrop, rgb(0 0 0 / 0.6)); }
.fr-control { display: block; padding: 1em; }
h2 { font-size: 1.25em; line-height: 1.3; margin: 0 0 0.5em; }
h3 { font-size: 1em; margin: 0.75em 0 0.25em; }
p, ul { margin: 0 0 0.625em; }
ul { padding-left: 1.25em; }
.fr-summary ul { margin-bottom: 0.25em; }
.fr-purpose-status, .fr-note { color: var(--fr-muted, #444444); }
.fr-control-title { font-weight: 700; margin-bottom: 0.25em; }
a { color: var(--fr-link, #0b57d0); text-decoration: underline; }
fieldset { border: 1px solid var(--fr-border, #767676); border-radius: 8px; margin: 0 0 0.75em; padding: 0.5em 1em; }
legend { font-weight: 700; padding: 0 0.25em; }
label { display: flex; gap: 0.75em; align-items: center; min-height: 44px; cursor: pointer; }
input[type="checkbox"] { width: 1.5em; height: 1.5em; margin: 0; flex: none; accent-color: var(--fr-button-bg, #1b1b1b); }
.fr-question { font-weight: 700; margin: 0.25em 0 0; }
.fr-error { color: var(--fr-error, #b3261e); font-weight: 700; }
.fr-error:empty { display: none; }
.fr-decision {
  position: sticky; bottom: 0; background: var(--fr-bg, #ffffff);
  padding: 0.5em 0 20px; margin-top: 0.25em;
}
.fr-actions { display: flex; flex-wrap: wrap; gap: 0.75em; margin-top: 0.5em; }
.fr-actions > button { flex: 1 1 8em; }
button {
  min-height: 44px;
  padding: 0.5em 1.25em;
  font: inherit;
  font-weight: 700;
  color: var(--fr-button-fg, #ffffff);
  background: var(--fr-button-bg, #1b1b1b);
  border: 2px solid var(--fr-button-bg, #1b1b1b);
  border-radius: var(--fr-button-radius, 8px);
  cursor: pointer;
}
button.fr-link-button {
  color: var(--fr-link, #0b57d0); background: transparent; border-color: transparent;
  padding: 0.25em 0; text-decoration: underline; font-weight: 400;
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
