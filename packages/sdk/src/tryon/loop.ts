/** A running frame loop. */
export interface FrameLoop {
  /** Stops for good; a step in flight finishes but no new one starts. */
  stop(): void;
  /** Skips frames until `resume()` (e.g. while the shopper reviews a photo). */
  pause(): void;
  resume(): void;
}

type VideoWithCallback = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/**
 * Calls `step` once per new video frame (requestVideoFrameCallback, else animation frames),
 * never with two steps in flight: when inference is slower than the camera, frames are
 * skipped rather than queued, so latency never builds up.
 */
export function startFrameLoop(
  video: HTMLVideoElement,
  step: (nowMs: number) => Promise<void>,
  onError: (error: unknown) => void = () => {},
): FrameLoop {
  const v = video as VideoWithCallback;
  const byVideoFrame = typeof v.requestVideoFrameCallback === 'function';
  let stopped = false;
  let paused = false;
  let busy = false;
  let handle = 0;
  const schedule = () => {
    if (stopped) return;
    handle = byVideoFrame ? v.requestVideoFrameCallback!(tick) : requestAnimationFrame(tick);
  };
  const tick = (now: number) => {
    schedule();
    if (paused || busy || stopped) return;
    busy = true;
    step(now)
      .catch(onError)
      .finally(() => {
        busy = false;
      });
  };
  schedule();
  return {
    stop() {
      stopped = true;
      if (byVideoFrame) v.cancelVideoFrameCallback?.(handle);
      else cancelAnimationFrame(handle);
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
    },
  };
}
