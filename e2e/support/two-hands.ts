// Two hands in one frame, made from handSrc.jpg by ffmpeg (the fake cameras `two-hands*` and
// the accuracy benchmark's two-hand variants): the photo turned fingers up (a left hand, back to
// the camera) in a 320×480 tile, and beside it the same mirrored (a right hand) raised so far
// that the top of the frame cuts its ring finger between knuckle and middle joint; the table's
// grey fills the tile below its wrist. A ring belongs on the first hand only: the second's ring
// joints are out of view.

/** How far the raised hand is moved up, in frame pixels. */
export const TWO_HANDS_RAISE = 200;

// Turned fingers up: 480×640, 26.7 px cut from each side to 3:4.5, scaled to 320×480.
const UP = 'transpose=2,crop=427:640:27:0,scale=320:480';
const RAISED = `transpose=2,hflip,crop=427:640:27:0,scale=320:480,crop=320:${480 - TWO_HANDS_RAISE}:0:${TWO_HANDS_RAISE},pad=320:480:0:0:0xC8CAC4`;

/** The ffmpeg filter (one input, one 640×480 output); the raised hand on the left or right. */
export function twoHandsFilter(raisedOnLeft: boolean): string {
  const tiles = raisedOnLeft ? '[raised][whole]' : '[whole][raised]';
  return `split[p][q];[p]${UP}[whole];[q]${RAISED}[raised];${tiles}hstack`;
}

/** Left edge (frame pixels) of the tile of the hand whose ring joints are in view. */
export function wholeHandLeft(raisedOnLeft: boolean): number {
  return raisedOnLeft ? 320 : 0;
}

/** A point of handSrc.jpg (normalized) where it shows on the whole hand, normalized. */
export function onWholeHand(
  [nx, ny]: readonly [number, number],
  raisedOnLeft: boolean,
): [number, number] {
  const [x, y] = [nx * 640, ny * 480];
  // transpose=2 turns (x, y) to (y, 639 − x); then the crop at 27 and the scale of 320/427, 3/4.
  const tx = ((y - 27) * 320) / 427;
  const ty = (639 - x) * 0.75;
  return [(wholeHandLeft(raisedOnLeft) + tx) / 640, ty / 480];
}
