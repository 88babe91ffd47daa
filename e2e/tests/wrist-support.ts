import { expect, test } from '../support/fixtures.js';
import { gotoTryOn, magenta, startTryOn, trackingEvents, waitForHint } from '../support/tryon.js';

/** The English hint of the wrist rule. */
export const SHOW_WRIST = 'Show your wrist and a little of your forearm.';

/**
 * Tests that on this file's camera (a hand whose wrist lies on padding or outside the frame)
 * neither a watch nor a bracelet is drawn: no product pixel, the status asks for the wrist,
 * `data-tracking` and the `tracking` event stay false.
 */
export function noWristProductOnPadding(): void {
  test.setTimeout(120_000);
  for (const product of ['watch', 'bracelet'] as const) {
    test(`no ${product} pixel is drawn and the view asks for the wrist`, async ({ page }) => {
      await gotoTryOn(page, { product });
      await startTryOn(page);
      await waitForHint(page, 'showWrist');
      for (let i = 0; i < 5; i++) {
        expect((await magenta(page)).coverage).toBe(0);
        await page.waitForTimeout(200);
      }
      await expect(page.getByRole('status')).toHaveText(SHOW_WRIST);
      expect(await trackingEvents(page)).not.toContain(true);
    });
  }
}
