import type { ConsentAnswer, ConsentPrompt, ConsentUi } from '../../consent/prompt.js';
import { FittingRoomError } from '../../errors.js';
import { deepActiveElement, el, trapTab } from './dom.js';
import { adoptStyles } from './styles.js';
import { ageView, noticeView, underageView } from './views.js';

/** Options of {@link createConsentDialog}. */
export interface ConsentDialogOptions {
  /** Document to render in (default: the global `document`, read when the dialog opens). */
  readonly document?: Document;
  /** Element the dialog's host is appended to (default: `document.body`). */
  readonly mount?: () => HTMLElement;
}

/** The built-in consent dialog: a {@link ConsentUi} with an explicit `close()`. */
export interface ConsentDialog extends ConsentUi {
  /** Closes an open dialog; its pending `ask` resolves as dismissed. */
  close(): void;
}

type Step = 'age' | 'notice' | 'underage';

/**
 * Creates the consent dialog: a native modal `<dialog>` in an open Shadow DOM, styled with a
 * constructable stylesheet (CSP-safe), labelled by its heading, focus trapped inside and
 * restored on close. Escape refuses (on the age question it only closes: no notice was shown).
 */
export function createConsentDialog(options: ConsentDialogOptions = {}): ConsentDialog {
  let current: ((answer: ConsentAnswer) => void) | null = null;
  return {
    ask(prompt, signal) {
      const doc = options.document ?? (globalThis.document as Document | undefined);
      if (!doc) {
        return Promise.reject(
          new FittingRoomError(
            'consent_ui_unavailable',
            'No document to show the consent dialog in.',
          ),
        );
      }
      current?.({ kind: 'dismissed' });
      return new Promise<ConsentAnswer>((resolve) => {
        const mount = options.mount?.() ?? doc.body;
        const finish = open(doc, mount, prompt, signal, (answer) => {
          if (current === finish) current = null;
          resolve(answer);
        });
        current = finish;
      });
    },
    close() {
      current?.({ kind: 'dismissed' });
    },
  };
}

/** Opens one dialog; returns the function that closes it with an answer. */
function open(
  doc: Document,
  mount: HTMLElement,
  prompt: ConsentPrompt,
  signal: AbortSignal,
  done: (answer: ConsentAnswer) => void,
): (answer: ConsentAnswer) => void {
  const host = el(doc, 'div', { 'data-fittingroom': 'consent-dialog' });
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root);
  const dialog = el(doc, 'dialog', {
    class: 'fr-dialog',
    lang: prompt.locale,
    'aria-labelledby': 'fr-title',
    'aria-describedby': 'fr-intro',
  });
  root.append(dialog);
  const previous = deepActiveElement(doc);
  let step: Step = 'notice';
  let finished = false;

  const finish = (answer: ConsentAnswer) => {
    if (finished) return;
    finished = true;
    signal.removeEventListener('abort', onAbort);
    if (dialog.open) dialog.close();
    host.remove();
    if (previous?.isConnected && 'focus' in previous) (previous as HTMLElement).focus();
    done(answer);
  };
  const show = (next: Step, content: readonly HTMLElement[]) => {
    step = next;
    dialog.replaceChildren(...content);
    root.getElementById('fr-title')?.focus();
  };
  const showNotice = () => {
    const allAge =
      prompt.offered.length === 0 && prompt.unavailable.every((u) => u.reason === 'age');
    if (allAge && prompt.unavailable.length > 0) return showUnderage();
    show(
      'notice',
      noticeView(doc, prompt, {
        accept: (granted) =>
          finish({
            kind: 'decision',
            granted,
            refused: prompt.offered.filter((p) => !granted.includes(p)),
          }),
        refuse: () => finish({ kind: 'decision', granted: [], refused: prompt.offered }),
        close: () => finish({ kind: 'dismissed' }),
      }),
    );
  };
  const showUnderage = () =>
    show(
      'underage',
      underageView(doc, prompt, () => finish({ kind: 'underage' })),
    );
  const onEscape = () => {
    if (step === 'underage') return finish({ kind: 'underage' });
    if (step === 'notice' && prompt.offered.length > 0) {
      return finish({ kind: 'decision', granted: [], refused: prompt.offered });
    }
    finish({ kind: 'dismissed' });
  };
  const onAbort = () => finish({ kind: 'dismissed' });

  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onEscape();
    } else trapTab(event, dialog, root);
  });
  // The native dialog's own Escape path ("cancel"): same meaning, and never a silent close.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    onEscape();
  });
  signal.addEventListener('abort', onAbort);

  mount.append(host);
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
  dialog.setAttribute('aria-modal', 'true');
  if (prompt.minAge !== null) {
    show(
      'age',
      ageView(doc, prompt, (adult) => (adult ? showNotice() : showUnderage())),
    );
  } else showNotice();
  if (signal.aborted) finish({ kind: 'dismissed' });
  return finish;
}
