import { expect, test } from '../support/fixtures.js';
import { EMPTY_STORAGE, readMediaProbe, readStorage } from '../support/probes.js';
import {
  accept,
  control,
  cspViolations,
  dialog,
  focused,
  openPage,
  pageLog,
} from './consent-page.js';

// A real (fake-device) camera, so withdrawal can be seen to end the tracks.
test.use({ camera: 'hand' });

test.describe('consent', () => {
  test('nothing is stored, no camera and nothing foreign before the shopper accepts', async ({
    page,
    network,
  }) => {
    await openPage(page);
    expect(await readStorage(page)).toEqual(EMPTY_STORAGE);
    await page.getByRole('button', { name: 'Try it on' }).click();
    await expect(dialog(page)).toBeVisible();
    // The dialog is open and the notice read: still nothing written, no camera asked for.
    expect(await readStorage(page)).toEqual(EMPTY_STORAGE);
    expect((await readMediaProbe(page)).gumCalls).toBe(0);

    await accept(page);
    await expect.poll(async () => (await readMediaProbe(page)).gumCalls).toBe(1);
    expect(await readStorage(page)).toEqual({
      ...EMPTY_STORAGE,
      indexedDB: ['fittingroom-consent'],
    });
    expect(network.foreign()).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  });

  test('the open dialog has no axe violations and works by keyboard alone', async ({ page }) => {
    await openPage(page);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('try');
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    expect(await focused(page)).toBe('fr-title');

    await page.addScriptTag({ url: '/node_modules/axe-core/axe.min.js' });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              c: Document,
              o: object,
            ): Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    // Canary: axe does look inside the dialog's shadow root (an unnamed button is caught).
    const canary = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(c: Element, o: object): Promise<{ violations: { id: string }[] }> };
        }
      ).axe;
      const host = document.querySelector('[data-fittingroom="consent-dialog"]') as HTMLElement;
      const probe = document.createElement('button');
      host.shadowRoot?.querySelector('dialog')?.append(probe);
      const result = await axe.run(host, { runOnly: ['button-name'] });
      probe.remove();
      return result.violations.map((v) => v.id);
    });
    expect(canary).toEqual(['button-name']);

    // Tab walks Details → Refuse → Accept and wraps; Shift+Tab walks back.
    const order: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
    }
    expect(order).toEqual(['details', 'refuse', 'accept', 'details']);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('accept');
    // Details opens the full notice by keyboard; its policy link joins the Tab order.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('details');
    await page.keyboard.press('Enter');
    await expect(dialog(page).getByRole('link')).toBeVisible();
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('a');
    // Closed again: the steps below use the first layer.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(dialog(page).getByRole('link')).toBeHidden();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('accept');
    // Focus is visible: a 3px outline on the focused button.
    const outline = await dialog(page)
      .locator('[data-action="accept"]')
      .evaluate((el) => getComputedStyle(el).outlineWidth);
    expect(outline).toBe('3px');

    // Escape refuses, closes and gives focus back to the trigger.
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toHaveCount(0);
    expect(await focused(page)).toBe('try');
    await expect.poll(async () => (await pageLog(page)).results.length).toBe(1);
    expect((await pageLog(page)).results[0]).toMatchObject({ asked: true, refused: ['camera'] });
    expect((await readMediaProbe(page)).gumCalls).toBe(0);

    // And Accept, by keyboard.
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('accept');
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toHaveCount(0);
    await expect.poll(async () => (await pageLog(page)).results.length).toBe(2);
    expect((await pageLog(page)).results[1]).toMatchObject({ granted: ['camera'] });

    // The privacy control is reachable and clean too.
    await expect(control(page).getByRole('button', { name: 'Withdraw consent' })).toBeVisible();
    const controlViolations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(c: Element): Promise<{ violations: { id: string }[] }> } }
      ).axe;
      const host = document.querySelector('[data-fittingroom="privacy-control"]') as Element;
      return (await axe.run(host)).violations.map((v) => v.id);
    });
    expect(controlViolations).toEqual([]);
  });

  test('a decision persists across reloads', async ({ page }) => {
    await openPage(page);
    await page.getByRole('button', { name: 'Try it on' }).click();
    await accept(page);
    await page.reload();
    await expect(page.locator('body[data-ready="true"]')).toBeVisible();
    await page.getByRole('button', { name: 'Try it on' }).click();
    await expect.poll(async () => (await pageLog(page)).results.length).toBe(1);
    expect((await pageLog(page)).results[0]).toMatchObject({ asked: false, granted: ['camera'] });
    await expect(dialog(page)).toHaveCount(0);
    await expect.poll(async () => (await readMediaProbe(page)).gumCalls).toBe(1);
  });

  test('a new policy version asks again', async ({ page }) => {
    await openPage(page, '?version=2025-01');
    await page.getByRole('button', { name: 'Try it on' }).click();
    await accept(page);
    await openPage(page, '?version=2025-06');
    await page.getByRole('button', { name: 'Try it on' }).click();
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page)).toContainText('version 2025-06');
    expect((await readMediaProbe(page)).gumCalls).toBe(0);
    await accept(page);
    const versions = await page.evaluate(async () => {
      const c = (
        window as unknown as {
          consentPage: {
            consent: { history(): Promise<{ policyVersion: string; action: string }[]> };
          };
        }
      ).consentPage.consent;
      return (await c.history()).map((r) => `${r.action}@${r.policyVersion}`);
    });
    expect(versions).toEqual(['grant@2025-01', 'grant@2025-06']);
  });

  test('withdrawal stops the camera, lists receipts to erase, and holds after reload', async ({
    page,
  }) => {
    await openPage(page);
    await page.getByRole('button', { name: 'Try it on' }).click();
    await accept(page);
    await expect.poll(async () => (await readMediaProbe(page)).trackStates).toEqual(['live']);
    await page.getByRole('button', { name: 'Share a photo' }).click();
    await accept(page);
    const uploadGrant = (await pageLog(page)).results[1]?.record?.id;
    expect(uploadGrant).toBeTruthy();

    await control(page).getByRole('button', { name: 'Withdraw consent' }).click();
    await expect(control(page).getByRole('status')).toContainText('Consent withdrawn');
    expect((await pageLog(page)).withdrawals).toEqual([
      { action: 'withdraw', receiptIds: [uploadGrant] },
    ]);
    expect((await readMediaProbe(page)).trackStates).toEqual(['ended']);
    await expect(control(page).getByRole('button', { name: 'Withdraw consent' })).toBeHidden();

    await page.reload();
    await expect(page.locator('body[data-ready="true"]')).toBeVisible();
    await page.getByRole('button', { name: 'Try it on' }).click();
    await expect(dialog(page)).toBeVisible();
    expect((await readMediaProbe(page)).gumCalls).toBe(0);
  });
});
