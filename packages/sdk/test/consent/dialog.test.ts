import type { Purpose } from '@fittingroom/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildNotice, noticeLines, placeholders } from '../../src/consent/notice.js';
import { type ConsentPolicy, resolvePolicy } from '../../src/consent/policy.js';
import type { ConsentAnswer, ConsentPrompt } from '../../src/consent/prompt.js';
import type { UnavailableReason } from '../../src/consent/rules.js';
import { LOCALES, type Locale, loadLocale, stringsFor } from '../../src/i18n/index.js';
import { createConsentDialog } from '../../src/ui/consent-dialog/dialog.js';
import { POLICY } from './fixtures.js';

// The dialog is given strings by consent, which loads the shopper's dictionary first.
beforeAll(async () => {
  await Promise.all(LOCALES.map(loadLocale));
});

function prompt(
  over: {
    offered?: Purpose[];
    allowed?: Purpose[];
    unavailable?: { purpose: Purpose; reason: UnavailableReason }[];
    minAge?: number | null;
    locale?: Locale;
    policy?: ConsentPolicy;
  } = {},
): ConsentPrompt {
  const policy = resolvePolicy({
    ...(over.policy ?? { ...POLICY, purposes: ['camera', 'upload', 'product-improvement'] }),
    ...(over.minAge ? { minAge: over.minAge } : {}),
  });
  const locale = over.locale ?? 'en';
  const strings = stringsFor(locale);
  return {
    locale,
    strings,
    values: placeholders(policy, strings),
    notice: buildNotice(policy, strings),
    offered: over.offered ?? ['camera'],
    allowed: over.allowed ?? [],
    unavailable: over.unavailable ?? [],
    minAge: over.minAge ?? null,
  };
}

function open(p: ConsentPrompt, controller = new AbortController()) {
  const trigger = document.createElement('button');
  trigger.textContent = 'Try it on';
  document.body.append(trigger);
  trigger.focus();
  const dialog = createConsentDialog();
  const answer = dialog.ask(p, controller.signal);
  const host = document.querySelector<HTMLElement>('[data-fittingroom="consent-dialog"]');
  const root = host?.shadowRoot;
  if (!root) throw new Error('dialog not rendered');
  const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
  const click = (action: string) => $<HTMLButtonElement>(`[data-action="${action}"]`)?.click();
  const key = (k: string, shiftKey = false) =>
    $('dialog')?.dispatchEvent(
      new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true }),
    );
  return { trigger, dialog, answer, host, root, $, click, key, controller };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('consent dialog', () => {
  it('is a labelled modal dialog in an open shadow root, styled without inline CSS', async () => {
    const d = open(prompt());
    const dialog = d.$<HTMLDialogElement>('dialog');
    expect(dialog?.open).toBe(true);
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    expect(d.root.getElementById(dialog?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe(
      'Your privacy in virtual try-on',
    );
    expect(d.root.getElementById(dialog?.getAttribute('aria-describedby') ?? '')).not.toBeNull();
    expect(d.root.querySelectorAll('style, [style], link').length).toBe(0);
    expect(d.root.adoptedStyleSheets.length).toBe(1);
    expect(dialog?.getAttribute('lang')).toBe('en');
    d.click('refuse');
    await d.answer;
  });

  it('renders the notice word for word as hashed (data-notice lines = noticeLines)', async () => {
    const p = prompt({ policy: { ...POLICY, minAge: 16 }, minAge: null });
    const d = open(p);
    const rendered = [...d.root.querySelectorAll<HTMLElement>('[data-notice]')].map((el) =>
      el instanceof HTMLAnchorElement
        ? `${el.textContent} <${el.getAttribute('href')}>`
        : el.textContent,
    );
    expect(rendered).toEqual(noticeLines(p.notice));
    d.click('refuse');
    await d.answer;
  });

  it('one purpose: Accept grants it; Accept and Refuse look exactly alike', async () => {
    const d = open(prompt());
    const accept = d.$('[data-action="accept"]');
    const refuse = d.$('[data-action="refuse"]');
    expect(accept?.className).toBe(refuse?.className);
    expect(accept?.tagName).toBe(refuse?.tagName);
    expect(d.root.querySelectorAll('input').length).toBe(0);
    expect(d.$('.fr-question')?.textContent).toBe('Do you allow “Try on with your camera”?');
    d.click('accept');
    expect(await d.answer).toEqual({ kind: 'decision', granted: ['camera'], refused: [] });
  });

  it('several purposes: each has its own unticked box; Accept needs a tick', async () => {
    const d = open(prompt({ offered: ['camera', 'upload'] }));
    const boxes = [...d.root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => [b.value, b.checked])).toEqual([
      ['camera', false],
      ['upload', false],
    ]);
    d.click('accept');
    expect(d.$('[role="alert"]')?.textContent).toBe('Tick at least one option, or choose Refuse.');
    expect(d.root.activeElement).toBe(boxes[0]);
    boxes[0]?.click();
    d.click('accept');
    expect(await d.answer).toEqual({ kind: 'decision', granted: ['camera'], refused: ['upload'] });
  });

  it('Escape refuses, removes the dialog and gives focus back', async () => {
    const d = open(prompt({ offered: ['camera', 'upload'] }));
    d.key('Escape');
    expect(await d.answer).toEqual({
      kind: 'decision',
      granted: [],
      refused: ['camera', 'upload'],
    });
    expect(d.host.isConnected).toBe(false);
    expect(document.activeElement).toBe(d.trigger);
  });

  it('starts reading at the heading and keeps Tab inside, both ways', async () => {
    const d = open(prompt());
    expect(d.root.activeElement?.id).toBe('fr-title');
    // The full notice's link is hidden until "Details": Tab wraps to the Details button.
    const details = d.$('[aria-controls="fr-full"]');
    const accept = d.$('[data-action="accept"]');
    accept?.focus();
    d.key('Tab');
    expect(d.root.activeElement).toBe(details);
    d.key('Tab', true);
    expect(d.root.activeElement).toBe(accept);
    details?.click();
    accept?.focus();
    d.key('Tab');
    expect(d.root.activeElement).toBe(d.$('a'));
    d.click('refuse');
    await d.answer;
  });

  it('shows a short first layer about what is asked now; Details opens the hashed notice', async () => {
    const p = prompt({ offered: ['upload'], allowed: ['camera'] });
    const d = open(p);
    const summary = d.$('.fr-summary');
    const full = d.$('#fr-full');
    const details = d.$<HTMLButtonElement>('[aria-controls="fr-full"]');
    expect(details?.textContent).toBe('Details');
    expect(details?.getAttribute('aria-expanded')).toBe('false');
    expect(full?.hidden).toBe(true);
    // The sharing step speaks of sharing only: nothing of the camera notice again.
    const text = summary?.textContent ?? '';
    expect(text).toContain('Share a photo you choose');
    expect(text).not.toContain('Try on with your camera');
    expect(text).not.toContain('biometric');
    // Its first sentence says what sharing does, not the notice's opening about the camera.
    const first = summary?.querySelector('p')?.textContent ?? '';
    expect(first).not.toMatch(/camera/i);
    expect(first).toMatch(
      /^Sharing sends only the photo you just took to .+ \d+ days .+“Withdraw consent”/,
    );
    details?.click();
    expect(details?.getAttribute('aria-expanded')).toBe('true');
    expect(full?.hidden).toBe(false);
    expect(summary?.hidden).toBe(true);
    // What is now shown is the hashed notice, line for line (the title heads both layers).
    const shown = [...d.root.querySelectorAll<HTMLElement>('[data-notice]')]
      .filter((e) => e.closest('[hidden]') === null)
      .map((e) =>
        e.tagName === 'A' ? `${e.textContent} <${e.getAttribute('href')}>` : e.textContent,
      );
    expect(shown).toEqual(noticeLines(p.notice));
    d.click('refuse');
    await d.answer;
  });

  it('says why a purpose is unavailable, already allowed or asked later', async () => {
    const d = open(
      prompt({
        offered: ['camera'],
        allowed: [],
        unavailable: [{ purpose: 'upload', reason: 'gpc' }],
      }),
    );
    const status = [...d.root.querySelectorAll('.fr-purpose-status')].map((e) => e.textContent);
    expect(status).toEqual([
      'Share a photo you choose: not available, because your browser sends a Global Privacy Control signal.',
      'Help improve the try-on: we will ask you when it is needed.',
    ]);
    d.click('refuse');
    await d.answer;
  });

  it('with nothing to offer shows only Close and answers dismissed', async () => {
    const d = open(prompt({ offered: [], unavailable: [{ purpose: 'upload', reason: 'dnt' }] }));
    expect(d.root.querySelectorAll('button').length).toBe(1);
    d.click('close');
    expect(await d.answer).toEqual({ kind: 'dismissed' });
  });

  describe('age gate', () => {
    it('asks age before anything else; yes shows the notice', async () => {
      const d = open(prompt({ minAge: 18 }));
      expect(d.$('#fr-title')?.textContent).toBe('Before we start');
      expect(d.root.querySelectorAll('[data-notice]').length).toBe(0);
      d.click('age-yes');
      expect(d.root.activeElement?.textContent).toBe('Your privacy in virtual try-on');
      d.click('accept');
      expect((await d.answer).kind).toBe('decision');
    });

    it('no: the camera is not offered and the answer is underage', async () => {
      const d = open(prompt({ minAge: 18 }));
      d.click('age-no');
      expect(d.$('#fr-intro')?.textContent).toContain('only for people aged 18 or older');
      expect(d.$('[data-action="accept"]')).toBeNull();
      d.click('close');
      expect(await d.answer).toEqual<ConsentAnswer>({ kind: 'underage' });
    });

    it('Escape on the age question records nothing (dismissed)', async () => {
      const d = open(prompt({ minAge: 18 }));
      d.key('Escape');
      expect(await d.answer).toEqual({ kind: 'dismissed' });
    });
  });

  it('speaks the shopper’s language', async () => {
    const d = open(prompt({ locale: 'de' }));
    expect(d.$('dialog')?.getAttribute('lang')).toBe('de');
    expect(d.$('[data-action="refuse"]')?.textContent).toBe('Ablehnen');
    d.click('refuse');
    await d.answer;
  });

  it('closes as dismissed when aborted or closed by code', async () => {
    const a = open(prompt());
    a.controller.abort();
    expect(await a.answer).toEqual({ kind: 'dismissed' });
    expect(a.host.isConnected).toBe(false);
    const b = open(prompt());
    b.dialog.close();
    expect(await b.answer).toEqual({ kind: 'dismissed' });
  });

  it('never renders retailer text as markup', async () => {
    const p = prompt({
      policy: { ...POLICY, controller: { name: '<img src=x onerror=alert(1)>', contact: 'x' } },
    });
    const d = open(p);
    expect(d.root.querySelector('img')).toBeNull();
    expect(d.$('#fr-intro')?.textContent).toContain('<img src=x onerror=alert(1)>');
    d.click('refuse');
    await d.answer;
  });
});
