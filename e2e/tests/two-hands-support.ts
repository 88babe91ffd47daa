import { expect, test } from '../support/fixtures.js';
import {
  gotoTryOn,
  magenta,
  mirrored,
  SPOTS,
  startTryOn,
  waitForTracking,
} from '../support/tryon.js';
import { onWholeHand, TWO_HANDS_RAISE, wholeHandLeft } from '../support/two-hands.js';

/** Looks of the overlay taken while the try-on runs, to tell a product that moved. */
const LOOKS = 12;

/**
 * Tests, on this file's camera (two hands, one with its ring joints out of view, see
 * two-hands.ts) and the shopper's default options, that a ring goes on the ring finger of the
 * hand whose ring joints are in view, never on the other, and stays there frame after frame.
 */
export function ringOnTheHandInView(raisedOnLeft: boolean): void {
  test.setTimeout(120_000);
  test('the ring goes on the hand whose ring joints are in view, and stays on it', async ({
    page,
  }) => {
    await gotoTryOn(page, { product: 'ring' });
    await startTryOn(page);
    await waitForTracking(page);
    // In view units: the preview mirrors the camera, so each tile shows on the other side.
    const [ex, ey] = mirrored(onWholeHand(SPOTS.ringOnRingFinger, raisedOnLeft));
    const whole = wholeHandLeft(raisedOnLeft) / 640;
    const wholeInView = [1 - whole - 0.5, 0, 1 - whole, 1];
    const raisedInView = [whole, 0, whole + 0.5, (480 - TWO_HANDS_RAISE) / 480];
    const frames: number[] = [];
    for (let i = 0; i < LOOKS; i++) {
      const stats = await magenta(page, [wholeInView, raisedInView]);
      expect(stats.coverage, `look ${i}: a ring is drawn`).toBeGreaterThan(0);
      expect(Math.abs(stats.cx - ex), `look ${i}: x on the ring finger`).toBeLessThan(0.04);
      expect(Math.abs(stats.cy - ey), `look ${i}: y on the ring finger`).toBeLessThan(0.04);
      expect(stats.boxes[1], `look ${i}: nothing on the raised hand`).toBe(0);
      await expect(page.locator('[data-fittingroom=tryon]')).toHaveAttribute(
        'data-tracking',
        'true',
      );
      frames.push(
        Number(await page.locator('[data-fittingroom=tryon]').getAttribute('data-frames')),
      );
      await page.waitForTimeout(250);
    }
    // The looks span many landmark frames, not one frame read twelve times.
    expect(frames.at(-1)! - frames[0]!).toBeGreaterThan(LOOKS);
  });
}
