/// <reference lib="webworker" />
// The inference worker: frames arrive as transferred ImageBitmaps, landmarks go back. Nothing
// else leaves: `fetch` is restricted to the SDK's own origins before MediaPipe is loaded.
import { createEngine, type Engine } from './engine.js';
import { allowOrigins, installFetchGuard } from './fetch-guard.js';
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
  engine = await createEngine(message.options, true);
  post({ type: 'ready', delegate: engine.delegate });
}

function detect(message: Extract<ToWorker, { type: 'detect' }>): void {
  const { image, id, timestampMs } = message;
  try {
    if (!engine) throw new Error('landmarker is not ready');
    const frame = engine.detect(image, timestampMs, image.width, image.height);
    post({ type: 'result', id, frame });
  } finally {
    image.close();
  }
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const fail = (id: number | null) => (error: unknown) =>
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
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
    post({ type: 'closed' });
  }
};
