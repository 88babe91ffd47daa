// Placement accuracy page: one photo variant at a time becomes a live 640×480 camera stream
// (canvas.captureStream), which the SDK's landmarker reads exactly as it reads a camera
// (default options: worker, VideoFrame, 480 px inference, its own delegate choice). On the
// same frame, bare tasks-vision runs three ways (the reference and the options measured for
// hands at the edge). Anchoring, rules and scoring run in Node on what this page returns.
// Every wait on the browser (a decoded photo, a played or presented frame, a started model)
// has a deadline that rejects naming what it waited for: the run fails loudly, never idles.
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

/** `promise`, or a rejection naming `what` after `ms`. */
function within(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`page: ${what} did not happen in ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * The next frame the video presents after the source is painted. A canvas stream sends a frame
 * only when the canvas is painted, so the paint comes after the callback is asked for; it is
 * painted again every 250 ms until a frame comes (a busy machine's stream may drop one, and
 * then the video would wait for a paint that never comes: seen twice on face variants).
 */
function paintedFrame() {
  const next = new Promise((resolve) => video.requestVideoFrameCallback(resolve));
  paint();
  const again = setInterval(paint, 250);
  return within(next, 10_000, 'a video frame after painting the source').finally(() =>
    clearInterval(again),
  );
}
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

/** What the page was doing, for the error of a step that ran out of time. */
function state() {
  return {
    paused: video.paused,
    readyState: video.readyState,
    currentTime: video.currentTime,
    visibility: document.visibilityState,
    photo: photo?.src ?? null,
  };
}

window.acc = {
  state,
  /** Loads a photo (640×480 PNG) into the live canvas stream. */
  async load(url) {
    photo = new Image();
    photo.src = url;
    await within(photo.decode(), 10_000, `decoding ${url}`);
    video.srcObject ??= canvas.captureStream(30);
    // The video starts playing only once a frame came: paint while waiting for both.
    const playing = video.play();
    const first = paintedFrame();
    await within(playing, 10_000, 'the video playing');
    paint();
    await first;
  },
  /**
   * The SDK's landmarker on the stream, fresh for this photo: the last of `frames` results and
   * the median time of one detect. `maxHands` unset is the default a shopper gets.
   */
  async sdk(kind, frames, maxHands) {
    const options = { kind, assetsUrl: ASSETS, consent: allowAll };
    const started = createLandmarker(maxHands ? { ...options, maxHands } : options);
    const landmarker = await within(started, 90_000, `the SDK's ${kind} landmarker starting`);
    const times = [];
    let frame = null;
    try {
      for (let i = 0; i < frames; i++) {
        await paintedFrame();
        const start = performance.now();
        frame = await within(landmarker.detect(video, start), 30_000, `SDK detect ${i + 1}`);
        times.push(performance.now() - start);
      }
    } finally {
      await within(landmarker.close(), 10_000, "the SDK's landmarker closing");
    }
    return { frame, ms: median(times), delegate: landmarker.delegate };
  },
  /**
   * Bare tasks-vision on `frames` repaints of the source (IMAGE or VIDEO mode, full size or at
   * the 480 px cap): landmarks of the last, median ms of one detect call.
   */
  async bare(kind, mode, frames, cap) {
    const task = await within(bareTask(kind, mode), 90_000, `bare ${kind} ${mode} starting`);
    const times = [];
    let result = null;
    let ts = Math.round(performance.now());
    try {
      for (let i = 0; i < frames; i++) {
        paint();
        const image = cap ? capped() : canvas;
        const start = performance.now();
        ts = Math.max(ts + 1, Math.round(start));
        result = mode === 'IMAGE' ? task.detect(image) : task.detectForVideo(image, ts);
        times.push(performance.now() - start);
      }
    } finally {
      task.close();
    }
    return { landmarks: landmarksOf(result), ms: median(times) };
  },
};
window.accReady = true;
