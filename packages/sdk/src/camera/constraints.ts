/** Capture sizes cameras commonly offer, smallest first (16:9 and 4:3). */
const LADDER = [
  [320, 240],
  [640, 480],
  [960, 540],
  [1280, 720],
  [1920, 1080],
] as const;

/**
 * Video constraints for the front camera, sized to the view: the smallest common capture size
 * that covers the view's device pixels (bigger frames only cost inference time and battery).
 * A portrait view (a phone held upright, where the try-on fills the screen) asks for a portrait
 * frame, so the cover-fitted video crops little of what the camera sees.
 */
export function videoConstraints(
  viewWidth: number,
  viewHeight: number,
  devicePixelRatio = 1,
): MediaTrackConstraints {
  const need = Math.max(viewWidth, viewHeight) * Math.max(1, devicePixelRatio);
  const [long, short] = LADDER.find(([w]) => w >= need) ?? LADDER[LADDER.length - 1]!;
  const portrait = viewHeight > viewWidth;
  const [width, height] = portrait ? [short, long] : [long, short];
  return {
    facingMode: 'user',
    width: { ideal: width },
    height: { ideal: height },
    ...(portrait ? { aspectRatio: { ideal: short / long } } : {}),
    frameRate: { ideal: 30, max: 30 },
  };
}
