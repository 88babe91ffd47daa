// Placement accuracy page: one photo variant at a time becomes a live 640×480 camera stream
// (canvas.captureStream), which the SDK's landmarker reads exactly as it reads a camera
// (default options: worker, VideoFrame, 480 px inference, its own delegate choice). On the
// same frame, bare tasks-vision runs three ways (the reference and the options measured for
// hands at the edge). Anchoring, rules and scoring run in Node on what this page returns.
import { createLandmarker } from '/packages/sdk/dist/landmarks.js';

const ASSETS = '/fittingroom/assets/'; // the assets folder, worker included (e2e/support/server.ts)
const allowAll = {
  record: null,
  allows: () => true,
  receipt: () => null,
  onWithdraw: () => () => {},
};
const canvas = document.getElementById('source');
const ctx = canvas.getContext('2d');
const video = document.getElementById('video');
let photo = null;
let vision = null;

const nextVideoFrame = () => new Promise((resolve) => video.requestVideoFrameCallback(resolve));
const paint = () => photo && ctx.drawImage(photo, 0, 0, canvas.width, canvas.height);

async function bareTask(kind, runningMode) {
  vision ??= await import(`${ASSETS}tasks-vision/vision_bundle.mjs`);
  // Only MediaPipe's ES-module wasm build is shipped: import it, hand tasks-vision its factory.
  const glue = await import(`${ASSETS}wasm/vision_wasm_module_internal.js`);
  globalThis.ModuleFactory = glue.default;
  const fileset = {
    wasmLoaderPath: '',
    wasmBinaryPath: `${ASSETS}wasm/vision_wasm_module_internal.wasm`,
  };
  const common = { runningMode, baseOptions: { delegate: 'CPU' } };
  if (kind === 'hand') {
    common.baseOptions.modelAssetPath = `${ASSETS}hand_landmarker.task`;
    return vision.HandLandmarker.createFromOptions(fileset, { ...common, numHands: 2 });
  }
  common.baseOptions.modelAssetPath = `${ASSETS}face_landmarker.task`;
  return vision.FaceLandmarker.createFromOptions(fileset, { ...common, numFaces: 1 });
}

const landmarksOf = (r) => r.landmarks ?? r.faceLandmarks;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? null;

/** A downscaled copy of the source (bare VIDEO mode at the SDK's 480 px cap). */
function capped() {
  const c = new OffscreenCanvas(480, 360);
  c.getContext('2d').drawImage(canvas, 0, 0, 480, 360);
  return c;
}

/** Bare tasks-vision on `frames` repaints of the source: landmarks of the last, median ms. */
async function runBare(kind, mode, frames, source) {
  const task = await bareTask(kind, mode);
  const times = [];
  let result = null;
  let ts = Math.round(performance.now());
  for (let i = 0; i < frames; i++) {
    paint();
    const image = source();
    const start = performance.now();
    ts = Math.max(ts + 1, Math.round(start));
    result = mode === 'IMAGE' ? task.detect(image) : task.detectForVideo(image, ts);
    times.push(performance.now() - start);
  }
  task.close();
  return { landmarks: landmarksOf(result), ms: median(times) };
}

window.acc = {
  /** Loads a photo (640×480 PNG) into the live canvas stream. */
  async load(url) {
    photo = new Image();
    photo.src = url;
    await photo.decode();
    video.srcObject ??= canvas.captureStream(30);
    // A canvas stream sends a frame only when the canvas is painted after it exists, and the
    // video starts playing only once a frame came.
    const playing = video.play();
    const next = nextVideoFrame();
    paint();
    await playing;
    paint();
    await next;
  },
  /**
   * The SDK's landmarker on the stream, fresh for this photo: the last of `frames` results.
   * `maxHands` unset is the default a shopper gets; 2 measures what a second hand costs.
   */
  async sdk(kind, frames, maxHands) {
    const options = { kind, assetsUrl: ASSETS, consent: allowAll };
    const landmarker = await createLandmarker(maxHands ? { ...options, maxHands } : options);
    const times = [];
    let frame = null;
    for (let i = 0; i < frames; i++) {
      const next = nextVideoFrame();
      paint();
      await next;
      const start = performance.now();
      frame = await landmarker.detect(video, start);
      times.push(performance.now() - start);
    }
    await landmarker.close();
    return { frame, ms: median(times), delegate: landmarker.delegate };
  },
  /** Bare tasks-vision: IMAGE mode at full size, VIDEO mode at full size and at 480 px. */
  async bare(kind, frames) {
    return {
      image: await runBare(kind, 'IMAGE', frames, () => canvas),
      videoFull: await runBare(kind, 'VIDEO', frames, () => canvas),
      video480: await runBare(kind, 'VIDEO', frames, capped),
    };
  },
};
window.accReady = true;
