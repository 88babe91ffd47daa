import type { GpuProbe } from './delegate.js';

type ContextFactory = (attributes: WebGLContextAttributes) => WebGL2RenderingContext | null;

/** A fresh canvas per context: a canvas keeps the first context it gave out. */
function defaultFactory(): ContextFactory | null {
  if (typeof OffscreenCanvas === 'function') {
    return (attributes) => new OffscreenCanvas(1, 1).getContext('webgl2', attributes);
  }
  if (typeof document === 'undefined') return null;
  return (attributes) => document.createElement('canvas').getContext('webgl2', attributes);
}

/** Frees a probe context now rather than when the garbage collector gets to it. */
function release(gl: WebGL2RenderingContext | null): void {
  gl?.getExtension('WEBGL_lose_context')?.loseContext();
}

/**
 * Probes WebGL2 the way MediaPipe's GPU delegate would use it: whether a context exists, whether
 * the browser flags a major performance caveat, and the unmasked renderer where exposed. Runs
 * after camera consent only; every context it makes is released before it returns.
 */
export function probeGpu(factory: ContextFactory | null = defaultFactory()): GpuProbe {
  if (!factory) return { webgl2: false, caveat: false, renderer: null };
  let plain: WebGL2RenderingContext | null = null;
  let strict: WebGL2RenderingContext | null = null;
  try {
    plain = factory({});
    if (!plain) return { webgl2: false, caveat: false, renderer: null };
    strict = factory({ failIfMajorPerformanceCaveat: true });
    const info = plain.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(plain.getParameter(info.UNMASKED_RENDERER_WEBGL) ?? '') : '';
    return { webgl2: true, caveat: strict === null, renderer: renderer || null };
  } catch {
    return { webgl2: false, caveat: false, renderer: null };
  } finally {
    release(plain);
    release(strict);
  }
}
