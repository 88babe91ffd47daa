import type { ConsentView } from '../consent/types.js';
import type { Landmarker } from '../ml/landmarker.js';

/** Default grace period of {@link createWarmSlot}: a reopen within a minute starts warm. */
export const REOPEN_GRACE_MS = 60_000;

/** Timers and the page, injectable so the slot's rules are unit-tested without waiting. */
export interface WarmSlotDeps {
  readonly setTimeout?: (run: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
  /** Where `pagehide` is listened for; default `window` when there is one. */
  readonly page?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
}

/**
 * One loaded landmarker kept between `close()` and the next `open()` of a try-on: the wasm is
 * compiled, the model is in memory and the worker is up, so a reopen pays only the camera.
 * The camera is never kept. It holds at most one landmarker and releases it (closes the worker
 * and the wasm graph) when the grace period ends, on `pagehide` and on withdrawal of consent.
 */
export interface WarmSlot {
  /** Keeps `landmarker` for the grace period (a grace of 0 closes it now). */
  park(landmarker: Landmarker): void;
  /** The parked landmarker, now owned by the caller (who closes one of the wrong kind). */
  take(): Landmarker | null;
  /** Closes whatever is parked. */
  release(): Promise<void>;
  /** Releases and stops listening; the slot keeps nothing afterwards. */
  dispose(): Promise<void>;
}

/** Creates the warm slot of one try-on; see {@link WarmSlot}. */
export function createWarmSlot(
  consent: Pick<ConsentView, 'onWithdraw'>,
  graceMs: number = REOPEN_GRACE_MS,
  deps: WarmSlotDeps = {},
): WarmSlot {
  const set = deps.setTimeout ?? ((run, ms) => globalThis.setTimeout(run, ms));
  const clear = deps.clearTimeout ?? ((h) => globalThis.clearTimeout(h as number));
  const page = deps.page === undefined ? (globalThis.window ?? null) : deps.page;
  let parked: Landmarker | null = null;
  let timer: unknown = null;
  const stopTimer = () => {
    if (timer !== null) clear(timer);
    timer = null;
  };
  const release = async () => {
    stopTimer();
    const held = parked;
    parked = null;
    await held?.close();
  };
  // A page put in the back/forward cache or unloaded keeps no worker or wasm alive.
  const onPageHide = () => void release();
  page?.addEventListener('pagehide', onPageHide);
  const unsubscribe = consent.onWithdraw(() => void release());
  return {
    park(landmarker) {
      if (parked && parked !== landmarker) void parked.close();
      stopTimer();
      parked = landmarker;
      if (graceMs <= 0) return void release();
      timer = set(() => void release(), graceMs);
    },
    take() {
      stopTimer();
      const held = parked;
      parked = null;
      return held;
    },
    release,
    async dispose() {
      page?.removeEventListener('pagehide', onPageHide);
      unsubscribe();
      await release();
    },
  };
}
