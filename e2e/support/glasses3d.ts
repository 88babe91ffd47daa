import type { Page } from '@playwright/test';
import { colourStats, hull, shrink } from './colours.js';
import { expect } from './fixtures.js';
import { runLandmarks } from './landmarks.js';
import { gotoTryOn, startTryOn, waitForTracking } from './tryon.js';

/** What the 3D glasses test measured, for the spec's assertions. */
export interface GlassesCheck {
  /** Landmark 168 in the mirrored view (normalized). */
  readonly bridge: readonly [number, number];
  /** Face width (landmarks 234 ↔ 454), normalized to the view width. */
  readonly faceWidth: number;
  readonly front: Awaited<ReturnType<typeof colourStats>>;
  readonly temples: Awaited<ReturnType<typeof colourStats>>;
  /** The eye line's angle in the view (radians, clockwise). */
  readonly roll: number;
  /** Landmark 168's position along the eye line (view-width units), as `front.span` is. */
  readonly bridgeAlong: number;
  /** Outer eye corner to outer eye corner (landmarks 33 ↔ 263), in view-width units. */
  readonly eyeWidth: number;
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
  const front = await colourStats(page, 'magenta', [silhouette], roll);
  const temples = await colourStats(page, 'green', [silhouette]);
  await page.screenshot({ path: screenshot });
  const bridgeAlong = at(168)[0] * Math.cos(roll) + ((at(168)[1] * 3) / 4) * Math.sin(roll);
  const eyeWidth = Math.hypot(at(263)[0] - at(33)[0], ((at(263)[1] - at(33)[1]) * 3) / 4);
  return { bridge: at(168), faceWidth, front, temples, roll, bridgeAlong, eyeWidth };
}
