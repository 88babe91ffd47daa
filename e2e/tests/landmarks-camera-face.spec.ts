import { expect, test } from '../support/fixtures.js';
import {
  FACE_IRIS_468,
  FACE_IRIS_473,
  faceBoxInCamera,
  inBox,
  runLandmarks,
} from '../support/landmarks.js';

test.use({ camera: 'face' });

test('face landmarker tracks the face in every frame of the fake camera', async ({
  page,
  network,
}) => {
  await page.goto('/e2e/pages/landmarks.html?csp=off');
  const run = await runLandmarks(page, { kind: 'face', frames: 10 });
  for (const frame of run.results) {
    expect(frame.sizes).toEqual([478]);
    expect(inBox(frame.first?.[468], faceBoxInCamera(FACE_IRIS_468))).toBe(true);
    expect(inBox(frame.first?.[473], faceBoxInCamera(FACE_IRIS_473))).toBe(true);
  }
  const hands = await runLandmarks(page, { kind: 'hand', frames: 3 });
  expect(hands.results.map((r) => r.count)).toEqual([0, 0, 0]);
  expect(network.foreign()).toEqual([]);
});
