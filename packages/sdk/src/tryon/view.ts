import type { TryOnStrings } from '../i18n/types.js';
import { trapTab } from '../ui/consent-dialog/dom.js';
import { VIEW_CSS } from './view-styles.js';

/** The live view's elements, owned by the try-on session. */
export interface LiveView {
  readonly host: HTMLElement;
  readonly video: HTMLVideoElement;
  readonly canvas: HTMLCanvasElement;
  /** Where the review panel mounts. */
  readonly reviewSlot: HTMLElement;
  readonly captureButton: HTMLButtonElement;
  readonly withdrawButton: HTMLButtonElement;
  readonly closeButton: HTMLButtonElement;
  /** "Use a photo instead": opens the file picker (a photo can also be dropped on the stage). */
  readonly photoButton: HTMLButtonElement;
  /** Calls `onFile` with each photo the shopper picks or drops (the view keeps no reference). */
  onPhotoFile(onFile: (file: File) => void): void;
  /** Shows the photo in the stage in place of the video (photo mode); null shows the video. */
  showPhoto(photo: HTMLCanvasElement | null): void;
  /** Size of the video box in CSS pixels. */
  stageSize(): { width: number; height: number };
  setStatus(message: string): void;
  /** Shows the small "test mode" badge beside the title (the server said the key is a test key). */
  showTestMode(label: string): void;
  /** Debug mode only: a line of diagnostics (inference mode, delegate and why). */
  showDebug(text: string): void;
  /** While a photo is reviewed in the stage, the live actions step aside (one primary action). */
  setReviewing(reviewing: boolean): void;
  /** Shows upload progress (0..1), or hides the bar with null. */
  setProgress(fraction: number | null): void;
  /** Shows the bytes of the try-on's download, or hides that bar with null. */
  setDownload(progress: { loaded: number; total: number } | null): void;
  /** Puts the product strip in the controls, above the actions (hidden during a review). */
  showStrip(strip: HTMLElement): void;
  /** Offers a retry after a failure (focused, so a keyboard user lands on it); null hides it. */
  offerRetry(onRetry: (() => void) | null): void;
  /** Removes the view and gives focus back to where it was. */
  remove(): void;
}

let sheet: CSSStyleSheet | null | undefined;

function viewSheet(): CSSStyleSheet | null {
  if (sheet !== undefined) return sheet;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(VIEW_CSS);
  } catch {
    sheet = null;
  }
  return sheet;
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Partial<Record<'className' | 'id' | 'textContent', string>> = {},
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  Object.assign(node, props);
  return node;
}

function button(doc: Document, label: string, primary = false): HTMLButtonElement {
  const b = el(doc, 'button', { textContent: label, className: primary ? 'primary' : '' });
  b.type = 'button';
  return b;
}

/**
 * The download bar: a native progress element (role progressbar) whose value is the percent of
 * bytes received and whose text says how many megabytes of how many, in the shopper's locale.
 */
function downloadBar(doc: Document, label: string) {
  const bar = el(doc, 'progress', { className: 'download' });
  bar.max = 100;
  bar.value = 0;
  bar.hidden = true;
  bar.setAttribute('aria-label', label);
  const set = (progress: { loaded: number; total: number } | null, locale: string) => {
    bar.hidden = progress === null;
    if (!progress) return;
    const percent = progress.total > 0 ? Math.floor((progress.loaded / progress.total) * 100) : 0;
    const mb = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'megabyte',
      maximumFractionDigits: 1,
    });
    bar.value = percent;
    bar.setAttribute('aria-valuenow', String(percent));
    bar.dataset.loaded = String(progress.loaded);
    bar.dataset.total = String(progress.total);
    const known = progress.total > 0 ? ` / ${mb.format(progress.total / 1e6)}` : '';
    bar.setAttribute('aria-valuetext', `${mb.format(progress.loaded / 1e6)}${known}`);
  };
  return { bar, set };
}

/** Keeps focus inside the view and closes it on Escape, unless an inner panel handled the key. */
function trapFocus(root: ShadowRoot, container: HTMLElement, onEscape: () => void): void {
  container.addEventListener('keydown', (event) => {
    if (event.defaultPrevented) return; // the review panel has its own trap and Escape
    if (event.key === 'Escape') {
      event.preventDefault();
      onEscape();
      return;
    }
    trapTab(event, container, root);
  });
}

/**
 * Mounts the live view (a labelled modal dialog in Shadow DOM): the mirrored video, the overlay
 * canvas, a status line, the download and upload progress bars, and Capture / Withdraw / Close.
 * A card on wide screens, a full-screen sheet on phones (view-styles.ts). Focus moves in at
 * once, while the try-on is still loading, and goes back where it was on close.
 */
export function mountLiveView(
  container: HTMLElement,
  strings: TryOnStrings,
  onEscape: () => void,
  locale = 'en',
): LiveView {
  const doc = container.ownerDocument;
  const returnFocus = doc.activeElement as HTMLElement | null;
  const host = el(doc, 'div');
  host.dataset.fittingroom = 'tryon';
  const root = host.attachShadow({ mode: 'open' });
  const css = viewSheet();
  if (css) root.adoptedStyleSheets = [css];

  const layer = el(doc, 'div', { className: 'layer' });
  layer.setAttribute('role', 'dialog');
  layer.setAttribute('aria-modal', 'true');
  layer.setAttribute('aria-labelledby', 'fr-title');
  const panel = el(doc, 'div', { className: 'panel' });
  const title = el(doc, 'h2', { id: 'fr-title', textContent: strings.tryOnTitle });
  const note = el(doc, 'p', { className: 'note', textContent: strings.onDevice });
  const badge = el(doc, 'p', { className: 'badge' });
  badge.hidden = true;
  const stage = el(doc, 'div', { className: 'stage' });
  const video = el(doc, 'video', { className: 'mirror' });
  video.muted = true;
  video.playsInline = true;
  video.autoplay = true;
  video.setAttribute('aria-hidden', 'true');
  const canvas = el(doc, 'canvas');
  canvas.setAttribute('aria-hidden', 'true');
  stage.append(video, canvas);
  const status = el(doc, 'p', { className: 'status' });
  status.setAttribute('role', 'status');
  const progress = el(doc, 'progress');
  progress.max = 1;
  progress.hidden = true;
  progress.setAttribute('aria-label', strings.uploadProgress);
  const download = downloadBar(doc, strings.downloadProgress);
  const retryButton = button(doc, strings.retry, true);
  retryButton.hidden = true;
  const captureButton = button(doc, strings.capture, true);
  captureButton.disabled = true;
  const withdrawButton = button(doc, strings.withdraw);
  // Close sits in the header, top right, so the actions fit one row even at 360 px.
  const closeButton = button(doc, strings.closeTryOn);
  closeButton.classList.add('close');
  const photoButton = button(doc, strings.usePhoto);
  const picker = el(doc, 'input');
  picker.type = 'file';
  picker.accept = 'image/*';
  picker.hidden = true;
  photoButton.addEventListener('click', () => picker.click());
  const actions = el(doc, 'div', { className: 'actions' });
  actions.append(retryButton, captureButton, photoButton, withdrawButton, picker);
  // The review opens in the stage, where the video was (see view-styles.ts).
  const reviewSlot = el(doc, 'div', { className: 'review' });
  stage.append(reviewSlot);
  const header = el(doc, 'div', { className: 'header' });
  const titles = el(doc, 'div', { className: 'titles' });
  titles.append(title, badge, note);
  header.append(titles, closeButton);
  const controls = el(doc, 'div', { className: 'controls' });
  controls.append(status, download.bar, progress, actions);
  panel.append(header, stage, controls);
  layer.append(panel);
  root.append(layer);
  trapFocus(root, layer, onEscape);
  container.append(host);
  closeButton.focus();

  return {
    host,
    video,
    canvas,
    reviewSlot,
    captureButton,
    withdrawButton,
    closeButton,
    photoButton,
    onPhotoFile: (onFile) => {
      const take = (files: FileList | null | undefined) => {
        const file = files?.[0];
        if (file) onFile(file);
      };
      picker.addEventListener('change', () => {
        take(picker.files);
        picker.value = ''; // the same file may be chosen again; the input keeps no reference
      });
      stage.addEventListener('dragover', (event) => event.preventDefault());
      stage.addEventListener('drop', (event) => {
        event.preventDefault();
        take(event.dataTransfer?.files);
      });
    },
    showPhoto: (photo) => {
      stage.querySelector('canvas.photo')?.remove();
      video.hidden = photo !== null;
      host.dataset.source = photo ? 'photo' : 'camera';
      if (!photo) return;
      photo.className = 'photo';
      photo.setAttribute('aria-hidden', 'true');
      video.after(photo);
    },
    stageSize: () => ({ width: stage.clientWidth || 640, height: stage.clientHeight || 480 }),
    setStatus: (message) => {
      status.textContent = message;
    },
    showTestMode: (label) => {
      badge.textContent = label;
      badge.hidden = false;
      host.dataset.testMode = 'true';
    },
    showDebug: (text) => {
      const line = el(doc, 'p', { className: 'debug', textContent: text });
      line.dataset.debug = 'landmarker';
      status.after(line);
    },
    setReviewing: (reviewing) => {
      // The review in the stage has its own title, status and actions: one of each on screen.
      actions.hidden = reviewing;
      status.hidden = reviewing;
      for (const strip of controls.querySelectorAll<HTMLElement>('.strip'))
        strip.hidden = reviewing;
    },
    showStrip: (strip) => {
      actions.before(strip);
    },
    setDownload: (value) => {
      download.set(value, locale);
    },
    offerRetry: (onRetry) => {
      retryButton.hidden = onRetry === null;
      retryButton.onclick = onRetry;
      captureButton.hidden = onRetry !== null;
      if (onRetry) retryButton.focus();
    },
    setProgress: (fraction) => {
      progress.hidden = fraction === null;
      if (fraction !== null) progress.value = fraction;
    },
    remove: () => {
      host.remove();
      if (returnFocus?.isConnected) returnFocus.focus();
    },
  };
}
