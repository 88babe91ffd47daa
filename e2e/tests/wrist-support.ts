import { expect, test } from '../support/fixtures.js';
import { FOREARM_PHOTOS, type ForearmPhoto, inForearmCamera } from '../support/forearm-photos.js';
import {
  gotoTryOn,
  magenta,
  mirrored,
  startTryOn,
  trackingEvents,
  waitForHint,
  waitForTracking,
} from '../support/tryon.js';

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

/** Smallest difference between two line directions (radians, modulo half a turn), in degrees. */
function lineAngleDeg(a: number, b: number): number {
  const d = (((a - b) % Math.PI) + Math.PI) % Math.PI;
  return (Math.min(d, Math.PI - d) * 180) / Math.PI;
}

/**
 * Tests that on a real forearm photo (this file's camera) a watch, with the shopper's default
 * options, sits across the wrist where the photo says a watch goes: its centre within 4% of the
 * hand's size of the measured point, its long side within 10° of square to the forearm.
 */
export function watchAcrossTheWrist(photo: ForearmPhoto): void {
  test.setTimeout(120_000);
  test('a watch sits across the wrist, square to the forearm', async ({ page }) => {
    const spec = FOREARM_PHOTOS[photo];
    await gotoTryOn(page, { product: 'watch' });
    await startTryOn(page);
    await waitForTracking(page);
    const stats = await magenta(page);
    expect(stats.coverage).toBeGreaterThan(0);
    // In view units (the preview is mirrored; camera and view are both 4:3, 640 px wide).
    const [ex, ey] = mirrored(inForearmCamera(photo, spec.watch));
    const [w] = spec.size;
    const handInView = spec.handPx / w;
    const error = Math.hypot(stats.cx - ex, ((stats.cy - ey) * 480) / 640) / handInView;
    // The watch's long side lies across the arm: the forearm's direction turned 90°, mirrored.
    const across = -((spec.axisDeg + 90) * Math.PI) / 180;
    const turn = lineAngleDeg(stats.angle, across);
    const measured = `centre ${(error * 100).toFixed(1)}% of the hand size, rotation ${turn.toFixed(1)}°`;
    test.info().annotations.push({ type: 'measured', description: measured });
    expect(error).toBeLessThan(0.04);
    expect(turn).toBeLessThan(10);
    expect(await trackingEvents(page)).toContain(true);
  });
}
