import type { Purpose } from '@fittingroom/protocol';
import type { Notice } from '../../consent/notice.js';
import type { ConsentPrompt } from '../../consent/prompt.js';
import type { UnavailableReason } from '../../consent/rules.js';
import { format } from '../../i18n/index.js';
import type { StringKey } from '../../i18n/types.js';
import { el } from './dom.js';

/** What the notice step does when the shopper acts. */
export interface NoticeHandlers {
  accept(granted: readonly Purpose[]): void;
  refuse(): void;
  close(): void;
}

const REASON_KEY: Readonly<Record<UnavailableReason, StringKey>> = {
  gpc: 'unavailableGpc',
  dnt: 'unavailableDnt',
  age: 'underageText',
};

/** A step's heading: focused when the step opens, so reading starts at the top. */
function heading(doc: Document, text: string, notice: boolean): HTMLHeadingElement {
  return el(doc, 'h2', { id: 'fr-title', tabindex: '-1', 'data-notice': notice }, [text]);
}

/** Two or more equally styled buttons; the first listed is the first in tab order. */
function actions(doc: Document, buttons: readonly [string, string, () => void][]): HTMLDivElement {
  return el(
    doc,
    'div',
    { class: 'fr-actions' },
    buttons.map(([action, label, onClick]) => {
      const button = el(doc, 'button', { type: 'button', 'data-action': action }, [label]);
      button.addEventListener('click', onClick);
      return button;
    }),
  );
}

/** The age question, asked before anything else when the policy sets `minAge`. */
export function ageView(
  doc: Document,
  prompt: ConsentPrompt,
  answer: (adult: boolean) => void,
): HTMLElement[] {
  const t = (key: StringKey) => format(prompt.strings[key], prompt.values);
  return [
    heading(doc, t('ageTitle'), false),
    el(doc, 'p', { id: 'fr-intro' }, [t('ageQuestion')]),
    actions(doc, [
      ['age-no', t('ageNo'), () => answer(false)],
      ['age-yes', t('ageYes'), () => answer(true)],
    ]),
  ];
}

/** Shown to a shopper below `minAge`: the camera is not offered. */
export function underageView(
  doc: Document,
  prompt: ConsentPrompt,
  close: () => void,
): HTMLElement[] {
  const t = (key: StringKey) => format(prompt.strings[key], prompt.values);
  return [
    heading(doc, t('underageTitle'), false),
    el(doc, 'p', { id: 'fr-intro' }, [t('underageText')]),
    actions(doc, [['close', t('close'), close]]),
  ];
}

/** Why a purpose described in the notice is not asked about now (not part of the notice). */
function purposeStatus(prompt: ConsentPrompt, purpose: Purpose, name: string): string | null {
  const values = { ...prompt.values, purpose: name };
  if (prompt.offered.includes(purpose)) return null;
  if (prompt.allowed.includes(purpose)) return format(prompt.strings.alreadyAllowed, values);
  const blocked = prompt.unavailable.find((u) => u.purpose === purpose);
  if (blocked) return format(prompt.strings[REASON_KEY[blocked.reason]], values);
  return format(prompt.strings.askedLater, values);
}

/**
 * The first layer: who asks, then what, where and how long for the purposes asked now only (the
 * sharing step says nothing of the camera again: its first line is `uploadIntro`). Its other
 * words are the notice's own lines, shown again in full behind "Details", so it carries no
 * `data-notice` of its own.
 */
function summary(doc: Document, prompt: ConsentPrompt): HTMLElement {
  const { notice } = prompt;
  const asked = notice.purposes.filter((p) => prompt.offered.includes(p.purpose));
  // Asked for sharing only (the camera was allowed before): say what sharing does, not the
  // notice's opening line about the camera.
  const sharingOnly = prompt.offered.length === 1 && prompt.offered[0] === 'upload';
  const intro = sharingOnly ? format(prompt.strings.uploadIntro, prompt.values) : notice.intro;
  return el(doc, 'div', { class: 'fr-summary', id: 'fr-intro' }, [
    el(doc, 'p', {}, [intro]),
    ...asked.map((p) =>
      el(doc, 'div', { class: 'fr-purpose' }, [
        el(doc, 'h3', {}, [p.name]),
        el(
          doc,
          'ul',
          {},
          p.details.map((line) => el(doc, 'li', {}, [line])),
        ),
      ]),
    ),
  ]);
}

/** The "Details" disclosure: shows the full notice in place of the summary. */
function disclosure(doc: Document, label: string, short: HTMLElement, full: HTMLElement) {
  const toggle = el(
    doc,
    'button',
    {
      type: 'button',
      class: 'fr-link-button',
      'data-action': 'details',
      'aria-expanded': 'false',
      'aria-controls': 'fr-full',
    },
    [label],
  );
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    full.hidden = !open;
    short.hidden = open;
  });
  return toggle;
}

/**
 * The notice and the decision, in two layers: a summary that fits a small phone screen with
 * the decision in view, and the full notice one tap away ("Details"). Every line of the full
 * notice carries `data-notice` (in the order of `noticeLines`) so tests can prove the words
 * the shopper can read are the hashed words.
 */
export function noticeView(
  doc: Document,
  prompt: ConsentPrompt,
  on: NoticeHandlers,
): HTMLElement[] {
  const { notice } = prompt;
  const names = new Map(notice.purposes.map((p) => [p.purpose, p.name]));
  // Nothing asked (everything already decided or unavailable): the full notice says why.
  const layered = prompt.offered.length > 0;
  const purposes = notice.purposes.map((p) => {
    const status = purposeStatus(prompt, p.purpose, p.name);
    return el(doc, 'div', { class: 'fr-purpose' }, [
      el(doc, 'h3', { 'data-notice': true }, [p.name]),
      el(
        doc,
        'ul',
        { id: `fr-details-${p.purpose}` },
        p.details.map((line) => el(doc, 'li', { 'data-notice': true }, [line])),
      ),
      status && el(doc, 'p', { class: 'fr-purpose-status' }, [status]),
    ]);
  });
  const linkTo = (to: Notice['policy']) =>
    el(
      doc,
      'a',
      { href: to.href, target: '_blank', rel: 'noopener noreferrer', 'data-notice': true },
      [to.text],
    );
  const link = linkTo(notice.policy);
  const full = el(doc, 'div', { class: 'fr-full', id: 'fr-full' }, [
    el(doc, 'p', { id: layered ? 'fr-full-intro' : 'fr-intro', 'data-notice': true }, [
      notice.intro,
    ]),
    notice.age === null ? null : el(doc, 'p', { 'data-notice': true }, [notice.age]),
    ...purposes,
    el(doc, 'p', { 'data-notice': true }, [notice.controller]),
    el(doc, 'p', { 'data-notice': true }, [notice.withdraw]),
    el(doc, 'p', {}, [link]),
    notice.retention && el(doc, 'p', {}, [linkTo(notice.retention)]),
  ]);
  const short = layered ? summary(doc, prompt) : null;
  full.hidden = layered;
  return [
    heading(doc, notice.title, true),
    short,
    full,
    short && disclosure(doc, prompt.strings.details, short, full),
    decision(doc, prompt, names, on),
  ].filter((node): node is HTMLElement => node !== null);
}

/** The decision area: nothing pre-selected; Accept and Refuse look the same. */
function decision(
  doc: Document,
  prompt: ConsentPrompt,
  names: ReadonlyMap<Purpose, string>,
  on: NoticeHandlers,
): HTMLElement {
  const { strings, values, offered } = prompt;
  const t = (key: StringKey, extra: Record<string, string> = {}) =>
    format(strings[key], { ...values, ...extra });
  const form = el(doc, 'div', { class: 'fr-decision' });
  if (offered.length === 0) {
    form.append(actions(doc, [['close', t('close'), on.close]]));
    return form;
  }
  const error = el(doc, 'p', { class: 'fr-error', id: 'fr-error', role: 'alert' });
  const boxes = offered.map((purpose) =>
    el(doc, 'input', {
      type: 'checkbox',
      name: 'purpose',
      value: purpose,
      'aria-describedby': `fr-details-${purpose}`,
    }),
  );
  if (offered.length === 1) {
    const [only] = offered as [Purpose];
    form.append(
      el(doc, 'p', { class: 'fr-question', id: 'fr-question' }, [
        t('askOne', { purpose: names.get(only) ?? only }),
      ]),
    );
  } else {
    const labels = boxes.map((box, i) =>
      el(doc, 'label', {}, [box, names.get(offered[i] as Purpose) ?? '']),
    );
    form.append(
      el(doc, 'fieldset', { 'aria-describedby': 'fr-error' }, [
        el(doc, 'legend', {}, [t('chooseLegend')]),
        ...labels,
      ]),
    );
  }
  const accept = () => {
    const granted = offered.length === 1 ? offered : offered.filter((_, i) => boxes[i]?.checked);
    if (granted.length > 0) return on.accept(granted);
    error.textContent = t('chooseAtLeastOne');
    boxes[0]?.focus();
  };
  const acceptLabel = offered.length === 1 ? t('accept') : t('acceptSelected');
  form.append(
    error,
    actions(doc, [
      ['refuse', t('refuse'), on.refuse],
      ['accept', acceptLabel, accept],
    ]),
  );
  return form;
}
