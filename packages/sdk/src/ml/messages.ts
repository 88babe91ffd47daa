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
  /** `frame` is null while the engine recreates a lost WebGL context. */
  | { readonly type: 'result'; readonly id: number; readonly frame: LandmarkFrame | null }
  | { readonly type: 'error'; readonly id: number | null; readonly message: string }
  | { readonly type: 'blocked'; readonly url: string }
  | { readonly type: 'progress'; readonly loaded: number; readonly total: number }
  /** The engine's WebGL context was lost, made again, or could not be (see gl/recovery.ts). */
  | {
      readonly type: 'context';
      readonly state: 'lost' | 'restored' | 'failed';
      readonly message?: string;
    }
  | { readonly type: 'closed' };
