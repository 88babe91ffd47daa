/**
 * Styles of the live view, applied as a constructable stylesheet (no inline styles, so a CSP
 * without 'unsafe-inline' holds). Themable with the same custom properties as the dialog.
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
h2 { margin: 0 0 4px; font-size: 1.25em; }
.note { margin: 0 0 8px; font-size: 0.875em; color: var(--fr-muted, #4a4a4a); }
.stage {
  position: relative; width: 100%; aspect-ratio: 4 / 3; background: #000;
  border-radius: 8px; overflow: hidden;
}
video, canvas { position: absolute; inset: 0; width: 100%; height: 100%; }
video { object-fit: cover; }
video.mirror { transform: scaleX(-1); }
canvas { pointer-events: none; }
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
`;
