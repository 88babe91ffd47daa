/** What was measured on one forearm photo (see {@link FOREARM_PHOTOS}), in photo pixels. */
export interface ForearmMarks {
  readonly size: readonly [number, number];
  readonly axisDeg: number;
  readonly creaseX: number;
  readonly watch: readonly [number, number];
  readonly handPx: number;
}

function marks(
  size: ForearmMarks['size'],
  axisDeg: number,
  creaseX: number,
  watch: ForearmMarks['watch'],
  handPx: number,
): ForearmMarks {
  return { size, axisDeg, creaseX, watch, handPx };
}

/**
 * The real forearm photos (`fixtures/photos/forearm-*.webp`, see LICENSES.md there) and where a
 * watch belongs on each, measured on the photo itself rather than by the SDK, so a wrist test
 * compares the SDK with the picture. How each value was taken, in photo pixels:
 * - `axisDeg`: the forearm's direction in the picture (toward the hand, clockwise from +x): a
 *   least-squares line through the midpoints of the arm's silhouette (the photos are cut-outs,
 *   so the alpha mask is the arm's outline) in the columns between the left edge, where the arm
 *   enters, and 60% of the way to the wrist crease;
 * - `creaseX`: where the forearm's outline starts to widen into the heel of the hand (the wrist
 *   crease), marked by eye on a 3× enlargement with a 10 px grid;
 * - `watch`: the midpoint of the silhouette's cross-section, square to that axis, lying a quarter
 *   of the wrist's width (≈ 15 mm on a 56–64 mm wrist, a finger's width) behind the crease
 *   toward the elbow: where a watch is worn, just above the wrist bone;
 * - `handPx`: the hand's size, the diagonal of the box around its outline from the crease to
 *   the fingertips (what "4% of the hand size" is taken of).
 */
export const FOREARM_PHOTOS = {
  'forearm-left-palm': marks([276, 200], -4.1, 50, [29.7, 117.4], 265.2),
  'forearm-left-back': marks([302, 200], 13.5, 50, [27.6, 100.7], 275.3),
  'forearm-right-palm': marks([293, 200], 16.0, 52, [32.7, 88.5], 263.6),
  'forearm-right-back': marks([273, 200], -21.9, 38, [18.0, 133.1], 271.6),
} as const;

/** One of the forearm photos. */
export type ForearmPhoto = keyof typeof FOREARM_PHOTOS;

/** Height of a forearm photo scaled to the 640 px wide fake camera (even, as y4m needs). */
export function scaledHeight(name: ForearmPhoto): number {
  const [w, h] = FOREARM_PHOTOS[name].size;
  return 2 * Math.round((h * 640) / w / 2);
}

/**
 * The ffmpeg filter of a forearm camera: the cut-out on white (`negate, premultiply, negate`
 * turns the transparent background white), 640 px wide, centred vertically in 640×480, its left
 * edge on the frame's left edge, so the forearm leaves the frame there as it leaves the photo.
 */
export function forearmFilter(name: ForearmPhoto): string {
  const h = scaledHeight(name);
  return `format=rgba,negate,premultiply=inplace=1,negate,scale=640:${h},pad=640:480:0:${(480 - h) / 2}:white`;
}

/** A photo pixel of a forearm photo in the fake camera's frame, normalized (0..1). */
export function inForearmCamera(name: ForearmPhoto, [x, y]: readonly number[]): [number, number] {
  const [w, h] = FOREARM_PHOTOS[name].size;
  const sh = scaledHeight(name);
  return [((x ?? 0) * 640) / w / 640, ((480 - sh) / 2 + ((y ?? 0) * sh) / h) / 480];
}
