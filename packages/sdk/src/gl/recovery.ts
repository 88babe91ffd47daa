// What to do when the device takes a WebGL context away (a GPU reset, a phone reclaiming memory,
// too many contexts): MediaPipe keeps no state it could rebuild on a restored context, and three.js
// only rebuilds its own, so the owner makes everything again on a fresh canvas. This module holds
// the rules of that (when to try, how often, when to give up); the owners hold the effects.

/** Where a context's owner stands. */
export type GlState = 'ok' | 'lost' | 'failed';

/** A change an owner reports to its listeners. */
export type GlChange =
  | { readonly state: 'lost' }
  | { readonly state: 'restored' }
  | { readonly state: 'failed'; readonly error: unknown };

/** Options of {@link createGlRecovery}. */
export interface GlRecoveryOptions {
  /** Makes the lost resources again on a fresh context; rejects when it cannot. */
  readonly recreate: () => Promise<void>;
  /** Told of each change, in order. */
  readonly onChange: (change: GlChange) => void;
  /**
   * Waits before each attempt, in ms: a context asked for right after a GPU reset is often
   * refused, so the later attempts wait longer. Default {@link RECOVERY_DELAYS_MS}.
   */
  readonly delaysMs?: readonly number[] | undefined;
  readonly setTimeout?: (run: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
}

/** Default waits before each attempt: at once, then after 0.5 s and 2 s; then it gives up. */
export const RECOVERY_DELAYS_MS: readonly number[] = [0, 500, 2000];

/** The recovery of one owner's context; see {@link createGlRecovery}. */
export interface GlRecovery {
  readonly state: GlState;
  /** The context was lost (again): start over from the first attempt. */
  lost(): void;
  /** Stops for good: no attempt runs after this, and nothing more is reported. */
  dispose(): void;
}

/**
 * Runs the recovery of one context: on {@link GlRecovery.lost} it reports `lost`, then calls
 * `recreate` after each of `delaysMs` until one succeeds (`restored`) or all failed (`failed`,
 * with the last error). A loss during an attempt restarts the attempts: what that attempt made
 * was made on a context that is gone too.
 */
export function createGlRecovery(options: GlRecoveryOptions): GlRecovery {
  const delays = options.delaysMs ?? RECOVERY_DELAYS_MS;
  const set = options.setTimeout ?? ((run, ms) => globalThis.setTimeout(run, ms));
  const clear = options.clearTimeout ?? ((h) => globalThis.clearTimeout(h as number));
  let state: GlState = 'ok';
  let generation = 0; // bumped by every loss and by dispose: a stale attempt's result is dropped
  let timer: unknown = null;
  let disposed = false;

  const attempt = (index: number, run: number) => {
    timer = set(() => {
      timer = null;
      options.recreate().then(
        () => {
          if (run !== generation) return;
          state = 'ok';
          options.onChange({ state: 'restored' });
        },
        (error: unknown) => {
          if (run !== generation) return;
          if (index + 1 < delays.length) return attempt(index + 1, run);
          state = 'failed';
          options.onChange({ state: 'failed', error });
        },
      );
    }, delays[index] ?? 0);
  };

  return {
    get state() {
      return state;
    },
    lost() {
      if (disposed || state === 'failed') return;
      generation++;
      if (timer !== null) clear(timer);
      timer = null;
      const wasLost = state === 'lost';
      state = 'lost';
      if (!wasLost) options.onChange({ state: 'lost' });
      if (delays.length === 0) {
        state = 'failed';
        options.onChange({ state: 'failed', error: new Error('no recovery attempt allowed') });
        return;
      }
      attempt(0, generation);
    },
    dispose() {
      disposed = true;
      generation++;
      if (timer !== null) clear(timer);
      timer = null;
    },
  };
}
