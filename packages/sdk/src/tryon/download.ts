import type { DownloadProgress } from '../ml/download-meter.js';
import { createLandmarker, type Landmarker } from '../ml/landmarker.js';
import type { LandmarkerKind } from '../ml/types.js';
import type { LiveOptions } from './live.js';

/**
 * How long a download may receive no byte before the shopper is told it stalled and offered
 * to start it again (a phone between cells, a captive portal, a proxy holding the line).
 */
export const STALL_MS = 15_000;

/** Timers, injectable for tests. */
export interface StallTimers {
  readonly setTimeout?: (run: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
}

/** Calls `onStall` when `progress()` is not called for `ms`, and `onFlowing` when bytes come again. */
export function watchStall(
  onStall: () => void,
  onFlowing: () => void,
  ms = STALL_MS,
  timers: StallTimers = {},
): { progress(): void; stop(): void } {
  const set = timers.setTimeout ?? ((run, t) => globalThis.setTimeout(run, t));
  const clear = timers.clearTimeout ?? ((h) => globalThis.clearTimeout(h as number));
  let stalled = false;
  let timer: unknown = null;
  const arm = () => {
    if (timer !== null) clear(timer);
    timer = set(() => {
      stalled = true;
      onStall();
    }, ms);
  };
  arm();
  return {
    progress() {
      if (stalled) onFlowing();
      stalled = false;
      arm();
    },
    stop() {
      if (timer !== null) clear(timer);
      timer = null;
    },
  };
}

/**
 * Loads a landmarker cold, showing the download's bytes, then "starting" once all are in. A
 * download that stalls says so with a retry that aborts it (the worker and its connections end)
 * and starts a fresh one; the camera stays on meanwhile.
 */
export async function downloadLandmarker(
  options: LiveOptions,
  kind: LandmarkerKind,
): Promise<Landmarker> {
  const { view, strings } = options;
  for (;;) {
    const attempt = new AbortController();
    // The session's abort (closed or withdrawn while loading) ends the attempt too.
    const stop = () => attempt.abort();
    options.signal?.addEventListener('abort', stop, { once: true });
    view.host.dataset.phase = 'downloading';
    view.setStatus(strings.loading);
    view.setDownload({ loaded: 0, total: 0 });
    const stall = watchStall(
      () => {
        view.host.dataset.phase = 'stalled';
        view.setStatus(strings.download_stalled);
        view.offerRetry(() => attempt.abort());
      },
      () => {
        view.offerRetry(null);
        view.host.dataset.phase = 'downloading';
        view.setStatus(strings.loading);
      },
    );
    const onProgress = (progress: DownloadProgress) => {
      stall.progress();
      view.setDownload(progress);
      const done = progress.total > 0 && progress.loaded >= progress.total;
      if (done && view.host.dataset.phase === 'downloading') {
        stall.stop(); // all bytes in: compiling and starting are not a stalled download
        view.host.dataset.phase = 'initializing';
        view.setStatus(strings.initializing);
      }
    };
    try {
      return await createLandmarker({
        kind,
        assetsUrl: options.assetsUrl,
        consent: options.consent,
        mode: options.inference,
        delegate: options.delegate,
        workerUrl: options.workerUrl,
        signal: attempt.signal,
        onProgress,
      });
    } catch (error) {
      if (!attempt.signal.aborted || options.signal?.aborted) throw error;
    } finally {
      options.signal?.removeEventListener('abort', stop);
      stall.stop();
      view.offerRetry(null);
    }
  }
}
