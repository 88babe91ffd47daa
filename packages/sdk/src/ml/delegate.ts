import type { Delegate, LandmarkerKind } from './types.js';

/** Why a delegate was chosen; tests and debug mode read it. */
export type DelegateReason =
  /** The retailer set `delegate`. */
  | 'requested'
  /** The offline face bundle uses an op (GATHER) MediaPipe's GPU delegate lacks. */
  | 'face-model'
  /** No WebGL2 context could be made at all. */
  | 'no-webgl2'
  /** The browser reports a major performance caveat (a blocklisted or emulated GPU). */
  | 'performance-caveat'
  /** The unmasked renderer names a software rasterizer (SwiftShader, llvmpipe, …). */
  | 'software-renderer'
  /** A hardware WebGL2 context: GPU is the fast path. */
  | 'hardware-gpu'
  /** GPU was chosen but MediaPipe could not start on it, so the CPU took over. */
  | 'gpu-failed';

/** What a WebGL2 probe found on this device (see `probeGpu`). */
export interface GpuProbe {
  /** A plain WebGL2 context could be created. */
  readonly webgl2: boolean;
  /** `failIfMajorPerformanceCaveat: true` refused a context that plain creation allowed. */
  readonly caveat: boolean;
  /** `UNMASKED_RENDERER_WEBGL`, when the browser exposes it. */
  readonly renderer: string | null;
}

/** The delegate to start on, and why. */
export interface DelegateChoice {
  readonly delegate: Delegate;
  readonly reason: DelegateReason;
}

// Renderer strings of the software rasterizers browsers fall back to (Chromium's SwiftShader,
// Mesa's llvmpipe/softpipe, Windows' WARP "Microsoft Basic Render Driver").
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|warp|mesa offscreen/i;

/** True when an unmasked renderer string names a software rasterizer. */
export function isSoftwareRenderer(renderer: string | null): boolean {
  return renderer !== null && SOFTWARE.test(renderer);
}

/**
 * Picks the delegate that is fast on this device: MediaPipe's GPU delegate on a software
 * renderer is 10–60× slower than its CPU delegate (docs/benchmarks.md), so GPU only where the
 * probe found a hardware context. `probe` is called only when the choice depends on it.
 */
export function chooseDelegate(
  kind: LandmarkerKind,
  requested: Delegate | undefined,
  probe: () => GpuProbe,
): DelegateChoice {
  if (requested) return { delegate: requested, reason: 'requested' };
  if (kind === 'face') return { delegate: 'CPU', reason: 'face-model' };
  const found = probe();
  if (!found.webgl2) return { delegate: 'CPU', reason: 'no-webgl2' };
  if (found.caveat) return { delegate: 'CPU', reason: 'performance-caveat' };
  if (isSoftwareRenderer(found.renderer)) return { delegate: 'CPU', reason: 'software-renderer' };
  return { delegate: 'GPU', reason: 'hardware-gpu' };
}

/** The choice after MediaPipe started: a GPU that fell back to the CPU says so. */
export function settledChoice(chosen: DelegateChoice, running: Delegate): DelegateChoice {
  if (running === chosen.delegate) return chosen;
  return { delegate: running, reason: 'gpu-failed' };
}
