import type { ConsentView } from '../consent/types.js';
import { FittingRoomError } from '../errors.js';
import { chooseDelegate, type DelegateReason, settledChoice } from './delegate.js';
import type { DownloadProgress } from './download-meter.js';
import type { Engine } from './engine.js';
import { denyMediaPipeTelemetry, installFetchGuard } from './fetch-guard.js';
import { probeGpu } from './gpu-probe.js';
import type { FromWorker, ToWorker } from './messages.js';
import { nextTimestamp } from './timestamps.js';
import type { Delegate, EngineOptions, LandmarkerKind, LandmarkFrame } from './types.js';

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

/** What a landmarker reads a frame from: the live video, or a still for tests and previews. */
export type FrameSource = HTMLVideoElement | HTMLImageElement | HTMLCanvasElement | ImageBitmap;

/** Pixel size of a frame source. */
export function sourceSize(source: FrameSource): { width: number; height: number } {
  if ('videoWidth' in source) return { width: source.videoWidth, height: source.videoHeight };
  if ('naturalWidth' in source) return { width: source.naturalWidth, height: source.naturalHeight };
  return { width: source.width, height: source.height };
}

/** A running landmarker; one per kind, reused across frames. */
export interface Landmarker {
  readonly kind: LandmarkerKind;
  readonly mode: 'worker' | 'main';
  readonly delegate: Delegate;
  /** Why that delegate runs (a forced one says `requested`). */
  readonly delegateReason: DelegateReason;
  /** Landmarks of the source's current frame; resolves null when closed meanwhile. */
  detect(source: FrameSource, timestampMs: number): Promise<LandmarkFrame | null>;
  /** Releases the worker, the wasm graph and the withdrawal subscription. Safe to call twice. */
  close(): Promise<void>;
}

const WORKER_FILE = 'ml-worker.js';

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
  const backend = await (mode === 'worker' ? startWorker : startMain)(engineOpts, config).catch(
    (error: unknown) => {
      throw downloadCut(received) || options.signal?.aborted ? asDownloadError(error) : error;
    },
  );
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
    async close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      await backend.close();
    },
  };
  return landmarker;
}

/**
 * The frame to hand to the worker. A VideoFrame of the video wraps the camera's buffer without
 * copying it (createImageBitmap copies every frame on the main thread); stills and browsers
 * without WebCodecs take the bitmap path.
 */
async function grabFrame(
  source: FrameSource,
  timestampMs: number,
): Promise<ImageBitmap | VideoFrame> {
  if (typeof VideoFrame === 'function' && source instanceof HTMLVideoElement) {
    try {
      return new VideoFrame(source, { timestamp: Math.round(timestampMs * 1000) });
    } catch {
      // No frame decoded yet, or a browser that cannot wrap this video: copy instead.
    }
  }
  return createImageBitmap(source);
}

interface Backend {
  readonly delegate: Delegate;
  detect(source: FrameSource, timestampMs: number): Promise<LandmarkFrame | null>;
  close(): Promise<void>;
}

async function startMain(options: EngineOptions, config: LandmarkerOptions): Promise<Backend> {
  // On the page we may not restrict the retailer's own fetches: block only MediaPipe's logging.
  const removeGuard = installFetchGuard(
    globalThis as unknown as { fetch: typeof fetch },
    globalThis.location.href,
    denyMediaPipeTelemetry,
    config.onBlocked,
  );
  let engine: Engine;
  try {
    const { createEngine } = await import('./engine.js');
    const created = createEngine(options, config.onProgress);
    // tasks-vision's own fetches cannot be aborted on the page: a late engine is closed instead.
    engine = await new Promise<Engine>((resolve, reject) => {
      created.then((e) => (config.signal?.aborted ? e.close() : resolve(e)), reject);
      config.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
  } catch (error) {
    removeGuard();
    throw new FittingRoomError('ml_load_failed', 'Could not load the try-on model.', {
      cause: error,
    });
  }
  return {
    delegate: engine.delegate,
    async detect(source, timestampMs) {
      const { width, height } = sourceSize(source);
      return engine.detect(source, timestampMs, width, height);
    },
    async close() {
      // tasks-vision's close() clears its log timer and calls fetch synchronously to flush the
      // log, so the guard can go right after it.
      engine.close();
      removeGuard();
    },
  };
}

async function startWorker(options: EngineOptions, config: LandmarkerOptions): Promise<Backend> {
  const url = config.workerUrl ?? new URL(WORKER_FILE, options.assetsUrl);
  const worker = new Worker(url, { type: 'module', name: 'fittingroom-ml' });
  const pending = new Map<number, (frame: LandmarkFrame | null) => void>();
  let nextId = 0;
  let onClosed: (() => void) | null = null;
  const ready = new Promise<Delegate>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'ready') resolve(message.delegate);
      else if (message.type === 'result') settle(message.id, message.frame);
      else if (message.type === 'blocked') config.onBlocked?.(message.url);
      else if (message.type === 'progress')
        config.onProgress?.({ loaded: message.loaded, total: message.total });
      else if (message.type === 'closed') onClosed?.();
      else if (message.type === 'error') {
        if (message.id === null) reject(new Error(message.message));
        else settle(message.id, null);
      }
    };
    worker.onerror = (event) => reject(new Error(event.message || 'worker failed to start'));
    config.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
  });
  const settle = (id: number, frame: LandmarkFrame | null) => {
    pending.get(id)?.(frame);
    pending.delete(id);
  };
  const send = (message: ToWorker, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  const origins = [...new Set([globalThis.location.origin, new URL(options.assetsUrl).origin])];
  send({ type: 'init', options, allowedOrigins: origins });
  let delegate: Delegate;
  try {
    delegate = await ready;
  } catch (error) {
    worker.terminate();
    throw new FittingRoomError('ml_load_failed', 'Could not load the try-on model.', {
      cause: error,
    });
  }
  return {
    delegate,
    async detect(source, timestampMs) {
      const image = await grabFrame(source, timestampMs);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ type: 'detect', id, image, timestampMs }, [image]);
      });
    },
    async close() {
      const closedAck = new Promise<void>((resolve) => {
        onClosed = resolve;
        setTimeout(resolve, 500);
      });
      send({ type: 'close' });
      await closedAck;
      worker.terminate();
      for (const resolve of pending.values()) resolve(null);
      pending.clear();
    },
  };
}
