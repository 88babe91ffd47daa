import { expect, test } from '../support/fixtures.js';
import { gotoTryOn, magenta, startTryOn, trackingEvents, waitForHint } from '../support/tryon.js';

// handSrc.jpg shows no forearm: its wrist is cut by the photo's left edge. Shrunk or rotated
// into a grey frame, MediaPipe still places landmark 0 on the grey padding; a watch or bracelet
// there would be drawn on no body at all. The view must draw nothing and ask for the wrist.
test.setTimeout(120_000);

const SHOW_WRIST = 'Show your wrist and a little of your forearm.';

for (const camera of ['hand-wide', 'hand-padded-rotated', 'hand-small'] as const) {
  test.describe(`${camera}: the wrist lies on padding`, () => {
    test.use({ camera });

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
        // The `tracking` event never said the product was on.
        expect(await trackingEvents(page)).toEqual([false]);
      });
    }
  });
}

test.describe('hand: the wrist is cut by the frame edge', () => {
  test.use({ camera: 'hand' });

  test('a watch anchored mostly outside the view is not drawn and the status is false', async ({
    page,
  }) => {
    await gotoTryOn(page, { product: 'watch' });
    await startTryOn(page);
    // Landmark 0 sits at x ≈ 0: the watch's footprint would be mostly left of the frame.
    await waitForHint(page, 'showWrist');
    expect((await magenta(page)).coverage).toBe(0);
    await expect(page.locator('[data-fittingroom=tryon]')).toHaveAttribute(
      'data-tracking',
      'false',
    );
  });
});
