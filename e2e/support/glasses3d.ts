import type { Page } from '@playwright/test';
import { type ColourStats, colourStats, hull, type Polygon, shrink } from './colours.js';
import { expect } from './fixtures.js';
import { runLandmarks } from './landmarks.js';
import { gotoTryOn, startTryOn, waitForTracking } from './tryon.js';

/** What the 3D glasses test measured, for the spec's assertions. */
export interface GlassesCheck {
  /** Landmark 168 in the mirrored view (normalized). */
  readonly bridge: readonly [number, number];
  /** Face width (landmarks 234 ↔ 454), normalized to the view width. */
  readonly faceWidth: number;
  readonly front: ColourStats;
  readonly temples: ColourStats;
  /** The eye line's angle in the view (radians, clockwise). */
  readonly roll: number;
  /** Landmark 168's position along the eye line (view-width units), as `front.span` is. */
  readonly bridgeAlong: number;
  /** Outer eye corner to outer eye corner (landmarks 33 ↔ 263), in view-width units. */
  readonly eyeWidth: number;
}

/** How long {@link settledReadings} waits for the render to settle before it takes the last reading. */
const SETTLE_BOUND_MS = 15_000;

/**
 * Reads the front and temple pixels until two consecutive readings agree (the pose smoothing
 * has settled on the still camera; under load that takes longer than a fixed wait), at most
 * {@link SETTLE_BOUND_MS}; returns the last reading either way, so the limits are unchanged.
 */
async function settledReadings(
  page: Page,
  silhouette: Polygon,
  roll: number,
): Promise<{ front: ColourStats; temples: ColourStats }> {
  const read = async () => ({
    front: await colourStats(page, 'magenta', [silhouette], roll),
    temples: await colourStats(page, 'green', [silhouette]),
  });
  // Agreement: the same temple pixels inside the face, and the front within 2% of its count.
  const agree = (a: Awaited<ReturnType<typeof read>>, b: Awaited<ReturnType<typeof read>>) =>
    a.temples.inside[0] === b.temples.inside[0] &&
    Math.abs(a.front.count - b.front.count) <= 0.02 * Math.max(a.front.count, b.front.count);
  let last = await read();
  const until = Date.now() + SETTLE_BOUND_MS;
  while (Date.now() < until) {
    await page.waitForTimeout(250);
    const next = await read();
    if (agree(last, next)) return next;
    last = next;
  }
  return last;
}

/**
 * Finds the face on the page's fake camera with the same landmarker the try-on runs, then runs
 * the try-on with the flat-coloured test glasses (magenta front, green temples) and measures.
 */
export async function checkGlasses3d(page: Page, screenshot: string): Promise<GlassesCheck> {
  await page.goto('/e2e/pages/landmarks.html');
  const run = await runLandmarks(page, { kind: 'face', frames: 1 });
  const face = run.results[0]?.first;
  expect(face?.length).toBeGreaterThanOrEqual(468);
  const at = (i: number) => [1 - face![i]!.x, face![i]!.y] as const; // mirrored, 4:3 in 4:3
  const faceWidth = Math.hypot(at(234)[0] - at(454)[0], ((at(234)[1] - at(454)[1]) * 3) / 4);
  // The outermost landmarks lie on the face's very edge, where the temples pass beside the head:
  // the silhouette tested is the landmarks' hull a little inside that edge.
  const silhouette = shrink(hull(face!.slice(0, 468).map((_, i) => at(i))), 0.9);
  const roll = Math.atan2(((at(263)[1] - at(33)[1]) * 3) / 4, at(263)[0] - at(33)[0]);

  await gotoTryOn(page, { product: 'glasses', model: 'test' });
  await startTryOn(page);
  await waitForTracking(page);
  await expect(page.locator('[data-fittingroom=tryon]')).toHaveAttribute('data-render', '3d');
  const { front, temples } = await settledReadings(page, silhouette, roll);
  await page.screenshot({ path: screenshot });
  const bridgeAlong = at(168)[0] * Math.cos(roll) + ((at(168)[1] * 3) / 4) * Math.sin(roll);
  const eyeWidth = Math.hypot(at(263)[0] - at(33)[0], ((at(263)[1] - at(33)[1]) * 3) / 4);
  return { bridge: at(168), faceWidth, front, temples, roll, bridgeAlong, eyeWidth };
}
