import type { BrowserContext, Page } from '@playwright/test';

/** What the page stored, in every kind of storage a script can write. */
export interface StorageSnapshot {
  localStorage: string[];
  sessionStorage: string[];
  indexedDB: string[];
  cacheStorage: string[];
  cookies: string[];
}

/** Reads every storage area of the page's origin (names/keys only). */
export async function readStorage(page: Page): Promise<StorageSnapshot> {
  const inPage = await page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name ?? ''),
    cacheStorage: await caches.keys(),
  }));
  const cookies = (await page.context().cookies()).map((c) => c.name);
  return { ...inPage, cookies };
}

/** An empty snapshot, to compare against. */
export const EMPTY_STORAGE: StorageSnapshot = {
  localStorage: [],
  sessionStorage: [],
  indexedDB: [],
  cacheStorage: [],
  cookies: [],
};

/**
 * Counts getUserMedia calls and keeps every track handed out, so tests can check that no
 * camera was asked for and that every track ended (`window.__frProbe`). Also counts how camera
 * frames leave the video: wrapped as VideoFrames, or copied by createImageBitmap.
 */
export async function installMediaProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const probe = {
      gumCalls: 0,
      tracks: [] as MediaStreamTrack[],
      workers: 0,
      liveWorkers: 0,
      videoFrames: 0,
      videoBitmaps: 0,
      webgl: [] as (WebGLRenderingContext | WebGL2RenderingContext)[],
    };
    Object.defineProperty(window, '__frProbe', { value: probe });
    // Every WebGL context a page canvas hands out; a live one is not lost.
    const nativeGetContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      ...args: unknown[]
    ) {
      const context = (nativeGetContext as (...a: unknown[]) => RenderingContext | null).apply(
        this,
        args,
      );
      const isGl =
        context instanceof WebGLRenderingContext || context instanceof WebGL2RenderingContext;
      if (isGl && !probe.webgl.includes(context)) probe.webgl.push(context);
      return context;
    } as typeof nativeGetContext;
    const md = navigator.mediaDevices;
    if (md?.getUserMedia) {
      const original = md.getUserMedia.bind(md);
      md.getUserMedia = async (constraints) => {
        probe.gumCalls += 1;
        const stream = await original(constraints);
        probe.tracks.push(...stream.getTracks());
        return stream;
      };
    }
    const NativeVideoFrame = window.VideoFrame;
    if (NativeVideoFrame) {
      const Counted = class extends NativeVideoFrame {
        constructor(source: CanvasImageSource, init?: VideoFrameInit) {
          super(source, init);
          if (source instanceof HTMLVideoElement) probe.videoFrames += 1;
        }
      };
      window.VideoFrame = Counted as typeof VideoFrame;
    }
    const nativeBitmap = window.createImageBitmap.bind(window);
    window.createImageBitmap = ((source: ImageBitmapSource, ...rest: []) => {
      if (source instanceof HTMLVideoElement) probe.videoBitmaps += 1;
      return nativeBitmap(source, ...rest);
    }) as typeof createImageBitmap;
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        probe.workers += 1;
        probe.liveWorkers += 1;
      }
      override terminate(): void {
        probe.liveWorkers -= 1;
        super.terminate();
      }
    };
  });
}

/** Reads the media probe: calls made and the state of every track handed out. */
export function readMediaProbe(page: Page): Promise<{
  gumCalls: number;
  trackStates: string[];
  workers: number;
  liveWorkers: number;
  videoFrames: number;
  videoBitmaps: number;
  /** WebGL contexts made by page canvases, and how many of them are not lost. */
  webglContexts: number;
  liveWebglContexts: number;
}> {
  return page.evaluate(() => {
    const probe = (
      window as unknown as {
        __frProbe: {
          gumCalls: number;
          tracks: MediaStreamTrack[];
          workers: number;
          liveWorkers: number;
          videoFrames: number;
          videoBitmaps: number;
          webgl: WebGLRenderingContext[];
        };
      }
    ).__frProbe;
    return {
      gumCalls: probe.gumCalls,
      trackStates: probe.tracks.map((t) => t.readyState),
      workers: probe.workers,
      liveWorkers: probe.liveWorkers,
      videoFrames: probe.videoFrames,
      videoBitmaps: probe.videoBitmaps,
      webglContexts: probe.webgl.length,
      liveWebglContexts: probe.webgl.filter((c) => !c.isContextLost()).length,
    };
  });
}
