import type { Delegate, EngineOptions, LandmarkFrame } from './types.js';

/** Main thread → inference worker. */
export type ToWorker =
  | { readonly type: 'init'; readonly options: EngineOptions; readonly allowedOrigins: string[] }
  | {
      readonly type: 'detect';
      readonly id: number;
      /** Transferred: the worker owns it and closes it after inference. */
      readonly image: ImageBitmap | VideoFrame;
      readonly timestampMs: number;
    }
  | { readonly type: 'close' };

/** Inference worker → main thread. */
export type FromWorker =
  | { readonly type: 'ready'; readonly delegate: Delegate }
  | { readonly type: 'result'; readonly id: number; readonly frame: LandmarkFrame }
  | { readonly type: 'error'; readonly id: number | null; readonly message: string }
  | { readonly type: 'blocked'; readonly url: string }
  | { readonly type: 'progress'; readonly loaded: number; readonly total: number }
  | { readonly type: 'closed' };
