import { expect, test } from '../support/fixtures.js';
import { HAND_INDEX_TIP, inBox, runLandmarks } from '../support/landmarks.js';

test.use({ camera: 'hand' });

test('hand landmarker tracks the hand in every frame of the fake camera', async ({
  page,
  network,
}) => {
  await page.goto('/e2e/pages/landmarks.html?csp=off');
  const run = await runLandmarks(page, { kind: 'hand', frames: 10 });
  expect(run.mode).toBe('worker');
  for (const frame of run.results) {
    expect(frame.width).toBe(640);
    expect(frame.sizes).toEqual([21]);
    expect(inBox(frame.first?.[8], HAND_INDEX_TIP)).toBe(true);
  }
  expect(network.foreign()).toEqual([]);
});
