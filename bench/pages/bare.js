// Bare tasks-vision baseline: the SDK's camera, model, delegate and frame loop (one frame in
// flight, driven by requestVideoFrameCallback, busy frames skipped) with nothing else: no
// consent, no fetch guard, no anchoring, smoothing or drawing.
// `?placement=main` runs detectForVideo on the page; `?placement=worker` sends an ImageBitmap
// to a module worker, as the SDK does.
// The delegate is forced to CPU on purpose: the baseline is what a well-informed developer would
// pick on this machine, whose only WebGL is SwiftShader (GPU there is 10–60× slower, see
// ../shared/notes/webgl.md); the SDK side runs its default and must choose CPU by itself.
const ASSETS = '/packages/models/dist/';
const MODEL = `${ASSETS}hand_landmarker.task`;
const params = new URLSearchParams(location.search);
const placement = params.get('placement') ?? 'main';
const video = document.getElementById('video');
const bench = window.__bench;

/** Main-thread landmarker: detect() runs inference synchronously inside the frame callback. */
async function mainLandmarker() {
  const vision = await import(`${ASSETS}tasks-vision/vision_bundle.mjs`);
  // Only MediaPipe's ES-module wasm build is shipped: import it, hand tasks-vision its factory.
  globalThis.ModuleFactory = (await import(`${ASSETS}wasm/vision_wasm_module_internal.js`)).default;
  const created = await vision.HandLandmarker.createFromOptions(
    { wasmLoaderPath: '', wasmBinaryPath: `${ASSETS}wasm/vision_wasm_module_internal.wasm` },
    { baseOptions: { modelAssetPath: MODEL, delegate: 'CPU' }, runningMode: 'VIDEO', numHands: 1 },
  );
  let task = created;
  return {
    detect: async (ts) => task?.detectForVideo(video, ts).landmarks.length ?? 0,
    close: async () => {
      task?.close();
      task = null;
    },
  };
}

/** Worker landmarker: the frame goes over as a transferred ImageBitmap, the count comes back. */
async function workerLandmarker() {
  const worker = new Worker('./bare-worker.js', { type: 'module' });
  const pending = new Map();
  let id = 0;
  let onReady;
  let onClosed;
  const ready = new Promise((resolve, reject) => {
    onReady = resolve;
    worker.onerror = (e) => reject(new Error(e.message));
  });
  worker.onmessage = ({ data }) => {
    if (data.type === 'ready') onReady();
    else if (data.type === 'closed') onClosed?.();
    else if (data.type === 'result') {
      pending.get(data.id)?.(data.hands);
      pending.delete(data.id);
    }
  };
  worker.postMessage({ type: 'init', assets: new URL(ASSETS, location.href).href, model: MODEL });
  await ready;
  return {
    async detect(ts) {
      const image = await createImageBitmap(video);
      const n = id++;
      return new Promise((resolve) => {
        pending.set(n, resolve);
        worker.postMessage({ type: 'detect', id: n, image, ts }, [image]);
      });
    },
    async close() {
      const closed = new Promise((resolve) => {
        onClosed = resolve;
      });
      worker.postMessage({ type: 'close' });
      await closed;
      worker.terminate();
    },
  };
}

let running = null;

/** Opens the camera and the landmarker, then runs the frame loop until close(). */
async function open() {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30, max: 30 } },
    audio: false,
  });
  video.srcObject = stream;
  await video.play();
  bench.marks.push(['camera', performance.now()]);
  const landmarker = placement === 'worker' ? await workerLandmarker() : await mainLandmarker();
  bench.marks.push(['landmarker', performance.now()]);
  let stopped = false;
  let busy = false;
  let last = -1;
  const tick = () => {
    if (stopped) return;
    video.requestVideoFrameCallback(tick);
    if (busy) return;
    busy = true;
    const start = performance.now();
    last = Math.max(last + 1, Math.round(start));
    landmarker
      .detect(last)
      .then((hands) => {
        if (stopped) return;
        bench.step(start);
        if (hands > 0 && bench.trackingAt === null) bench.trackingAt = performance.now();
      })
      .finally(() => {
        busy = false;
      });
  };
  video.requestVideoFrameCallback(tick);
  running = {
    async close() {
      stopped = true;
      await landmarker.close();
      for (const t of stream.getTracks()) t.stop();
      video.srcObject = null;
    },
  };
}

document.getElementById('start').addEventListener('click', () => {
  open().catch((e) => {
    window.bareError = String(e?.message ?? e);
  });
});
window.bare = {
  placement,
  open,
  close: async () => {
    await running?.close();
    running = null;
  },
  frameSize: () => ({ width: video.videoWidth, height: video.videoHeight }),
};
