import type {
  FaceLandmarker,
  FaceLandmarkerResult,
  HandLandmarker,
  HandLandmarkerResult,
} from '@mediapipe/tasks-vision';
import type { Delegate, EngineOptions, LandmarkFrame } from './types.js';

type Vision = typeof import('@mediapipe/tasks-vision');

/** Where tasks-vision finds its wasm loader and binary. */
export type WasmFileset = Parameters<Vision['HandLandmarker']['createFromOptions']>[0];

/** A frame the engine can read: a worker's bitmap or canvas, or the page's video itself. */
export type EngineImage =
  | ImageBitmap
  | OffscreenCanvas
  | VideoFrame
  | HTMLVideoElement
  | HTMLImageElement
  | HTMLCanvasElement;

/** MediaPipe, loaded and ready for one landmarker kind. */
export interface Engine {
  /** The delegate actually in use after any fallback. */
  readonly delegate: Delegate;
  /** Landmarks for one frame; `timestampMs` must strictly increase. */
  detect(image: EngineImage, timestampMs: number, width: number, height: number): LandmarkFrame;
  /** Frees the wasm graph; the engine is unusable afterwards. */
  close(): void;
}

/** Where the wasm loader lives: a module worker needs the ES-module build, a page the classic. */
export function wasmFileset(assetsUrl: string, inWorker: boolean): WasmFileset {
  const name = inWorker ? 'vision_wasm_module_internal' : 'vision_wasm_internal';
  return {
    wasmLoaderPath: `${assetsUrl}wasm/${name}.js`,
    wasmBinaryPath: `${assetsUrl}wasm/${name}.wasm`,
  };
}

/** The `.task` bundle for a kind and model size. */
export function modelFile(options: Pick<EngineOptions, 'kind' | 'model'>): string {
  if (options.kind === 'face') return 'face_landmarker.task';
  return options.model === 'lite' ? 'hand_landmarker_lite.task' : 'hand_landmarker.task';
}

async function createTask(
  vision: Vision,
  fileset: WasmFileset,
  options: EngineOptions,
  delegate: Delegate,
): Promise<HandLandmarker | FaceLandmarker> {
  const baseOptions = { modelAssetPath: options.assetsUrl + modelFile(options), delegate };
  if (options.kind === 'hand') {
    return vision.HandLandmarker.createFromOptions(fileset, {
      baseOptions,
      runningMode: 'VIDEO',
      numHands: options.maxHands,
    });
  }
  return vision.FaceLandmarker.createFromOptions(fileset, {
    baseOptions,
    runningMode: 'VIDEO',
    numFaces: options.maxFaces,
    outputFaceBlendshapes: false,
    outputFacialTransformationMatrixes: false,
  });
}

function toFrame(
  kind: EngineOptions['kind'],
  result: HandLandmarkerResult | FaceLandmarkerResult,
  meta: { timestampMs: number; width: number; height: number },
): LandmarkFrame {
  if (kind === 'hand') {
    const r = result as HandLandmarkerResult;
    const hands = r.landmarks.map((landmarks, i) => {
      const category = r.handedness[i]?.[0];
      const handedness: 'Left' | 'Right' = category?.categoryName === 'Right' ? 'Right' : 'Left';
      return { landmarks, handedness, score: category?.score ?? 0 };
    });
    return { kind: 'hand', hands, ...meta };
  }
  const r = result as FaceLandmarkerResult;
  return { kind: 'face', faces: r.faceLandmarks.map((landmarks) => ({ landmarks })), ...meta };
}

/**
 * Loads tasks-vision from the self-hosted assets (never bundled, never before consent) and
 * creates one landmarker, trying the GPU delegate first and falling back to the CPU.
 */
export async function createEngine(options: EngineOptions, inWorker: boolean): Promise<Engine> {
  const url = `${options.assetsUrl}tasks-vision/vision_bundle.mjs`;
  // Loaded at run time from the assets folder: no bundler of the app may follow or rewrite it.
  const vision = (await import(
    /* webpackIgnore: true */ /* turbopackIgnore: true */ /* @vite-ignore */ url
  )) as Vision;
  const fileset = wasmFileset(options.assetsUrl, inWorker);
  let delegate: Delegate = options.delegate;
  let task: HandLandmarker | FaceLandmarker;
  try {
    task = await createTask(vision, fileset, options, delegate);
  } catch (error) {
    if (delegate === 'CPU') throw error;
    delegate = 'CPU';
    task = await createTask(vision, fileset, options, delegate);
  }
  return {
    delegate,
    detect(image, timestampMs, width, height) {
      const result = task.detectForVideo(image, timestampMs);
      return toFrame(options.kind, result, { timestampMs, width, height });
    },
    close() {
      task.close();
    },
  };
}
