/**
 * Styles of the live view, applied as a constructable stylesheet (no inline styles, so a CSP
 * without 'unsafe-inline' holds). Themable with the same custom properties as the dialog. On
 * phones the header and controls lie on scrims that fade into the video, not opaque bars: the
 * sheet is the camera image, and the header is hidden under a review (which has its own Close).
 */
export const VIEW_CSS = `
:host { all: initial; }
.layer {
  position: fixed; inset: 0; z-index: var(--fr-z-index, 2147483000);
  display: flex; align-items: center; justify-content: center;
  background: var(--fr-backdrop, rgba(0, 0, 0, 0.6));
  font: var(--fr-font, 16px/1.5 system-ui, sans-serif);
}
.panel {
  background: var(--fr-surface, #fff); color: var(--fr-text, #1a1a1a);
  border-radius: var(--fr-radius, 12px); padding: 16px; max-width: 96vw; max-height: 96vh;
  overflow: auto; box-sizing: border-box; width: min(680px, 96vw);
}
h2 { margin: 0 0 4px; font-size: 1.25em; line-height: 1.3; }
.header { display: flex; align-items: flex-start; gap: 8px; }
.titles { flex: 1 1 auto; min-width: 0; }
button.close { flex: none; padding: 6px 12px; min-height: 44px; }
.badge {
  display: inline-block; margin: 0 0 4px; padding: 0 8px; border-radius: 999px;
  font-size: 0.75em; font-weight: 600; line-height: 1.6; letter-spacing: 0.02em;
  background: #fff1c2; color: #5a3a00; border: 1px solid #8a5a00; text-shadow: none;
}
.note { margin: 0 0 8px; font-size: 0.875em; color: var(--fr-muted, #4a4a4a); }
.stage {
  position: relative; width: 100%; aspect-ratio: 4 / 3; background: #000;
  border-radius: 8px; overflow: hidden;
}
video, canvas { position: absolute; inset: 0; width: 100%; height: 100%; }
video { object-fit: cover; }
video.mirror { transform: scaleX(-1); }
canvas.photo { object-fit: contain; }
canvas { pointer-events: none; }
.review { position: absolute; inset: 0; z-index: 2; }
.review:empty { display: none; }
.review > * { height: 100%; }
.status { min-height: 1.5em; margin: 8px 0; }
.debug { margin: 0 0 8px; font: 0.75em/1.4 ui-monospace, monospace; color: var(--fr-muted, #4a4a4a); }
progress { width: 100%; height: 8px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
button {
  font: inherit; padding: 10px 16px; border-radius: 8px; cursor: pointer; min-height: 44px;
  border: 2px solid var(--fr-accent, #1f4fd1); background: var(--fr-surface, #fff);
  color: var(--fr-accent, #1f4fd1);
}
button.primary { background: var(--fr-accent, #1f4fd1); color: var(--fr-on-accent, #fff); }
button:disabled { opacity: 0.6; cursor: not-allowed; }
button:focus-visible { outline: 3px solid var(--fr-focus, #ffbf00); outline-offset: 2px; }
[hidden] { display: none !important; }
.strip {
  display: flex; gap: 8px; margin-top: 8px; overflow-x: auto; padding: 4px 2px;
  scroll-snap-type: x proximity; scrollbar-width: thin;
}
.strip > button {
  flex: none; scroll-snap-align: start; white-space: nowrap; border-radius: 999px;
  padding: 8px 14px;
}
.strip > button[aria-checked='true'] {
  background: var(--fr-accent, #1f4fd1); color: var(--fr-on-accent, #fff);
}
.strip > button[aria-checked='true']::before { content: '✓ '; }
@media (max-width: 640px) {
  .layer { align-items: stretch; justify-content: stretch; }
  .panel {
    position: relative; width: 100%; max-width: none; height: 100%; max-height: none;
    padding: 0; border-radius: 0; overflow: hidden; background: #000;
  }
  .stage { position: absolute; inset: 0; aspect-ratio: auto; border-radius: 0; }
  .header, .controls {
    position: absolute; left: 0; right: 0; z-index: 1; box-sizing: border-box; color: #fff;
    padding-left: calc(env(safe-area-inset-left, 0px) + 12px);
    padding-right: calc(env(safe-area-inset-right, 0px) + 12px);
  }
  .header {
    top: 0; padding-top: calc(env(safe-area-inset-top, 0px) + 8px); padding-bottom: 24px;
    background: linear-gradient(rgba(0, 0, 0, 0.62), rgba(0, 0, 0, 0));
  }
  .controls {
    bottom: 0; padding-top: 28px; padding-bottom: calc(env(safe-area-inset-bottom, 0px) + 12px);
    background: linear-gradient(rgba(0, 0, 0, 0), rgba(0, 0, 0, 0.7));
  }
  .header, .controls { text-shadow: 0 1px 2px rgba(0, 0, 0, 0.8); }
  h2 { font-size: 1.0625em; margin: 0; }
  .note { margin: 0; color: #e6e6e6; }
  .status { margin: 4px 0; }
  .debug { color: #e6e6e6; }
  .actions { margin-top: 4px; }
  .strip { margin-top: 4px; text-shadow: none; }
  .actions { flex-wrap: nowrap; }
  .actions > button { flex: 1 1 0; padding-left: 8px; padding-right: 8px; }
  .review { z-index: 3; }
  .panel:has(.review:not(:empty)) .header { visibility: hidden; }
}
@media (max-width: 380px) {
  .actions > button { font-size: 0.875em; white-space: nowrap; }
}
`;
