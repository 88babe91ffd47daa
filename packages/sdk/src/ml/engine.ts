import type {
  FaceLandmarker,
  FaceLandmarkerResult,
  HandLandmarker,
  HandLandmarkerResult,
} from '@mediapipe/tasks-vision';
import { createGlRecovery, type GlChange } from '../gl/recovery.js';
import { type DownloadProgress, installDownloadMeter } from './download-meter.js';
import type { FetchScope } from './fetch-guard.js';
import { createPixelReader, forearmSkinShare } from './forearm.js';
import { forearmAxis } from './forearm-axis.js';
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
  /**
   * Landmarks for one frame; `timestampMs` must strictly increase. Null while the WebGL context
   * is being recreated after a loss (see `onContext` of {@link createEngine}).
   */
  detect(
    image: EngineImage,
    timestampMs: number,
    width: number,
    height: number,
  ): LandmarkFrame | null;
  /** Frees the wasm graph; the engine is unusable afterwards. */
  close(): void;
}

/**
 * Where the wasm lives: one build, MediaPipe's ES-module one, for the worker and the page alike
 * (the classic build is not shipped: it would double the download size of every install).
 */
export function wasmFileset(assetsUrl: string): WasmFileset {
  return {
    wasmLoaderPath: `${assetsUrl}wasm/vision_wasm_module_internal.js`,
    wasmBinaryPath: `${assetsUrl}wasm/vision_wasm_module_internal.wasm`,
  };
}

/**
 * The fileset tasks-vision gets once the loader is imported here. tasks-vision would load it
 * with a `<script>` tag on a page (which cannot run an ES module) and clears the global
 * `ModuleFactory` after each use, so it is set again before every task; an empty loader path
 * tells tasks-vision that the factory is already there. The factory is handed the wasm module
 * compiled ahead (Emscripten's `instantiateWasm` hook), so the loader does not fetch it again.
 */
async function preloadedFileset(
  fileset: WasmFileset,
  loader: Promise<unknown>,
  compiled: WebAssembly.Module,
): Promise<WasmFileset> {
  const factory = ((await loader) as { default: (module: object) => Promise<unknown> }).default;
  const instantiateWasm = (
    imports: WebAssembly.Imports,
    done: (instance: WebAssembly.Instance) => void,
  ) => {
    void WebAssembly.instantiate(compiled, imports).then(done);
    return {}; // Emscripten: exports come through `done`
  };
  (globalThis as { ModuleFactory?: unknown }).ModuleFactory = (module?: object) =>
    factory(Object.assign(module ?? {}, { instantiateWasm }));
  return { ...fileset, wasmLoaderPath: '' };
}

/** Imports tasks-vision's wasm loader (an ES module in the assets folder). */
function importLoader(fileset: WasmFileset): Promise<unknown> {
  return import(
    /* webpackIgnore: true */ /* turbopackIgnore: true */ /* @vite-ignore */ fileset.wasmLoaderPath
  );
}

/**
 * Fetches and compiles the wasm binary, streaming where the server sends `application/wasm`
 * (compiling while the bytes arrive), else from the whole body.
 */
async function compileWasm(url: string): Promise<WebAssembly.Module> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Failed to fetch the wasm: ${url} (${response.status})`);
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith('application/wasm') && typeof WebAssembly.compileStreaming === 'function') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** The `.task` bundle for a kind and model size. */
export function modelFile(options: Pick<EngineOptions, 'kind' | 'model'>): string {
  if (options.kind === 'face') return 'face_landmarker.task';
  return options.model === 'lite' ? 'hand_landmarker_lite.task' : 'hand_landmarker.task';
}

/** The model's bytes; a failed or cut download rejects. */
async function fetchModel(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Failed to fetch the model: ${url} (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The canvas tasks-vision binds its WebGL context to. tasks-vision uploads every frame as a
 * texture, so there is one on the CPU delegate too; the engine makes it to be told of its loss.
 */
function glCanvas(): HTMLCanvasElement | OffscreenCanvas {
  if (typeof document !== 'undefined') return document.createElement('canvas');
  return new OffscreenCanvas(1, 1);
}

/** What every task of an engine is made from: tasks-vision, its wasm loader and the module. */
interface Wasm {
  readonly vision: Vision;
  readonly fileset: WasmFileset;
  readonly loader: Promise<unknown>;
  readonly compiled: Promise<WebAssembly.Module>;
}

async function createTask(
  { vision, fileset, loader, compiled }: Wasm,
  options: EngineOptions,
  delegate: Delegate,
  model: Promise<Uint8Array>,
  canvas: HTMLCanvasElement | OffscreenCanvas,
): Promise<HandLandmarker | FaceLandmarker> {
  // tasks-vision loads its wasm first and reads the model after: a stream lets that start now,
  // while the model is still downloading. One stream per attempt (a fallback reads it again).
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue((await model).slice());
      controller.close();
    },
  });
  const baseOptions = { modelAssetBuffer: stream.getReader(), delegate };
  const loaded = await preloadedFileset(fileset, loader, await compiled);
  if (options.kind === 'hand') {
    return vision.HandLandmarker.createFromOptions(loaded, {
      canvas,
      baseOptions,
      runningMode: 'VIDEO',
      numHands: options.maxHands,
    });
  }
  return vision.FaceLandmarker.createFromOptions(loaded, {
    canvas,
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
 * Adds to each hand how much of the patch behind its wrist looks like its skin (see
 * `forearm.ts`), so the wrist rule can tell a forearm from padding or background, and the
 * forearm's axis where the image shows it (see `forearm-axis.ts`), for wrist products.
 */
function withForearms(
  frame: Extract<LandmarkFrame, { kind: 'hand' }>,
  image: EngineImage,
  readPixels: ReturnType<typeof createPixelReader>,
): LandmarkFrame {
  if (frame.hands.length === 0) return frame;
  const pixels = readPixels(image, frame.width, frame.height);
  if (!pixels) return frame;
  const hands = frame.hands.map((h) => {
    const axis = forearmAxis(pixels, h.landmarks);
    const forearm = forearmSkinShare(pixels, h.landmarks);
    return axis ? { ...h, forearm, forearmAxis: axis } : { ...h, forearm };
  });
  return { ...frame, hands };
}

/**
 * Loads tasks-vision from the self-hosted assets (never bundled, never before consent) and
 * creates one landmarker on the chosen delegate (a GPU that fails falls back to the CPU),
 * reporting the bytes of the wasm and the model as they arrive. When the device takes its WebGL
 * context away, the landmarker is made again on a fresh canvas (from the module compiled
 * already; the model comes from the HTTP cache where the files are served cacheable) and `onContext` is told of each step.
 */
export async function createEngine(
  options: EngineOptions,
  onProgress: (progress: DownloadProgress) => void = () => {},
  onContext: (change: GlChange) => void = () => {},
): Promise<Engine> {
  const fileset = wasmFileset(options.assetsUrl);
  const modelUrl = options.assetsUrl + modelFile(options);
  // The wasm and the model download side by side, both counted for the progress bar; the
  // meter comes off once both are in.
  const scope = globalThis as unknown as FetchScope;
  const removeMeter = installDownloadMeter(scope, [fileset.wasmBinaryPath, modelUrl], onProgress);
  let delegate: Delegate = options.delegate;
  let task: HandLandmarker | FaceLandmarker | null;
  let canvas = glCanvas();
  let wasm: Wasm;
  try {
    const model = fetchModel(modelUrl);
    model.catch(() => {}); // read by the task; a failure while the wasm loads is not unhandled
    // tasks-vision, its wasm loader, the wasm binary (compiled as it arrives) and the model all
    // load at once: each of them alone would wait for the one before.
    const compiled = compileWasm(fileset.wasmBinaryPath);
    compiled.catch(() => {}); // awaited by the task, as the model is
    const loader = importLoader(fileset);
    loader.catch(() => {});
    const url = `${options.assetsUrl}tasks-vision/vision_bundle.mjs`;
    // Loaded at run time from the assets folder: no bundler of the app may follow or rewrite it.
    const vision = (await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ /* @vite-ignore */ url
    )) as Vision;
    wasm = { vision, fileset, loader, compiled };
    task = await createTask(wasm, options, delegate, model, canvas).catch(
      async (error: unknown) => {
        await model; // a failed download is the error to report, not a GPU failure
        await compiled;
        if (delegate === 'CPU') throw error;
        delegate = 'CPU';
        canvas = glCanvas(); // the failed attempt may hold a context on the first one
        return createTask(wasm, options, delegate, model, canvas);
      },
    );
  } finally {
    removeMeter();
  }
  const recovery = createGlRecovery({
    async recreate() {
      const fresh = glCanvas();
      const next = await createTask(wasm, options, delegate, fetchModel(modelUrl), fresh);
      if (closed) return next.close();
      watch(fresh);
      canvas = fresh;
      task = next;
    },
    onChange: onContext,
  });
  let closed = false;
  const onLost = () => {
    const lost = task;
    task = null;
    // Its graph holds textures of a context that is gone: freed now, never run again.
    try {
      lost?.close();
    } catch {
      // Closing on a lost context may fail inside the wasm; the instance is dropped either way.
    }
    recovery.lost();
  };
  const watch = (target: HTMLCanvasElement | OffscreenCanvas) =>
    target.addEventListener('webglcontextlost', onLost, { once: true });
  watch(canvas);
  const readPixels = createPixelReader();
  return {
    get delegate() {
      return delegate;
    },
    detect(image, timestampMs, width, height) {
      if (!task) return null;
      const result = task.detectForVideo(image, timestampMs);
      const frame = toFrame(options.kind, result, { timestampMs, width, height });
      return frame.kind === 'hand' ? withForearms(frame, image, readPixels) : frame;
    },
    close() {
      closed = true;
      recovery.dispose();
      canvas.removeEventListener('webglcontextlost', onLost);
      task?.close();
      task = null;
    },
  };
}
