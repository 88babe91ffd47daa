import { expect, test } from '../support/fixtures.js';
import {
  around,
  gotoTryOn,
  magenta,
  mirrored,
  SPOTS,
  startTryOn,
  waitForTracking,
} from '../support/tryon.js';

// The hand at 3/4 size, moved 160 px right and 60 px down, so the wrist is inside the frame.
test.use({ camera: 'hand-wide' });
test.setTimeout(120_000);

const wide = ([x, y]: readonly [number, number]): [number, number] => [
  (160 + x * 480) / 640,
  (60 + y * 360) / 480,
];

test('a watch sits on the wrist, just behind the joint, and not on the fingers', async ({
  page,
}) => {
  await gotoTryOn(page, { product: 'watch' });
  await startTryOn(page);
  await waitForTracking(page);
  const wrist = mirrored(wide([1 / 640, 267 / 480]));
  const stats = await magenta(page, [
    around(wrist, 0.09),
    around(mirrored(wide(SPOTS.indexTip)), 0.08),
    around(mirrored(wide(SPOTS.ringOnRingFinger)), 0.05),
  ]);
  expect(stats.boxes[0]).toBeGreaterThan(100);
  expect(stats.boxes[1]).toBe(0);
  expect(stats.boxes[2]).toBe(0);
  // Behind the wrist means further from the fingers: right of the wrist in the mirrored view.
  expect(stats.cx).toBeGreaterThan(wrist[0]);
  expect(Math.abs(stats.cy - wrist[1])).toBeLessThan(0.06);
});
