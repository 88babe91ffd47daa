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
 */
export function videoConstraints(
  viewWidth: number,
  viewHeight: number,
  devicePixelRatio = 1,
): MediaTrackConstraints {
  const need = Math.max(viewWidth, viewHeight) * Math.max(1, devicePixelRatio);
  const [width, height] = LADDER.find(([w]) => w >= need) ?? LADDER[LADDER.length - 1]!;
  return {
    facingMode: 'user',
    width: { ideal: width },
    height: { ideal: height },
    frameRate: { ideal: 30, max: 30 },
  };
}
