import type { BrowserContext, Page, Worker } from '@playwright/test';

// Context loss, as a device causes it, through `WEBGL_lose_context`. Page and worker alike
// record every WebGL context they create (the SDK keeps its own out of reach), so a test can
// take them away mid-try-on: the page by an init script, the inference worker by a prelude
// the test puts in front of `ml-worker.js` (routed; the SDK's code is served unchanged).

type GlScope = { __frGl?: (WebGLRenderingContext | WebGL2RenderingContext)[] };

/** Wraps `getContext` of both canvas kinds so every WebGL context is kept in `__frGl`. */
function recordContexts(scope: typeof globalThis): void {
  const list: (WebGLRenderingContext | WebGL2RenderingContext)[] = [];
  (scope as unknown as GlScope).__frGl = list;
  const kinds = [
    scope.OffscreenCanvas,
    (scope as { HTMLCanvasElement?: unknown }).HTMLCanvasElement,
  ];
  for (const kind of kinds) {
    const proto = (kind as { prototype?: { getContext: (...a: unknown[]) => unknown } } | undefined)
      ?.prototype;
    if (!proto) continue;
    const original = proto.getContext;
    proto.getContext = function (this: unknown, ...args: unknown[]) {
      const context = original.apply(this, args);
      if (context && /^webgl/.test(String(args[0]))) list.push(context as WebGLRenderingContext);
      return context;
    };
  }
}

/** Records the WebGL contexts of every page and of the SDK's inference worker. */
export async function recordGlContexts(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: `(${recordContexts.toString()})(self);` });
  await context.route(/\/ml-worker\.js(\?|$)/, async (route) => {
    const response = await route.fetch();
    const body = `(${recordContexts.toString()})(self);\n${await response.text()}`;
    await route.fulfill({ response, body });
  });
}

/** Loses every live WebGL context of the page or worker; resolves how many it took. */
export function loseGlContexts(target: Page | Worker): Promise<number> {
  // Page and Worker both have `evaluate`, with signatures TypeScript cannot unite.
  return 'workers' in target ? target.evaluate(loseAll) : target.evaluate(loseAll);
}

function loseAll(): number {
  let lost = 0;
  for (const gl of (globalThis as unknown as GlScope).__frGl ?? []) {
    if (gl.isContextLost()) continue;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    lost++;
  }
  return lost;
}

/** The SDK's inference worker of the page. */
export function inferenceWorker(page: Page): Worker {
  const worker = page.workers().find((w) => w.url().includes('ml-worker'));
  if (!worker) throw new Error('no inference worker');
  return worker;
}

/**
 * Shows the landmarker another scene: a plain grey frame (`empty`) instead of the camera, or
 * the camera again. A still fake camera cannot tell a landmarker that reads new frames from
 * one stuck on the last frame it uploaded before the loss; an empty frame can.
 */
export function showScene(page: Page, scene: 'empty' | 'camera'): Promise<void> {
  return page.evaluate((which) => {
    type Saved = { camera?: MediaProvider | null; timer?: number };
    const saved = window as unknown as { __frScene?: Saved };
    const host = document.querySelector<HTMLElement>('[data-fittingroom=tryon]');
    const video = host?.shadowRoot?.querySelector('video');
    if (!video) throw new Error('no live video');
    saved.__frScene ??= {};
    const state = saved.__frScene;
    clearInterval(state.timer);
    if (which === 'camera') {
      video.srcObject = state.camera ?? null;
      return void video.play();
    }
    state.camera ??= video.srcObject;
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const ctx = canvas.getContext('2d')!;
    // Painted again and again: a canvas stream only yields a frame when the canvas changes.
    let shade = 0;
    state.timer = window.setInterval(() => {
      shade = 1 - shade;
      ctx.fillStyle = shade ? '#808080' : '#818181';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
    }, 50);
    video.srcObject = canvas.captureStream(20);
    void video.play();
  }, scene);
}
