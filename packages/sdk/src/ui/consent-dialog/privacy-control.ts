import type { Consent } from '../../consent/api.js';
import { format } from '../../i18n/index.js';
import { el } from './dom.js';
import { adoptStyles } from './styles.js';

/** Options of {@link createPrivacyControl}. */
export interface PrivacyControlOptions {
  /** The consent controller the control acts on. */
  readonly consent: Consent;
  /** Where to put the control (default: appended to `document.body`). */
  readonly mount?: HTMLElement;
  /** Document to render in (default: the global `document`). */
  readonly document?: Document;
}

/** A rendered privacy control. */
export interface PrivacyControl {
  /** The host element (its shadow root holds the control). */
  readonly element: HTMLElement;
  /** Removes the control and its listeners. */
  close(): void;
}

/**
 * Renders the always-reachable privacy control: a "Withdraw consent" button (shown while
 * anything is granted) that withdraws in one click, and a button to download the consent
 * receipt as JSON. Outcome messages go to a polite live region.
 */
export function createPrivacyControl(options: PrivacyControlOptions): PrivacyControl {
  const { consent } = options;
  const doc = options.document ?? document;
  const t = (text: string) => format(text, consent.values);
  const host = el(doc, 'div', { 'data-fittingroom': 'privacy-control' });
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root);
  const withdraw = el(doc, 'button', {
    type: 'button',
    'data-action': 'withdraw',
    'aria-describedby': 'fr-withdraw-help',
  });
  const receipt = el(doc, 'button', { type: 'button', 'data-action': 'receipt' });
  const title = el(doc, 'p', { class: 'fr-control-title', id: 'fr-control-title' });
  const help = el(doc, 'p', { id: 'fr-withdraw-help' });
  const status = el(doc, 'p', { class: 'fr-note', role: 'status', tabindex: '-1' });
  root.append(
    el(
      doc,
      'section',
      { class: 'fr-control', lang: consent.locale, 'aria-labelledby': 'fr-control-title' },
      [title, help, el(doc, 'div', { class: 'fr-actions' }, [withdraw, receipt]), status],
    ),
  );

  // Texts are set here, not at creation: the shopper's dictionary loads with `consent.ready()`.
  const update = () => {
    withdraw.textContent = t(consent.strings.withdrawButton);
    receipt.textContent = t(consent.strings.receiptButton);
    title.textContent = t(consent.strings.controlLabel);
    help.textContent = t(consent.strings.withdrawHelp);
    withdraw.hidden = consent.record?.action !== 'grant';
    receipt.hidden = consent.receipt() === null;
  };
  withdraw.addEventListener('click', async () => {
    await consent.withdraw();
    status.textContent = t(consent.strings.withdrawnStatus);
    status.focus();
  });
  receipt.addEventListener('click', () => {
    const current = consent.receipt();
    if (current)
      download(
        doc,
        `consent-receipt-${current.consentReceiptID}.json`,
        JSON.stringify(current, null, 2),
      );
  });
  const off = consent.on('change', () => {
    status.textContent = '';
    update();
  });
  update();
  void consent.ready().then(update, () => undefined);
  (options.mount ?? doc.body).append(host);
  return {
    element: host,
    close() {
      off();
      host.remove();
    },
  };
}

/** Saves `text` as a file through a temporary blob link (allowed under a strict CSP). */
function download(doc: Document, name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = el(doc, 'a', { href: url, download: name, hidden: true });
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
