import { REVIEW_CSS } from './review-styles.js';

/** Texts of the review panel (already translated). */
export interface ReviewStrings {
  readonly title: string;
  /** Alternative text of the photo. */
  readonly imageAlt: string;
  readonly share: string;
  readonly retake: string;
  readonly discard: string;
  /** Announced while Share is in progress. */
  readonly sharing: string;
  /** Announced when Share fails; the photo stays so the shopper can try again. */
  readonly shareFailed: string;
  /** Label of the Close button (shown with `onClose`). */
  readonly close?: string;
}

/** Object URL functions (injectable so tests can check every URL is revoked). */
export interface ObjectUrls {
  create(blob: Blob): string;
  revoke(url: string): void;
}

/** Options of {@link createReview}. */
export interface ReviewOptions {
  /** Element the panel is appended to. */
  readonly container: HTMLElement;
  /** The captured photo. */
  readonly blob: Blob;
  readonly strings: ReviewStrings;
  /** Called with the photo on Share; the panel stays (busy) until the promise settles. */
  readonly onShare: (blob: Blob) => void | Promise<void>;
  /** Called after the photo is dropped, to go back to the live view. */
  readonly onRetake: () => void;
  /** Called after the photo is dropped (Discard button or Escape). */
  readonly onDiscard: () => void;
  /**
   * Called after the photo is dropped by the Close button, top right (shown when given, with
   * `strings.close`): the way out of the try-on from the review, on a phone where it fills the
   * screen.
   */
  readonly onClose?: (() => void) | undefined;
  readonly urls?: ObjectUrls;
}

/** The open review panel. */
export interface Review {
  /** Shows a short message in the panel's live region (e.g. "Shared"). */
  setStatus(message: string): void;
  /** Removes the panel and drops the photo without calling any callback. Idempotent. */
  close(): void;
}

let sharedSheet: CSSStyleSheet | null | undefined;

/** One constructable stylesheet for every panel; null where the browser has none. */
function reviewSheet(): CSSStyleSheet | null {
  if (sharedSheet !== undefined) return sharedSheet;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(REVIEW_CSS);
    sharedSheet = sheet;
  } catch {
    sharedSheet = null; // unstyled but fully usable
  }
  return sharedSheet;
}

function button(doc: Document, label: string, primary = false): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (primary) b.className = 'primary';
  return b;
}

/**
 * Shows the captured photo with Share (or Save), Retake and Discard, in Shadow DOM. A labelled
 * modal dialog: focus starts on the primary action, scrolled into view, Tab stays inside, Escape discards, and focus returns where it
 * was on close. Retake and Discard revoke the object URL and drop the photo before their
 * callback runs, so nothing is kept.
 */
export function createReview(options: ReviewOptions): Review {
  const { container, strings } = options;
  const urls: ObjectUrls = options.urls ?? {
    create: (b) => URL.createObjectURL(b),
    revoke: (u) => URL.revokeObjectURL(u),
  };
  const doc = container.ownerDocument;
  const previousFocus = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  let blob: Blob | null = options.blob;
  let url: string | null = urls.create(options.blob);
  let busy = false;

  const host = doc.createElement('div');
  host.className = 'fittingroom-review';
  const root = host.attachShadow({ mode: 'open' });
  const sheet = reviewSheet();
  if (sheet) root.adoptedStyleSheets = [sheet];

  const panel = doc.createElement('section');
  panel.className = 'panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'true');
  panel.setAttribute('aria-labelledby', 'fr-review-title');
  const title = doc.createElement('h2');
  title.id = 'fr-review-title';
  title.textContent = strings.title;
  const img = doc.createElement('img');
  img.alt = strings.imageAlt;
  img.src = url;
  const status = doc.createElement('p');
  status.className = 'status';
  status.setAttribute('role', 'status');
  const actions = doc.createElement('div');
  actions.className = 'actions';
  const share = button(doc, strings.share, true);
  const retake = button(doc, strings.retake);
  const discard = button(doc, strings.discard);
  const buttons = [share, retake, discard];
  actions.append(...buttons);
  const onClose = options.onClose;
  const closeButton = onClose && strings.close ? button(doc, strings.close) : null;
  if (closeButton) {
    closeButton.classList.add('close');
    closeButton.addEventListener('click', () => leave(onClose!));
    buttons.push(closeButton); // last in tab order, after the decision
  }
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.append(status, actions);
  panel.append(title, img, bar);
  if (closeButton) panel.append(closeButton);
  root.append(panel);
  container.append(host);

  function setBusy(value: boolean): void {
    busy = value;
    panel.setAttribute('aria-busy', String(value));
    for (const b of buttons) b.disabled = value;
  }

  function close(): void {
    if (url) urls.revoke(url);
    url = null;
    blob = null;
    img.removeAttribute('src');
    host.remove();
    if (previousFocus?.isConnected) previousFocus.focus();
  }

  function leave(callback: () => void): void {
    if (busy || !blob) return;
    close();
    callback();
  }

  async function onShare(): Promise<void> {
    if (busy || !blob) return;
    setBusy(true);
    status.textContent = strings.sharing;
    try {
      await options.onShare(blob);
      status.textContent = '';
    } catch {
      status.textContent = strings.shareFailed;
    } finally {
      if (blob) setBusy(false);
    }
  }

  share.addEventListener('click', () => void onShare());
  retake.addEventListener('click', () => leave(options.onRetake));
  discard.addEventListener('click', () => leave(options.onDiscard));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      leave(options.onDiscard);
    } else if (event.key === 'Tab') {
      trapTab(event, root, buttons);
    }
  });

  share.focus();
  // On a phone the primary action must be where the thumb and the eye are, not below the fold.
  share.scrollIntoView?.({ block: 'nearest' });
  return {
    setStatus(message) {
      status.textContent = message;
    },
    close,
  };
}

/** Keeps Tab and Shift+Tab cycling through the panel's enabled buttons. */
function trapTab(
  event: KeyboardEvent,
  root: ShadowRoot,
  buttons: readonly HTMLButtonElement[],
): void {
  const enabled = buttons.filter((b) => !b.disabled);
  const first = enabled[0];
  const last = enabled[enabled.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = root.activeElement;
  if (event.shiftKey && (active === first || !enabled.includes(active as HTMLButtonElement))) {
    event.preventDefault();
    last.focus();
  } else if (
    !event.shiftKey &&
    (active === last || !enabled.includes(active as HTMLButtonElement))
  ) {
    event.preventDefault();
    first.focus();
  }
}
