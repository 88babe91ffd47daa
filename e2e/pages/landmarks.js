// Proof page for the offline models: runs the SDK's landmarker on a still photo or on the fake
// camera and reports what it found. Consent is faked here: the consent flow has its own tests.
import { createLandmarker } from '/packages/sdk/dist/landmarks.js';

const ASSETS = '/fittingroom/assets/';
const allowAll = {
  record: null,
  allows: () => true,
  receipt: () => null,
  onWithdraw: () => () => {},
};

async function loadPhoto(name) {
  const img = document.getElementById('photo');
  img.src = `/e2e/fixtures/photos/${name}`;
  await img.decode();
  return img;
}

async function openCamera() {
  const video = document.getElementById('video');
  video.srcObject = await navigator.mediaDevices.getUserMedia({
    video: { width: 640, height: 480 },
  });
  await video.play();
  return video;
}

function summarize(frame) {
  const sets =
    frame.kind === 'hand'
      ? frame.hands.map((h) => h.landmarks)
      : frame.faces.map((f) => f.landmarks);
  return {
    count: sets.length,
    sizes: sets.map((s) => s.length),
    first: sets[0] ?? null,
    handedness: frame.kind === 'hand' ? frame.hands.map((h) => h.handedness) : [],
    width: frame.width,
    height: frame.height,
  };
}

window.fr = {
  /** Runs `frames` detections of `kind` on a photo or the camera; returns summaries. */
  async run({ kind, photo, frames = 1, mode = 'auto', delegate }) {
    const blocked = [];
    const source = photo ? await loadPhoto(photo) : await openCamera();
    const landmarker = await createLandmarker({
      kind,
      assetsUrl: ASSETS,
      consent: allowAll,
      mode,
      // Unset by default: the SDK's own choice for this device, as a shopper gets it.
      ...(delegate ? { delegate } : {}),
      onBlocked: (url) => blocked.push(url),
    }).catch((e) => {
      throw new Error(`${e.message}: ${e.cause?.message ?? e.cause}`);
    });
    const results = [];
    for (let i = 0; i < frames; i++) {
      const frame = await landmarker.detect(source, performance.now());
      results.push(summarize(frame));
      await new Promise((r) => setTimeout(r, 30));
    }
    await landmarker.close();
    if (source.srcObject) for (const t of source.srcObject.getTracks()) t.stop();
    return {
      mode: landmarker.mode,
      delegate: landmarker.delegate,
      delegateReason: landmarker.delegateReason,
      results,
      blocked,
    };
  },
  /**
   * Control: bare tasks-vision on the page with no guard, to show what the guard stops. CPU is
   * forced only to keep the control quick; the requests it makes do not depend on the delegate.
   */
  async bareTasksVision() {
    const vision = await import(`${ASSETS}tasks-vision/vision_bundle.mjs`);
    // Only MediaPipe's ES-module wasm build is shipped: import it, hand tasks-vision its factory.
    const glue = await import(`${ASSETS}wasm/vision_wasm_module_internal.js`);
    globalThis.ModuleFactory = glue.default;
    const fileset = {
      wasmLoaderPath: '',
      wasmBinaryPath: `${ASSETS}wasm/vision_wasm_module_internal.wasm`,
    };
    const task = await vision.HandLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetPath: `${ASSETS}hand_landmarker_lite.task`, delegate: 'CPU' },
      runningMode: 'IMAGE',
    });
    task.close();
  },
};
