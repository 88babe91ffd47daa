import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createReview,
  type ObjectUrls,
  type ReviewOptions,
  type ReviewStrings,
} from '../../src/capture/review.js';

const STRINGS: ReviewStrings = {
  title: 'Your try-on photo',
  imageAlt: 'Photo of you wearing the product',
  share: 'Share',
  retake: 'Retake',
  discard: 'Discard',
  sharing: 'Sharing…',
  shareFailed: 'Sharing failed. Your photo is still here.',
};

function setup(overrides: Partial<ReviewOptions> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const created: string[] = [];
  const revoked: string[] = [];
  const urls: ObjectUrls = {
    create: () => {
      const url = `blob:test/${created.length}`;
      created.push(url);
      return url;
    },
    revoke: (url) => void revoked.push(url),
  };
  const blob = new Blob([new Uint8Array([1])], { type: 'image/jpeg' });
  const handlers = { onShare: vi.fn(), onRetake: vi.fn(), onDiscard: vi.fn() };
  const review = createReview({
    container,
    blob,
    strings: STRINGS,
    urls,
    ...handlers,
    ...overrides,
  });
  const host = container.firstElementChild as HTMLElement;
  const root = host.shadowRoot!;
  const button = (label: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent === label) as HTMLButtonElement;
  return { container, review, host, root, button, blob, created, revoked, ...handlers };
}

const press = (target: Element, key: string, shiftKey = false) =>
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, composed: true }),
  );

afterEach(() => {
  document.body.innerHTML = '';
});

describe('createReview', () => {
  it('offers a labelled Close that drops the photo and leaves without sharing', () => {
    const onClose = vi.fn();
    const { button, host, revoked, created, onShare, onDiscard } = setup({
      strings: { ...STRINGS, close: 'Close try-on' },
      onClose,
    });
    const close = button('Close try-on');
    expect(close.type).toBe('button');
    close.click();
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onShare).not.toHaveBeenCalled();
    expect(onDiscard).not.toHaveBeenCalled();
    expect(host.isConnected).toBe(false);
    expect(revoked).toEqual(created);
  });

  it('has no Close without an onClose', () => {
    const { root } = setup({ strings: { ...STRINGS, close: 'Close try-on' } });
    expect(root.querySelectorAll('button')).toHaveLength(3);
  });

  it('shows the photo in a labelled dialog with three labelled buttons', () => {
    const { root, created } = setup();
    const dialog = root.querySelector('[role="dialog"]')!;
    const title = root.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(title?.textContent).toBe(STRINGS.title);
    const img = root.querySelector('img')!;
    expect(img.getAttribute('src')).toBe(created[0]);
    expect(img.alt).toBe(STRINGS.imageAlt);
    expect([...root.querySelectorAll('button')].map((b) => [b.textContent, b.type])).toEqual([
      ['Share', 'button'],
      ['Retake', 'button'],
      ['Discard', 'button'],
    ]);
    expect(root.querySelector('[role="status"]')).not.toBeNull();
  });

  it('uses no inline styles (CSP without unsafe-inline)', () => {
    const { root, host } = setup();
    expect(root.querySelectorAll('style, [style]')).toHaveLength(0);
    expect(host.hasAttribute('style')).toBe(false);
  });

  it('starts with focus on Share and keeps Tab inside', () => {
    const { root, button } = setup();
    expect(root.activeElement).toBe(button('Share'));
    button('Discard').focus();
    press(button('Discard'), 'Tab');
    expect(root.activeElement).toBe(button('Share'));
    press(button('Share'), 'Tab', true);
    expect(root.activeElement).toBe(button('Discard'));
  });

  it.each(['Discard', 'Retake'] as const)(
    '%s drops the photo: URL revoked, panel removed',
    (label) => {
      const s = setup();
      s.button(label).click();
      expect(s.revoked).toEqual(s.created);
      expect(s.container.childElementCount).toBe(0);
      expect(s.root.querySelector('img')?.hasAttribute('src')).toBe(false);
      const called = label === 'Discard' ? s.onDiscard : s.onRetake;
      expect(called).toHaveBeenCalledOnce();
      expect(s.onShare).not.toHaveBeenCalled();
    },
  );

  it('Escape discards', () => {
    const s = setup();
    press(s.button('Share'), 'Escape');
    expect(s.onDiscard).toHaveBeenCalledOnce();
    expect(s.revoked).toHaveLength(1);
  });

  it('Share hands over the photo and locks the buttons until it settles', async () => {
    let finish: () => void = () => {};
    const onShare = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const s = setup({ onShare });
    s.button('Share').click();
    expect(onShare).toHaveBeenCalledWith(s.blob);
    expect(s.button('Retake').disabled).toBe(true);
    s.button('Discard').click(); // ignored while busy
    expect(s.onDiscard).not.toHaveBeenCalled();
    expect(s.root.querySelector('[role="status"]')?.textContent).toBe(STRINGS.sharing);
    finish();
    await vi.waitFor(() => expect(s.button('Retake').disabled).toBe(false));
    expect(s.revoked).toEqual([]); // still reviewable until the caller closes it
  });

  it('keeps the photo and says so when Share fails', async () => {
    const s = setup({ onShare: () => Promise.reject(new Error('offline')) });
    s.button('Share').click();
    await vi.waitFor(() =>
      expect(s.root.querySelector('[role="status"]')?.textContent).toBe(STRINGS.shareFailed),
    );
    expect(s.button('Share').disabled).toBe(false);
    expect(s.revoked).toEqual([]);
  });

  it('close() drops the photo without calling back, and is idempotent', () => {
    const s = setup();
    s.review.close();
    s.review.close();
    expect(s.revoked).toEqual(s.created);
    expect(s.onDiscard).not.toHaveBeenCalled();
    expect(s.container.childElementCount).toBe(0);
  });

  it('returns focus to where it was', () => {
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    const s = setup();
    s.button('Retake').click();
    expect(document.activeElement).toBe(before);
  });
});
