// Switching products live (issue 15, item 2): six `setProduct` switches across hand and face
// products in one session keep one camera track and at most one worker per landmarker kind, and
// the consent record is the one given at the start. The fake camera shows a hand and a face in
// one frame, so each product is really drawn after its switch.
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { readMediaProbe } from '../support/probes.js';
import { gotoTryOn, startTryOn } from '../support/tryon.js';
import { expectAccessible } from './journey-support.js';

test.use({ camera: 'hand-and-face' });
test.setTimeout(300_000);

const host = '[data-fittingroom=tryon]';

/** The ids of every consent record on the device (IndexedDB, as the SDK stores them). */
function consentRecordIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('fittingroom-consent');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('records').objectStore('records').get('log');
          read.onsuccess = () => {
            resolve(((read.result ?? []) as { id: string }[]).map((r) => r.id));
            open.result.close();
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}

/** Calls `tryOn.setProduct` with one of the test page's products. */
function switchTo(page: Page, key: string): Promise<void> {
  return page.evaluate(async (k) => {
    const w = window as unknown as {
      tryOn: { setProduct(p: unknown): Promise<void> };
      testProducts: Record<string, unknown>;
    };
    await w.tryOn.setProduct(w.testProducts[k]);
  }, key);
}

test('six switches across hand and face products: one camera track, one worker per kind, the same consent', async ({
  page,
}) => {
  await gotoTryOn(page, { product: 'ring' });
  await startTryOn(page);
  const view = page.locator(host);
  await expect(view).toHaveAttribute('data-tracking', 'true', { timeout: 60_000 });
  const consentBefore = await consentRecordIds(page);
  expect(consentBefore).toHaveLength(1);
  const first = await readMediaProbe(page);
  expect(first.gumCalls).toBe(1);
  expect(first.liveWorkers).toBe(1);

  const sequence = ['glasses', 'watch', 'earrings', 'ring', 'glasses', 'bracelet'] as const;
  for (const key of sequence) {
    await switchTo(page, key);
    const kind = key === 'glasses' || key === 'earrings' ? 'face' : 'hand';
    await expect(view).toHaveAttribute('data-product', `test-${key}`);
    await expect(view).toHaveAttribute('data-landmarker', kind);
    // Drawn on the body part the product needs (the frame holds both), or its fitting hint.
    await expect(view).toHaveAttribute('data-phase', 'running', { timeout: 60_000 });
    const probe = await readMediaProbe(page);
    expect(probe.gumCalls).toBe(1);
    expect(probe.trackStates).toEqual(['live']);
    expect(probe.liveWorkers).toBeLessThanOrEqual(2);
    expect(probe.workers).toBeLessThanOrEqual(2);
  }
  await expect(view).toHaveAttribute('data-state', 'live');
  // The ring on the hand and the glasses on the face were drawn after their switches.
  await switchTo(page, 'glasses');
  await expect(view).toHaveAttribute('data-tracking', 'true', { timeout: 60_000 });
  await switchTo(page, 'ring');
  await expect(view).toHaveAttribute('data-tracking', 'true', { timeout: 60_000 });

  const log = await page.evaluate(
    () =>
      (
        window as unknown as {
          tryOnLog: { products: string[]; states: string[]; errors: string[] };
        }
      ).tryOnLog,
  );
  expect(log.products).toEqual([...sequence, 'glasses', 'ring'].map((k) => `test-${k}`));
  expect(log.states).toEqual(['asking-consent', 'starting', 'live']); // never restarted
  expect(log.errors).toEqual([]);
  expect(await consentRecordIds(page)).toEqual(consentBefore);
  const end = await readMediaProbe(page);
  expect(end.workers).toBe(2); // one hand, one face: the first of each kept for switching back
  expect(end.gumCalls).toBe(1);

  await page.getByRole('button', { name: 'Close' }).click();
  await expect(view).toHaveCount(0);
  const closed = await readMediaProbe(page);
  expect(closed.trackStates).toEqual(['ended']);
  expect(closed.liveWorkers).toBe(1); // the current one, parked warm; the other closed
});

test('the product strip: axe clean, and the keyboard alone switches hand and face products', async ({
  page,
}) => {
  await gotoTryOn(page, { product: 'ring', products: 'ring,glasses,watch' });
  await startTryOn(page);
  const view = page.locator(host);
  await expect(view).toHaveAttribute('data-tracking', 'true', { timeout: 60_000 });
  const strip = page.getByRole('radiogroup', { name: 'Choose a product' });
  await expect(strip.getByRole('radio')).toHaveCount(3);
  await expect(strip.getByRole('radio', { name: 'Test ring' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expectAccessible(page, 'live view with the product strip');

  // Tab from the close button reaches the strip's one tab stop: the checked product.
  const ring = strip.getByRole('radio', { name: 'Test ring' });
  for (let i = 0; i < 10 && !(await ring.evaluate((el) => el.matches(':focus'))); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(ring).toBeFocused();
  const outline = await ring.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none'); // visible focus
  await page.keyboard.press('ArrowRight');
  const glasses = strip.getByRole('radio', { name: 'Test glasses' });
  await expect(glasses).toBeFocused();
  await expect(glasses).toHaveAttribute('aria-checked', 'true');
  await expect(view).toHaveAttribute('data-product', 'test-glasses', { timeout: 60_000 });
  await expect(view).toHaveAttribute('data-landmarker', 'face');
  await expect(view).toHaveAttribute('data-tracking', 'true', { timeout: 60_000 });
  await page.keyboard.press('ArrowLeft'); // back to the ring: its landmarker was kept
  await expect(view).toHaveAttribute('data-product', 'test-ring', { timeout: 60_000 });
  await expect(view).toHaveAttribute('data-tracking', 'true', { timeout: 60_000 });
  await page.keyboard.press('End');
  await expect(view).toHaveAttribute('data-product', 'test-watch', { timeout: 60_000 });
  await page.keyboard.press('Home');
  await expect(view).toHaveAttribute('data-product', 'test-ring', { timeout: 60_000 });
  await expect(ring).toHaveAttribute('aria-checked', 'true');
  await expectAccessible(page, 'live view after switching with the keyboard');
  const probe = await readMediaProbe(page);
  expect(probe.gumCalls).toBe(1);
  expect(probe.workers).toBe(2);
  expect(
    await page.evaluate(
      () => (window as unknown as { tryOnLog: { states: string[] } }).tryOnLog.states,
    ),
  ).toEqual(['asking-consent', 'starting', 'live']);
});
