// Shared steps of the journey tests (demo store and SPA): CSP and event recorders, axe, and
// the SDK's screens as a shopper sees them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect } from '../support/fixtures.js';
import type { NetworkRecorder, RecordedRequest } from '../support/network.js';
import { EMPTY_STORAGE, readMediaProbe, readStorage } from '../support/probes.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** What the init script records in every page: CSP violations and `fittingroom:*` events. */
interface Recorded {
  csp: { directive: string; blocked: string; source: string }[];
  events: { type: string; value: unknown }[];
}

/**
 * Records, from the first script on, every `securitypolicyviolation` and every Fitting Room
 * event the page sees (`fittingroom:*` from the loader, or `fr:*` re-dispatched by the SPA).
 * CSP messages on the console (which also cover workers) are collected by {@link watchConsole}.
 */
export async function installRecorders(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const recorded: Recorded = { csp: [], events: [] };
    Object.defineProperty(window, '__frRecorded', { value: recorded });
    document.addEventListener('securitypolicyviolation', (event) => {
      recorded.csp.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
      });
    });
    const summarize = (value: unknown): unknown => {
      if (value instanceof Blob) return { blob: value.type, size: value.size };
      if (value instanceof Error) return { error: value.name, message: value.message };
      return value;
    };
    for (const name of ['state', 'capture', 'upload-progress', 'uploaded', 'withdrawn', 'error']) {
      document.addEventListener(`fittingroom:${name}`, (event) => {
        const detail = (event as CustomEvent<{ value: unknown }>).detail;
        recorded.events.push({ type: name, value: summarize(detail.value) });
      });
    }
  });
}

/** Console lines that report a CSP violation (page and workers), collected as they come. */
export function watchConsole(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (message) => {
    if (
      /content security policy|refused to (load|connect|execute|apply|create|compile)/i.test(
        message.text(),
      )
    ) {
      lines.push(message.text());
    }
  });
  return lines;
}

/** Everything the page's recorder saw so far. */
export function recorded(page: Page): Promise<Recorded> {
  return page.evaluate(() => (window as unknown as { __frRecorded: Recorded }).__frRecorded);
}

/** Events of one type recorded so far. */
export async function eventsOf(page: Page, type: string): Promise<unknown[]> {
  return (await recorded(page)).events.filter((e) => e.type === type).map((e) => e.value);
}

/** Asserts no CSP violation was reported, in the page or on the console. */
export async function expectNoCspViolations(page: Page, consoleLines: string[]): Promise<void> {
  expect((await recorded(page)).csp).toEqual([]);
  expect(consoleLines).toEqual([]);
}

/**
 * Runs axe-core (WCAG 2.1 A and AA) on the page as it is now, open shadow roots included, and
 * asserts it finds nothing. axe is evaluated through the DevTools protocol, which a page CSP
 * does not govern, so the page keeps its strict policy.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  expect(violations, `axe on the ${screen} screen`).toEqual([]);
}

/** Requests by path, for readable failures. */
export function paths(requests: readonly RecordedRequest[]): string[] {
  return requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);
}

/** The SDK's consent dialog (a native `<dialog>` in its own shadow root). */
export function consentDialog(page: Page): Locator {
  return page.locator('[data-fittingroom="consent-dialog"]').getByRole('dialog');
}

/** The SDK's live try-on view. */
export function liveView(page: Page): Locator {
  return page.locator('[data-fittingroom="tryon"]');
}

/** Answers the consent dialog for the single purpose it asks about. */
export async function answerConsent(page: Page, answer: 'Accept' | 'Refuse'): Promise<void> {
  const dialog = consentDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: answer, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Waits until the product is drawn on a tracked hand or face (the view says it tracks). */
export async function expectTracking(page: Page): Promise<void> {
  await expect(liveView(page)).toHaveAttribute('data-state', 'live', { timeout: 90_000 });
  await expect(liveView(page)).toHaveAttribute('data-tracking', 'true', { timeout: 60_000 });
}

/**
 * After the shopper refused: no camera asked for, no worker, none of the try-on's files fetched
 * (`assets` matches their paths), no host but the page's own, nothing stored, no CSP violation.
 */
export async function expectNothingAfterRefusal(
  page: Page,
  network: NetworkRecorder,
  options: { pageUrl: string; assets: RegExp; consoleLines: string[] },
): Promise<void> {
  const probe = await readMediaProbe(page);
  expect(probe.gumCalls).toBe(0);
  expect(probe.workers).toBe(0);
  expect(paths(network.matching(options.assets))).toEqual([]);
  expect(network.hosts()).toEqual([new URL(options.pageUrl).host]);
  expect(await readStorage(page)).toEqual(EMPTY_STORAGE);
  await expectNoCspViolations(page, options.consoleLines);
}

/**
 * Shares the photo under review: the upload consent is asked, accepted, the upload completes
 * (progress ends at its total) and the page says the photo was shared.
 */
export async function shareFromReview(page: Page): Promise<void> {
  await liveView(page).getByRole('button', { name: 'Share', exact: true }).click();
  await expect(consentDialog(page)).toBeVisible();
  await expectAccessible(page, 'upload consent');
  await answerConsent(page, 'Accept');
  await expect.poll(() => eventsOf(page, 'uploaded'), { timeout: 30_000 }).toHaveLength(1);
  const progress = (await eventsOf(page, 'upload-progress')) as { loaded: number; total: number }[];
  expect(progress.length).toBeGreaterThan(0);
  expect(progress.at(-1)?.loaded).toBe(progress.at(-1)?.total);
  await expect(page.locator('#tryon-status')).toContainText('Your photo was shared');
  await expectAccessible(page, 'shared');
}

/**
 * Closes the try-on: the view goes, the camera stops at once; the worker stays warm for a reopen
 * within the grace period (its release at the end of it, on pagehide and on withdrawal:
 * tryon-warm.spec.ts).
 */
export async function closeTryOn(page: Page): Promise<void> {
  await liveView(page).getByRole('button', { name: 'Close', exact: true }).click();
  await expect(liveView(page)).toBeHidden();
  expect((await readMediaProbe(page)).trackStates).toEqual(['ended']);
  expect((await readMediaProbe(page)).liveWorkers).toBe(1);
}

/** "My data" lists the one shared photo (of `productId`); "Delete my data" erases it; the list is then empty. */
export async function eraseMyData(page: Page, productId: string): Promise<void> {
  await page.getByRole('button', { name: 'My data', exact: true }).click();
  await expect(page.locator('#my-uploads li')).toHaveCount(1);
  await expect(page.locator('#my-uploads li')).toContainText(productId);
  await expectAccessible(page, 'my data');
  await page.getByRole('button', { name: 'Delete my data' }).click();
  await expect(page.locator('#tryon-status')).toContainText('erased');
  await page.getByRole('button', { name: 'My data', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Photos stored on our server: 0' })).toBeVisible();
  await expectAccessible(page, 'erased');
}
