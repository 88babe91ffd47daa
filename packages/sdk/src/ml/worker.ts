/// <reference lib="webworker" />
// The inference worker: frames arrive transferred (VideoFrame or ImageBitmap), landmarks go back. Nothing
// else leaves: `fetch` is restricted to the SDK's own origins before MediaPipe is loaded.

import type { DownloadProgress } from './download-meter.js';
import { createEngine, type Engine } from './engine.js';
import { allowOrigins, installFetchGuard } from './fetch-guard.js';
import { inferenceSize } from './inference-size.js';
import type { FromWorker, ToWorker } from './messages.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => scope.postMessage(message);
let engine: Engine | null = null;
let guarded = false;

async function init(message: Extract<ToWorker, { type: 'init' }>): Promise<void> {
  if (!guarded) {
    const report = (url: string) => post({ type: 'blocked', url });
    installFetchGuard(scope, scope.location.href, allowOrigins(message.allowedOrigins), report);
    guarded = true;
  }
  const progress = ({ loaded, total }: DownloadProgress) =>
    post({ type: 'progress', loaded, total });
  engine = await createEngine(message.options, progress, (change) =>
    post(
      change.state === 'failed'
        ? { type: 'context', state: 'failed', message: errorMessage(change.error) }
        : { type: 'context', state: change.state },
    ),
  );
  post({ type: 'ready', delegate: engine.delegate });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Reused for every frame: a VideoFrame is drawn here before inference (see `readable`).
let canvas: OffscreenCanvas | null = null;
let context: OffscreenCanvasRenderingContext2D | null = null;

/**
 * What the engine reads a transferred frame from. A VideoFrame (the camera's own buffer, YUV)
 * is drawn into a reused 2D canvas, at most {@link inferenceSize}: measured in headless
 * Chromium, that conversion plus inference costs less than inference reading the VideoFrame
 * itself, and less than the main thread's createImageBitmap, and it keeps the page's thread
 * free. Landmarks are normalized, so the smaller image changes no coordinate.
 */
function readable(image: ImageBitmap | VideoFrame): ImageBitmap | OffscreenCanvas {
  if (!('displayWidth' in image)) return image;
  const { width, height } = inferenceSize(image.displayWidth, image.displayHeight);
  if (!canvas || canvas.width !== width || canvas.height !== height) {
    canvas = new OffscreenCanvas(width, height);
    context = canvas.getContext('2d', { alpha: false, desynchronized: true });
  }
  if (!context) throw new Error('2D canvas unavailable in the worker');
  context.drawImage(image, 0, 0, width, height);
  return canvas;
}

/** The frame's own pixel size (what anchoring maps landmarks onto), whatever inference saw. */
function frameSize(image: ImageBitmap | VideoFrame): { width: number; height: number } {
  return 'displayWidth' in image
    ? { width: image.displayWidth, height: image.displayHeight }
    : { width: image.width, height: image.height };
}

function detect(message: Extract<ToWorker, { type: 'detect' }>): void {
  const { image, id, timestampMs } = message;
  try {
    if (!engine) throw new Error('landmarker is not ready');
    const { width, height } = frameSize(image);
    const frame = engine.detect(readable(image), timestampMs, width, height);
    post({ type: 'result', id, frame });
  } finally {
    image.close();
  }
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const fail = (id: number | null) => (error: unknown) =>
    post({ type: 'error', id, message: errorMessage(error) });
  if (message.type === 'init') init(message).catch(fail(null));
  else if (message.type === 'detect') {
    try {
      detect(message);
    } catch (error) {
      fail(message.id)(error);
    }
  } else if (message.type === 'close') {
    engine?.close();
    engine = null;
    canvas = null;
    context = null;
    post({ type: 'closed' });
  }
};
