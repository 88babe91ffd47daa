import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsent } from '../../src/consent/consent.js';
import { memoryConsentStore } from '../../src/consent/store.js';
import { createPrivacyControl } from '../../src/ui/consent-dialog/privacy-control.js';
import { acceptAll, POLICY, scriptedUi } from './fixtures.js';

afterEach(() => {
  document.body.replaceChildren();
});

function setup() {
  const { ui } = scriptedUi(acceptAll);
  const consent = createConsent(POLICY, { store: memoryConsentStore(), locale: 'es', ui });
  const control = createPrivacyControl({ consent });
  const root = control.element.shadowRoot;
  if (!root) throw new Error('no shadow root');
  const button = (action: string) =>
    root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  return { consent, control, root, button };
}

describe('privacy control', () => {
  it('offers withdrawal only while something is granted, in the shopper’s language', async () => {
    const { consent, button, root } = setup();
    await consent.ready();
    expect(button('withdraw')?.hidden).toBe(true);
    expect(button('receipt')?.hidden).toBe(true);
    await consent.request(['camera']);
    expect(button('withdraw')?.hidden).toBe(false);
    expect(button('withdraw')?.textContent).toBe('Retirar el consentimiento');
    expect(root.querySelectorAll('style, [style]').length).toBe(0);
  });

  it('withdraws in one click, tells listeners and confirms in a live region', async () => {
    const { consent, button, root } = setup();
    await consent.request(['camera']);
    const heard = vi.fn();
    consent.onWithdraw(heard);
    button('withdraw')?.click();
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
    const status = root.querySelector('[role="status"]');
    await vi.waitFor(() => expect(status?.textContent).toContain('Consentimiento retirado'));
    expect(root.activeElement).toBe(status);
    expect(consent.allows('camera')).toBe(false);
    expect(button('withdraw')?.hidden).toBe(true);
  });

  it('downloads the receipt as JSON', async () => {
    const { consent, button } = setup();
    await consent.request(['camera']);
    const created: Blob[] = [];
    const spy = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:receipt';
    });
    button('receipt')?.click();
    spy.mockRestore();
    const receipt = JSON.parse(await (created[0] as Blob).text());
    expect(receipt.consentReceiptID).toBe(consent.receipt()?.consentReceiptID);
  });

  it('close removes it', () => {
    const { control } = setup();
    control.close();
    expect(control.element.isConnected).toBe(false);
  });
});
