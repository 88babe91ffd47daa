// Helpers shared by the consent specs (the page is e2e/pages/consent.html).
import type { Page } from '@playwright/test';
import { expect } from '../support/fixtures.js';

export interface PageLog {
  results: {
    asked: boolean;
    granted: string[];
    refused: string[];
    record: { id: string } | null;
  }[];
  withdrawals: { receiptIds: string[]; action: string }[];
  cameraErrors: string[];
}

export async function openPage(page: Page, query = ''): Promise<void> {
  await page.goto(`/e2e/pages/consent.html${query}`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
}

export const dialog = (page: Page) => page.locator('[data-fittingroom="consent-dialog"] dialog');
export const control = (page: Page) => page.locator('[data-fittingroom="privacy-control"]');

export function pageLog(page: Page): Promise<PageLog> {
  return page.evaluate(
    () => (window as unknown as { consentPage: { log: PageLog } }).consentPage.log,
  );
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { consentPage: { violations: string[] } }).consentPage.violations,
  );
}

/** Describes the focused element, looking inside open shadow roots. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return 'none';
    return el.getAttribute('data-action') || el.id || el.tagName.toLowerCase();
  });
}

/** Clicks Accept and waits until the request resolved (so the record is stored). */
export async function accept(page: Page): Promise<void> {
  const before = (await pageLog(page)).results.length;
  await dialog(page).getByRole('button', { name: 'Accept' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect.poll(async () => (await pageLog(page)).results.length).toBe(before + 1);
}
