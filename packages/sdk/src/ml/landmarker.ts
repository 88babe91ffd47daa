import type { ConsentView } from '../consent/types.js';
import { createEmitter } from '../emitter.js';
import { FittingRoomError } from '../errors.js';
import type { GlChange } from '../gl/recovery.js';
import { type FrameSource, startMain, startWorker } from './backends.js';
import { chooseDelegate, type DelegateReason, settledChoice } from './delegate.js';
import type { DownloadProgress } from './download-meter.js';
import { probeGpu } from './gpu-probe.js';
import { nextTimestamp } from './timestamps.js';
import type { Delegate, EngineOptions, LandmarkerKind, LandmarkFrame } from './types.js';

export { type FrameSource, sourceSize } from './backends.js';

/**
 * A change of the landmarker's WebGL context (tasks-vision keeps one, on the CPU delegate too):
 * lost, made again (detection resumes), or not possible (`ml_context_lost`; close it and start
 * a new one).
 */
export type LandmarkerContextChange =
  | { readonly state: 'lost' }
  | { readonly state: 'restored' }
  | { readonly state: 'failed'; readonly error: FittingRoomError };

/** Options of {@link createLandmarker}. */
export interface LandmarkerOptions {
  readonly kind: LandmarkerKind;
  /** URL of the self-hosted assets folder (models, wasm, tasks-vision). */
  readonly assetsUrl: string | URL;
  /** The shopper's consent; the landmarker refuses to start without `camera` and closes on withdrawal. */
  readonly consent: ConsentView;
  /** `worker` (default where supported) keeps inference off the main thread. */
  readonly mode?: 'auto' | 'worker' | 'main';
  /** URL of the SDK's `ml-worker.js`; default `ml-worker.js` in the assets folder. */
  readonly workerUrl?: string | URL | undefined;
  /**
   * Default: chosen for this device (see `chooseDelegate`): GPU for hands only on a hardware
   * WebGL2 renderer, CPU on a software one; CPU for faces, because the offline face bundle's
   * 478-point refinement uses GATHER, which MediaPipe's GPU delegate lacks. Set it to force one.
   */
  readonly delegate?: Delegate | undefined;
  /** The WebGL2 probe behind the default delegate (tests pass a fake). */
  readonly probeGpu?: typeof probeGpu;
  readonly model?: 'full' | 'lite';
  readonly maxHands?: number;
  readonly maxFaces?: number;
  /** Called when a request by MediaPipe was blocked (its usage logging, for one). */
  readonly onBlocked?: (url: string) => void;
  /** Called as the wasm and model bytes arrive (the total is 0 until both sizes are known). */
  readonly onProgress?: (progress: DownloadProgress) => void;
  /**
   * Aborts a start still under way (a stalled download, say): the worker and its fetches end
   * at once, and the promise rejects with `ml_download_failed`.
   */
  readonly signal?: AbortSignal | undefined;
}

/** A running landmarker; one per kind, reused across frames. */
export interface Landmarker {
  readonly kind: LandmarkerKind;
  readonly mode: 'worker' | 'main';
  readonly delegate: Delegate;
  /** Why that delegate runs (a forced one says `requested`). */
  readonly delegateReason: DelegateReason;
  /**
   * Landmarks of the source's current frame; resolves null when closed meanwhile, or while a
   * lost WebGL context is being made again.
   */
  detect(source: FrameSource, timestampMs: number): Promise<LandmarkFrame | null>;
  /** Subscribes to changes of its WebGL context; returns an unsubscribe function. */
  onContext(listener: (change: LandmarkerContextChange) => void): () => void;
  /** Releases the worker, the wasm graph and the withdrawal subscription. Safe to call twice. */
  close(): Promise<void>;
}

function resolveMode(mode: LandmarkerOptions['mode']): 'worker' | 'main' {
  if (mode === 'worker' || mode === 'main') return mode;
  const ok =
    typeof Worker === 'function' &&
    typeof OffscreenCanvas === 'function' &&
    typeof createImageBitmap === 'function';
  return ok ? 'worker' : 'main';
}

function engineOptions(options: LandmarkerOptions, delegate: Delegate): EngineOptions {
  const assetsUrl = new URL(String(options.assetsUrl), globalThis.location?.href).href;
  return {
    kind: options.kind,
    assetsUrl: assetsUrl.endsWith('/') ? assetsUrl : `${assetsUrl}/`,
    delegate,
    model: options.model ?? 'full',
    maxHands: options.maxHands ?? 1,
    maxFaces: options.maxFaces ?? 1,
  };
}

/** True when a download had started and had not finished: the connection, not the device. */
function downloadCut(progress: DownloadProgress | null): boolean {
  return progress !== null && (progress.total === 0 || progress.loaded < progress.total);
}

function asDownloadError(error: unknown): FittingRoomError {
  const cause = error instanceof FittingRoomError ? (error.cause ?? error) : error;
  return new FittingRoomError('ml_download_failed', 'The try-on download was interrupted.', {
    cause,
  });
}

/**
 * Starts on-device landmark detection for one kind. Refuses without `camera` consent; loads
 * MediaPipe only now (dynamic import from the self-hosted assets); closes itself on withdrawal.
 */
export async function createLandmarker(options: LandmarkerOptions): Promise<Landmarker> {
  if (!options.consent.allows('camera')) {
    throw new FittingRoomError('consent_required', 'Camera consent is required to run try-on.');
  }
  const chosen = chooseDelegate(options.kind, options.delegate, options.probeGpu ?? probeGpu);
  const engineOpts = engineOptions(options, chosen.delegate);
  const mode = resolveMode(options.mode);
  let received: DownloadProgress | null = null;
  const config: LandmarkerOptions = {
    ...options,
    onProgress: (progress) => {
      received = progress;
      options.onProgress?.(progress);
    },
  };
  const changes = createEmitter<{ context: LandmarkerContextChange }>();
  const onContext = (change: GlChange) => changes.emit('context', typedChange(change));
  const start = mode === 'worker' ? startWorker : startMain;
  const backend = await start(engineOpts, config, onContext).catch((error: unknown) => {
    throw downloadCut(received) || options.signal?.aborted ? asDownloadError(error) : error;
  });
  const settled = settledChoice(chosen, backend.delegate);
  let last = -1;
  let closed = false;
  const unsubscribe = options.consent.onWithdraw(() => {
    void landmarker.close();
  });
  const landmarker: Landmarker = {
    kind: options.kind,
    mode,
    delegate: settled.delegate,
    delegateReason: settled.reason,
    async detect(source, timestampMs) {
      if (closed) return null;
      last = nextTimestamp(last, timestampMs);
      return backend.detect(source, last);
    },
    onContext: (listener) => changes.on('context', listener),
    async close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      changes.clear();
      await backend.close();
    },
  };
  return landmarker;
}

function typedChange(change: GlChange): LandmarkerContextChange {
  if (change.state !== 'failed') return change;
  const error = new FittingRoomError(
    'ml_context_lost',
    'The device took the try-on’s graphics context away and it could not be made again.',
    { cause: change.error },
  );
  return { state: 'failed', error };
}
