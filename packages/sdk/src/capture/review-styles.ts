/**
 * Styles of the review panel, adopted as a constructable stylesheet (no `<style>` or `style=`
 * attributes, so it runs under a CSP without `'unsafe-inline'`). Retailers theme it through
 * the custom properties on `:host`. The photo fills the stage as the live video did (cover: it is
 * the view as shown), under light scrims rather than bars, so it stays visible behind the title
 * and the actions. Its own Close shows only on the phone sheet, whose review covers the try-on's
 * header; on the desktop card that header, with its Close, stays in view: one Close on screen.
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
  position: relative; box-sizing: border-box; height: 100%; overflow: hidden;
  background: #000; color: #fff;
}
img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; display: block; }
h2, .bar {
  position: absolute; z-index: 1; left: 0; right: 0; margin: 0; box-sizing: border-box;
}
h2 {
  top: 0; font-size: 1.1em; padding: calc(env(safe-area-inset-top, 0px) + 10px) 12px 28px;
  background: linear-gradient(rgba(0, 0, 0, 0.6), rgba(0, 0, 0, 0));
}
.bar {
  bottom: 0; display: flex; flex-direction: column; gap: 8px;
  padding: 28px 12px calc(env(safe-area-inset-bottom, 0px) + 12px);
  background: linear-gradient(rgba(0, 0, 0, 0), rgba(0, 0, 0, 0.7));
}
.actions { display: flex; gap: 8px; }
.actions > button { flex: 1 1 0; }
button { flex: 1 1 auto; }
button {
  font: inherit;
  min-height: 44px;
  min-width: 44px;
  padding: 0 16px;
  border-radius: 8px;
  border: 2px solid var(--fr-review-accent);
  background: var(--fr-review-bg);
  color: var(--fr-review-fg);
  cursor: pointer;
}
button.primary { background: var(--fr-review-accent); color: var(--fr-review-accent-fg); }
button:focus-visible { outline: 3px solid var(--fr-review-accent); outline-offset: 2px; }
button:disabled { opacity: 0.6; cursor: progress; }
button.close {
  position: absolute; z-index: 2; right: 8px; top: calc(env(safe-area-inset-top, 0px) + 4px);
  min-height: 40px; padding: 0 12px; background: rgba(0, 0, 0, 0.55); color: #fff;
  border-color: rgba(255, 255, 255, 0.8);
}
.panel:has(button.close) h2 { padding-right: 8em; }
@media (min-width: 641px) {
  button.close { display: none; }
  .panel:has(button.close) h2 { padding-right: 0; }
}
.status:empty { display: none; }
.status { margin: 0; }
@media (prefers-reduced-motion: no-preference) { button { transition: background-color 0.15s; } }
`;
