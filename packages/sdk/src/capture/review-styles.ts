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
  height: 100%;
  font: inherit;
}
.panel {
  box-sizing: border-box;
  height: 100%;
  background: var(--fr-review-bg);
  color: var(--fr-review-fg);
  padding: 12px 12px calc(env(safe-area-inset-bottom, 0px) + 12px);
  display: flex;
  flex-direction: column;
  gap: 8px;
}
h2 { font-size: 1.1em; margin: 0; padding-top: env(safe-area-inset-top, 0px); }
img {
  display: block; flex: 1 1 auto; min-height: 0; width: 100%; object-fit: contain;
  background: #000; border-radius: calc(var(--fr-review-radius) / 2);
}
.actions { display: flex; flex-wrap: wrap; gap: 8px; }
.actions > button { flex: 1 1 auto; }
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
