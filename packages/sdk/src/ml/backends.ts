// Where a landmarker's engine runs: in a module worker (frames transferred, landmarks back) or
// on the page. Both report the engine's WebGL context changes (see gl/recovery.ts).
import { FittingRoomError } from '../errors.js';
import type { GlChange } from '../gl/recovery.js';
import type { Engine } from './engine.js';
import { denyMediaPipeTelemetry, installFetchGuard } from './fetch-guard.js';
import type { LandmarkerOptions } from './landmarker.js';
import type { FromWorker, ToWorker } from './messages.js';
import type { Delegate, EngineOptions, LandmarkFrame } from './types.js';

/** What a landmarker reads a frame from: the live video, or a still for tests and previews. */
export type FrameSource = HTMLVideoElement | HTMLImageElement | HTMLCanvasElement | ImageBitmap;

/** Pixel size of a frame source. */
export function sourceSize(source: FrameSource): { width: number; height: number } {
  if ('videoWidth' in source) return { width: source.videoWidth, height: source.videoHeight };
  if ('naturalWidth' in source) return { width: source.naturalWidth, height: source.naturalHeight };
  return { width: source.width, height: source.height };
}

const WORKER_FILE = 'ml-worker.js';

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

/** A started engine, wherever it runs. */
export interface Backend {
  readonly delegate: Delegate;
  detect(source: FrameSource, timestampMs: number): Promise<LandmarkFrame | null>;
  close(): Promise<void>;
}

/** Runs the engine on the page (`inference: 'main'`, or no worker support). */
export async function startMain(
  options: EngineOptions,
  config: LandmarkerOptions,
  onContext: (change: GlChange) => void,
): Promise<Backend> {
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
    const created = createEngine(options, config.onProgress, onContext);
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

/** Runs the engine in the SDK's module worker. */
export async function startWorker(
  options: EngineOptions,
  config: LandmarkerOptions,
  onContext: (change: GlChange) => void,
): Promise<Backend> {
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
      else if (message.type === 'context') onContext(workerChange(message));
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

/** A context change the worker reported, as the engine reported it there. */
function workerChange(message: Extract<FromWorker, { type: 'context' }>): GlChange {
  if (message.state !== 'failed') return { state: message.state };
  return { state: 'failed', error: new Error(message.message ?? 'WebGL context lost') };
}
