/**
 * Styles of the review panel, adopted as a constructable stylesheet (no `<style>` or `style=`
 * attributes, so it runs under a CSP without `'unsafe-inline'`). Retailers theme it through
 * the custom properties on `:host`.
 */
export const REVIEW_CSS = `
:host {
  --fr-review-bg: #fff;
  --fr-review-fg: #111;
  --fr-review-accent: #0b57d0;
  --fr-review-accent-fg: #fff;
  --fr-review-radius: 12px;
  display: block;
  font: inherit;
}
.panel {
  background: var(--fr-review-bg);
  color: var(--fr-review-fg);
  border-radius: var(--fr-review-radius);
  padding: 16px;
  display: grid;
  gap: 12px;
  max-width: 100%;
}
h2 { font-size: 1.1em; margin: 0; }
img { display: block; max-width: 100%; height: auto; border-radius: calc(var(--fr-review-radius) / 2); }
.actions { display: flex; flex-wrap: wrap; gap: 8px; }
button {
  font: inherit;
  min-height: 44px;
  min-width: 44px;
  padding: 0 16px;
  border-radius: 8px;
  border: 2px solid var(--fr-review-accent);
  background: transparent;
  color: var(--fr-review-fg);
  cursor: pointer;
}
button.primary { background: var(--fr-review-accent); color: var(--fr-review-accent-fg); }
button:focus-visible { outline: 3px solid var(--fr-review-accent); outline-offset: 2px; }
button:disabled { opacity: 0.6; cursor: progress; }
.status:empty { display: none; }
.status { margin: 0; }
@media (prefers-reduced-motion: no-preference) { button { transition: background-color 0.15s; } }
`;
