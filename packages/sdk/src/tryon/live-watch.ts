import type { LiveView } from './view.js';

/** A promise that rejects when `signal` aborts, and a way to stop listening. */
export function abortion(signal: AbortSignal | undefined): {
  promise: Promise<never>;
  dispose(): void;
} {
  let dispose = () => {};
  const promise = new Promise<never>((_, reject) => {
    if (!signal) return;
    const onAbort = () =>
      reject(new DOMException('The try-on was closed while starting.', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    dispose = () => signal.removeEventListener('abort', onAbort);
  });
  promise.catch(() => {}); // only raced; never an unhandled rejection
  return { promise, dispose };
}

/** Calls `onResize` with the stage's new size whenever the overlay canvas changes size. */
export function watchSize(
  view: LiveView,
  onResize: (size: { width: number; height: number }) => void,
): { disconnect(): void } {
  if (typeof ResizeObserver !== 'function') return { disconnect() {} };
  let last = view.stageSize();
  const observer = new ResizeObserver(() => {
    const size = view.stageSize();
    if (size.width === last.width && size.height === last.height) return;
    last = size;
    onResize(size);
  });
  observer.observe(view.canvas);
  return observer;
}

/**
 * What the view shows while starting: `data-phase` on the host (tests read it) and a status.
 * `restarting`: the landmarker is made again after its WebGL context was lost.
 */
export type Phase = 'camera' | 'downloading' | 'initializing' | 'running' | 'restarting';

/** Shows a phase of the start: `data-phase` and its status line. */
export function setPhase(view: LiveView, phase: Phase, status: string): void {
  view.host.dataset.phase = phase;
  view.setStatus(status);
}
