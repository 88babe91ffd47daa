import { expect, test } from '../support/fixtures.js';
import { FOREARM_PHOTOS, type ForearmMarks, type ForearmPhoto } from '../support/forearm-photos.js';
import { runLandmarks } from '../support/landmarks.js';

// The real forearm photos behind the positive wrist tests: MediaPipe (through the SDK's
// landmarker, default options) finds the one hand in each, its wrist landmark at the wrist
// crease measured on the photo.
test('the hand landmarker finds the hand and its wrist in every forearm photo', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/e2e/pages/landmarks.html');
  for (const [name, photo] of Object.entries(FOREARM_PHOTOS) as [ForearmPhoto, ForearmMarks][]) {
    const run = await runLandmarks(page, { kind: 'hand', photo: `${name}.webp` });
    const [frame] = run.results;
    expect(frame?.count, name).toBe(1);
    expect(frame?.sizes, name).toEqual([21]);
    expect(frame?.handedness, name).toEqual([name.includes('left') ? 'Left' : 'Right']);
    const [w, h] = photo.size;
    const wrist = frame?.first?.[0];
    // Landmark 0 within 4% of the photo's width of the crease, and between the arm's edges.
    expect(Math.abs((wrist?.x ?? -1) * w - photo.creaseX), name).toBeLessThan(0.04 * w);
    expect(Math.abs((wrist?.y ?? -1) * h - photo.watch[1]), name).toBeLessThan(0.15 * h);
  }
});
