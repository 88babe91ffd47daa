// The try-on on phones and with a large host font: layered consent with the decision in view,
// a full-screen sheet whose video covers it, focus that enters the try-on at once and comes back,
// and the review in place with its one primary action focused and in view. axe on every screen.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { gotoTryOn } from '../support/tryon.js';
import { consentDialog, expectAccessible, liveView } from './journey-support.js';

test.use({ camera: 'hand' });
test.setTimeout(180_000);

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not rendered');
  return box;
}

/** The try-on's Close buttons that are shown (the review's own is there only on the phone sheet). */
const visibleCloses = (page: Page) =>
  liveView(page).getByRole('button', { name: 'Close', exact: true }).filter({ visible: true });

/** True when the element lies wholly inside the viewport as it is (no scrolling). */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await boxOf(locator);
  const size = page.viewportSize()!;
  return (
    box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height
  );
}

/** The deepest focused element's text or tag, inside shadow roots; and whether it is in the try-on. */
function focusInfo(page: Page) {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    const top = el;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      inTryOn: top?.closest('[data-fittingroom=tryon]') !== null,
      text: el?.textContent?.trim() ?? '',
    };
  });
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
]) {
  test(`${viewport.width}×${viewport.height}: consent, sheet, review in place, focus, axe`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await gotoTryOn(page, { product: 'ring' });
    const opener = page.getByRole('button', { name: 'Try it on' });
    await opener.click();

    // Consent: Accept and Refuse are on screen without scrolling; Details opens the full notice.
    const dialog = consentDialog(page);
    const accept = dialog.getByRole('button', { name: 'Accept', exact: true });
    const refuse = dialog.getByRole('button', { name: 'Refuse', exact: true });
    await expect(accept).toBeVisible();
    expect(await dialog.evaluate((d) => d.scrollTop)).toBe(0);
    expect(await inViewport(page, accept)).toBe(true);
    expect(await inViewport(page, refuse)).toBe(true);
    await expectAccessible(page, 'consent, first layer');
    await dialog.getByRole('button', { name: 'Details' }).click();
    await expect(dialog.getByRole('link', { name: /full privacy policy/ })).toBeVisible();
    expect(await inViewport(page, accept)).toBe(true); // the decision stays in view
    await expectAccessible(page, 'consent, full notice');
    await accept.click();

    // Focus enters the try-on at once, while it is still loading.
    await expect(liveView(page)).toBeAttached();
    await expect.poll(async () => (await focusInfo(page)).inTryOn).toBe(true);
    await expectAccessible(page, 'try-on loading');

    // Live: a full-screen sheet whose video covers at least 90% of it.
    await expect(liveView(page)).toHaveAttribute('data-tracking', 'true', { timeout: 90_000 });
    const panel = liveView(page).locator('.panel');
    const video = liveView(page).locator('video');
    const sheet = await boxOf(panel);
    expect(sheet.width).toBe(viewport.width);
    expect(sheet.height).toBe(viewport.height);
    const shown = await boxOf(video);
    const covered =
      (Math.min(shown.x + shown.width, sheet.x + sheet.width) - Math.max(shown.x, sheet.x)) *
      (Math.min(shown.y + shown.height, sheet.y + sheet.height) - Math.max(shown.y, sheet.y));
    expect(covered / (sheet.width * sheet.height)).toBeGreaterThanOrEqual(0.9);
    const capture = liveView(page).getByRole('button', { name: 'Take photo' });
    expect(await inViewport(page, capture)).toBe(true);
    // Controls sit at the bottom, within thumb reach.
    expect((await boxOf(capture)).y).toBeGreaterThan(viewport.height / 2);
    await expectAccessible(page, 'live try-on');

    // Capture: the photo shows in the stage, inference pauses, one primary action, focused.
    await capture.click();
    const save = liveView(page).getByRole('button', { name: 'Save photo' });
    await expect(save).toBeFocused();
    expect(await inViewport(page, save)).toBe(true);
    await expect(capture).toBeHidden();
    // The sheet's review covers the header: it has its own Close, the only one on screen.
    await expect(visibleCloses(page)).toHaveCount(1);
    const photo = liveView(page).getByRole('img', { name: 'Photo of you trying on the product' });
    const stage = await boxOf(liveView(page).locator('.stage'));
    const img = await boxOf(photo);
    expect(img.y).toBeGreaterThanOrEqual(stage.y);
    expect(img.y + img.height).toBeLessThanOrEqual(stage.y + stage.height + 1);
    const frames = async () => Number(await liveView(page).getAttribute('data-frames'));
    const before = await frames();
    await page.waitForTimeout(1500);
    expect(await frames()).toBe(before);
    await expectAccessible(page, 'review');
    await liveView(page).getByRole('button', { name: 'Discard' }).click();
    await expect(capture).toBeFocused();
    await expect.poll(frames).toBeGreaterThan(before); // running again

    // Close: focus goes back to the page's button.
    await liveView(page).getByRole('button', { name: 'Close' }).click();
    await expect(liveView(page)).toHaveCount(0);
    await expect(opener).toBeFocused();
  });
}

test('desktop keeps the card, and a large host font does not push the consent buttons off', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await gotoTryOn(page, { product: 'ring' });
  // A retailer page with a large root font (CSSOM, which the strict CSP allows).
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '24px';
    document.documentElement.style.lineHeight = '2';
  });
  await page.getByRole('button', { name: 'Try it on' }).click();
  const dialog = consentDialog(page);
  const accept = dialog.getByRole('button', { name: 'Accept', exact: true });
  await expect(accept).toBeVisible();
  expect(await inViewport(page, accept)).toBe(true);
  expect(await inViewport(page, dialog.getByRole('button', { name: 'Refuse', exact: true }))).toBe(
    true,
  );
  expect(await accept.evaluate((b) => getComputedStyle(b).fontSize)).toBe('16px');
  await accept.click();
  await expect(liveView(page)).toHaveAttribute('data-state', 'live', { timeout: 90_000 });
  const card = await boxOf(liveView(page).locator('.panel'));
  expect(card.width).toBeLessThan(800);
  expect(card.height).toBeLessThan(800);
  // The review sits in the card under the card's header: one Close on screen, the header's.
  await liveView(page).getByRole('button', { name: 'Take photo' }).click();
  await expect(liveView(page).getByRole('button', { name: 'Save photo' })).toBeFocused();
  await expect(visibleCloses(page)).toHaveCount(1);
  await visibleCloses(page).click();
  await expect(liveView(page)).toHaveCount(0);
});
