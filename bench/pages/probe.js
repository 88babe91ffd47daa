// Bench probe, loaded as a classic script before anything else on a bench page. It instruments
// the page from outside (no SDK change) and keeps what it saw in `window.__bench`:
//   steps      per-frame pipeline time: the video-frame callback that started a frame → the
//              end of the overlay draw that frame produced (SDK), or pushed by the bare page
//   longTasks  main-thread long tasks (> 50 ms) from the Long Tasks API
//   clicks     times of trusted clicks (consent "Accept", "Start")
//   trackingAt first time the try-on host got data-tracking=true (the product was drawn)
//   tracks     every camera track handed out, to count the ones still live
(() => {
  const bench = {
    steps: [],
    stepEnds: [],
    /** Per SDK frame: [frame callback → result back from the worker, → draw start, draw]. */
    phases: [],
    longTasks: [],
    clicks: [],
    /** [name, time] milestones the page reports (try-on states, bare start-up steps). */
    marks: [],
    trackingAt: null,
    tracks: [],
    workers: { created: 0, terminated: 0 },
    /** Forgets frames and long tasks seen so far (the start of a measurement window). */
    reset() {
      bench.steps.length = 0;
      bench.stepEnds.length = 0;
      bench.phases.length = 0;
      bench.longTasks.length = 0;
    },
    /** Records one finished frame that started at `start`. */
    step(start) {
      const end = performance.now();
      bench.steps.push(end - start);
      bench.stepEnds.push(end);
    },
    liveTracks: () => bench.tracks.filter((t) => t.readyState === 'live').length,
  };
  Object.defineProperty(window, '__bench', { value: bench });

  // The video-frame callback that is running now (null outside one) and the last one that ran.
  let inTick = null;
  let lastTick = 0;
  // When the frame now in flight started (worker mode: the tick that grabbed the bitmap).
  let pendingStart = null;
  // When the last message from a worker arrived (the landmarks of the frame in flight).
  let resultAt = null;
  const proto = HTMLVideoElement.prototype;
  const nativeRvfc = proto.requestVideoFrameCallback;
  if (nativeRvfc) {
    proto.requestVideoFrameCallback = function (callback) {
      return nativeRvfc.call(this, (now, meta) => {
        const at = performance.now();
        inTick = at;
        lastTick = at;
        try {
          callback(now, meta);
        } finally {
          inTick = null;
        }
      });
    };
  }
  // The SDK grabs a frame for its worker as a VideoFrame (a bitmap where WebCodecs is missing).
  const NativeVideoFrame = window.VideoFrame;
  if (NativeVideoFrame) {
    window.VideoFrame = class extends NativeVideoFrame {
      constructor(source, ...rest) {
        super(source, ...rest);
        if (source instanceof HTMLVideoElement && inTick !== null) pendingStart = inTick;
      }
    };
  }
  const nativeBitmap = window.createImageBitmap;
  window.createImageBitmap = function (source, ...rest) {
    if (source instanceof HTMLVideoElement && inTick !== null) pendingStart = inTick;
    return nativeBitmap.call(this, source, ...rest);
  };
  // The overlay clears its whole canvas at the start of every draw; the draw is synchronous, so
  // a microtask queued there runs right after it.
  const nativeClear = CanvasRenderingContext2D.prototype.clearRect;
  CanvasRenderingContext2D.prototype.clearRect = function (...args) {
    const canvas = this.canvas;
    const host = canvas.getRootNode()?.host;
    if (host?.dataset?.fittingroom === 'tryon') {
      // Worker mode: the tick that sent the bitmap; main mode: inference ran inside the tick
      // whose microtasks are drawing now.
      const start = pendingStart ?? lastTick;
      const drawStart = performance.now();
      const result = resultAt ?? drawStart;
      pendingStart = null;
      resultAt = null;
      queueMicrotask(() => {
        bench.step(start);
        bench.phases.push([result - start, drawStart - result, performance.now() - drawStart]);
      });
    }
    return nativeClear.apply(this, args);
  };

  const md = navigator.mediaDevices;
  if (md?.getUserMedia) {
    const nativeGum = md.getUserMedia.bind(md);
    md.getUserMedia = async (constraints) => {
      const stream = await nativeGum(constraints);
      bench.tracks.push(...stream.getTracks());
      return stream;
    };
  }
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      // Module workers (the SDK's and the bare one) start through the wasm memory probe.
      const target = new URL(url, location.href).href;
      const shim = `/bench/pages/worker-shim.js?target=${encodeURIComponent(target)}`;
      super(options?.type === 'module' ? shim : url, options);
      // Registered before the SDK sets onmessage, so it runs first.
      this.addEventListener('message', () => {
        resultAt = performance.now();
      });
      bench.workers.created += 1;
    }
    terminate() {
      bench.workers.terminated += 1;
      super.terminate();
    }
  };

  addEventListener(
    'click',
    (event) => {
      if (event.isTrusted) bench.clicks.push(performance.now());
    },
    true,
  );
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }
  }).observe({ type: 'longtask' });
  new MutationObserver((records) => {
    if (bench.trackingAt !== null) return;
    for (const r of records) {
      if (r.target.dataset?.tracking === 'true') {
        bench.trackingAt = performance.now();
        return;
      }
    }
  }).observe(document, { subtree: true, attributeFilter: ['data-tracking'] });
})();
