// Bare tasks-vision in a module worker: the same wasm build the SDK's worker loads, on the CPU
// delegate a well-informed developer picks on this GPU-less machine (see bare.js).
let task = null;

self.onmessage = async ({ data }) => {
  if (data.type === 'init') {
    const vision = await import(`${data.assets}tasks-vision/vision_bundle.mjs`);
    task = await vision.HandLandmarker.createFromOptions(
      {
        wasmLoaderPath: `${data.assets}wasm/vision_wasm_module_internal.js`,
        wasmBinaryPath: `${data.assets}wasm/vision_wasm_module_internal.wasm`,
      },
      {
        baseOptions: { modelAssetPath: data.model, delegate: 'CPU' },
        runningMode: 'VIDEO',
        numHands: 1,
      },
    );
    self.postMessage({ type: 'ready' });
  } else if (data.type === 'detect') {
    const result = task.detectForVideo(data.image, data.ts);
    data.image.close();
    // The landmarks go back as the SDK's worker sends them (structured clone of the arrays).
    self.postMessage({
      type: 'result',
      id: data.id,
      hands: result.landmarks.length,
      landmarks: result.landmarks,
    });
  } else if (data.type === 'close') {
    task?.close();
    task = null;
    self.postMessage({ type: 'closed' });
  }
};
