// Benchmark 2 — per-frame cost. The SDK's whole per-frame pipeline (frame grab, worker hop,
// landmarks, anchoring, smoothing, drawing) against a bare tasks-vision detectForVideo loop on
// the same fake camera, model (hand_landmarker.task), delegate (CPU) and frame loop. Also the
// main thread's long tasks during a try-on.
import type { BenchBrowser } from './browser.js';
import {
  type LongTasks,
  longTasks,
  prepare,
  type Running,
  SETTLE_FRAMES,
  type Variant,
  type Window,
} from './frame-loops.js';
import { type Row, row, type Section, verdict } from './report.js';
import { median, ms, percentile, ratio, times } from './stats.js';

const LABELS: Record<Variant, string> = {
  'bare-main': 'bare tasks-vision, main thread',
  'bare-worker': 'bare tasks-vision, in a worker',
  'sdk-worker': 'SDK, inference in its worker (default)',
  'sdk-main': 'SDK, inference on the main thread',
  'sdk-no-overlay': 'SDK (worker) with its overlay canvas hidden',
  'sdk-3d': 'SDK (worker), the ring as a 3D model',
};

/** Settings of the per-frame benchmark. */
export interface FrameOptions {
  /** Measurement windows per variant, interleaved. */
  readonly rounds: number;
  /** Frames run once after start-up, before any window. */
  readonly warmupFrames: number;
  /** Frames per window. */
  readonly frames: number;
  readonly longTaskSeconds: number;
}

/** Rotates the order each round so slow drift of the machine's load hits every variant alike. */
export function roundOrder<T>(items: readonly T[], round: number): T[] {
  const k = round % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** `48.2 ms (p95 61.0 ms)`. */
function summarize(steps: readonly number[]): string {
  return `${ms(median(steps))} (p95 ${ms(percentile(steps, 0.95))})`;
}

/** Runs the windows, interleaved, with all four loops open; closes them whatever happens. */
async function runWindows(
  bench: BenchBrowser,
  variants: readonly Variant[],
  options: FrameOptions,
): Promise<{ windows: Map<Variant, Window[]>; sizes: string }> {
  const windows = new Map<Variant, Window[]>(variants.map((v) => [v, []]));
  const running: Running[] = [];
  try {
    for (const v of variants) running.push(await prepare(bench, v, options.warmupFrames));
    for (let round = 0; round < options.rounds; round++) {
      for (const r of roundOrder(running, round)) {
        windows.get(r.variant)!.push(await r.measure(options.frames));
      }
    }
  } finally {
    for (const r of running) await r.close();
  }
  return { windows, sizes: running.map((r) => `${r.variant} ${r.frameSize}`).join(', ') };
}

/** The rows comparing the loops, from their windows. */
function frameRows(windows: Map<Variant, Window[]>): { rows: Row[]; spread: string } {
  const of = (v: Variant) => windows.get(v)!;
  const pooled = (v: Variant, pick: (w: Window) => number[]) => of(v).flatMap(pick);
  const steps = (v: Variant) => pooled(v, (w) => w.steps);
  const med = (v: Variant) => median(steps(v));
  const fps = (v: Variant) => median(of(v).map((w) => w.fps));
  const compare = (a: Variant, b: Variant, target?: number): Row =>
    row(`Per-frame time: ${LABELS[a]} vs ${LABELS[b]}`, summarize(steps(a)), {
      baseline: summarize(steps(b)),
      ratio: times(ratio(med(a), med(b))),
      ...(target
        ? { target: `≤ ${target.toFixed(2)}×`, verdict: verdict(ratio(med(a), med(b)) <= target) }
        : {}),
    });
  const spreadOf = (a: Variant, b: Variant) => {
    const list = of(a).map((w, i) => ratio(median(w.steps), median(of(b)[i]!.steps)));
    return `${times(Math.min(...list))}–${times(Math.max(...list))}`;
  };
  const phaseOf = (v: Variant, i: number) =>
    ms(median(pooled(v, (w) => w.phases.map((p) => p[i]!))));
  const phase = (i: number) => phaseOf('sdk-worker', i);
  const busyOf = (v: Variant) => median(pooled(v, (w) => w.busy));
  const rows = [
    compare('sdk-worker', 'bare-main', 1.1),
    compare('sdk-worker', 'bare-worker'),
    compare('sdk-main', 'bare-main'),
    row(
      '  SDK (worker) frame, split: callback → landmarks back | anchor + smooth | draw',
      `${phase(0)} | ${phase(1)} | ${phase(2)}`,
    ),
    row(
      'Per-frame time: the ring as a 3D model vs the same try-on with its image (SDK, worker)',
      summarize(steps('sdk-3d')),
      {
        baseline: summarize(steps('sdk-worker')),
        ratio: times(ratio(med('sdk-3d'), med('sdk-worker'))),
        target: '≤ 1.15×',
        verdict: verdict(ratio(med('sdk-3d'), med('sdk-worker')) <= 1.15),
      },
    ),
    row('  3D draw per frame (pose + render + composite) vs the image draw', phaseOf('sdk-3d', 2), {
      baseline: phase(2),
    }),
    row(
      '  time the worker spends per frame (inference + result copy), SDK vs bare',
      ms(busyOf('sdk-worker')),
      {
        baseline: ms(busyOf('bare-worker')),
        ratio: times(ratio(busyOf('sdk-worker'), busyOf('bare-worker'))),
      },
    ),
    row(
      `Diagnostic: ${LABELS['sdk-no-overlay']} vs bare tasks-vision, in a worker (per frame | in the worker)`,
      `${ms(med('sdk-no-overlay'))} | ${ms(busyOf('sdk-no-overlay'))}`,
      {
        baseline: `${ms(med('bare-worker'))} | ${ms(busyOf('bare-worker'))}`,
        ratio: times(ratio(med('sdk-no-overlay'), med('bare-worker'))),
      },
    ),
    row(
      'Frames processed per second: SDK (worker) vs bare (main thread)',
      `${fps('sdk-worker').toFixed(1)} fps`,
      {
        baseline: `${fps('bare-main').toFixed(1)} fps`,
        ratio: times(ratio(fps('sdk-worker'), fps('bare-main'))),
      },
    ),
  ];
  const spread = `SDK (worker) / bare (main) ${spreadOf('sdk-worker', 'bare-main')}; SDK (worker) / bare (worker) ${spreadOf('sdk-worker', 'bare-worker')}; SDK (main) / bare (main) ${spreadOf('sdk-main', 'bare-main')}`;
  return { rows, spread };
}

/** The long-task rows: SDK (worker) against the bare main-thread loop. */
function longTaskRows(sdk: LongTasks, bare: LongTasks, seconds: number): Row[] {
  return [
    row(
      `Main-thread long tasks (> 50 ms) during ${seconds} s of try-on (SDK, worker)`,
      `${sdk.count} (worst ${ms(sdk.worst)}; ${sdk.frames} frames)`,
      {
        baseline: `${bare.count} (bare, main thread; ${bare.frames} frames)`,
        target: '0',
        verdict: verdict(sdk.count === 0),
      },
    ),
    row(
      '  traced: tasks > 50 ms wall clock (most CPU any used) | tasks > 50 ms of CPU',
      `${sdk.tracedLong} (${ms(sdk.tracedLongMaxCpu)} CPU) | ${sdk.cpuCount}`,
      {
        baseline: `${bare.tracedLong} (${ms(bare.tracedLongMaxCpu)} CPU) | ${bare.cpuCount} (bare)`,
      },
    ),
  ];
}

/** Runs the interleaved windows, then the long-task windows; returns the section. */
export async function frameBenchmark(bench: BenchBrowser, options: FrameOptions): Promise<Section> {
  const variants: Variant[] = [
    'bare-main',
    'sdk-worker',
    'bare-worker',
    'sdk-main',
    'sdk-no-overlay',
    'sdk-3d',
  ];
  const { windows, sizes } = await runWindows(bench, variants, options);
  const { rows, spread } = frameRows(windows);
  const seconds = options.longTaskSeconds;
  const sdk = await longTasks(bench, 'sdk-worker', options.warmupFrames, seconds);
  const bare = await longTasks(bench, 'bare-main', options.warmupFrames, seconds);
  const notes = [
    `Per-frame time is measured on the main thread from the requestVideoFrameCallback that starts a frame to the end of that frame's work: for the SDK, the end of the overlay draw (instrumented from outside by \`bench/pages/probe.js\`, which wraps the frame callback, the \`VideoFrame\` constructor and \`createImageBitmap\`, the worker's messages and the overlay's \`clearRect\`); for the bare loop, when detectForVideo returns (main thread) or its result is back (worker). Both loops keep one frame in flight and skip camera frames while busy, as the SDK's loop does; both show the video at the same size (648×486, mirrored).`,
    `Medians over ${options.rounds} windows × ${options.frames} frames per variant, "median (p95)". The loops run in pages opened at once (${options.warmupFrames} warm-up frames each); their cameras are paused (no frame callbacks, so the loops idle) except during their own windows, which alternate, order rotating each round, ${SETTLE_FRAMES} frames dropped after each resume. Every variant thus sees the same drift of this shared machine's load. Range of the per-window ratios: ${spread}.`,
    `Same model (hand_landmarker.task, full), CPU delegate, one hand, VIDEO mode; fake camera 640×480 at 30 fps from \`e2e/fixtures/photos/handSrc.jpg\`. Frames seen: ${sizes}. Worker time is measured inside the worker by \`bench/pages/worker-shim.js\` (message in → reply out). The SDK hands its worker a \`VideoFrame\` of the video (no copy on the page) and the worker draws it into a 2D canvas before inference, so the SDK's worker time includes that conversion; the bare worker gets an ImageBitmap made on the main thread (as tasks-vision's examples do). The diagnostic loop is the SDK in its worker with the overlay canvas hidden from outside (\`display: none\`): it still draws every frame, but the page no longer composites the overlay, which on this GPU-less machine is software work competing with inference for the two cores.`,
    'Long tasks come from the Long Tasks API (PerformanceObserver "longtask") after warm-up; the bare main-thread loop is the contrast (its inference blocks the page). The API counts wall-clock time, which on a loaded 2-core machine includes time the main thread waited for a core while the inference worker and other processes ran; the trace row reads the same window from a Chromium trace (`toplevel` tasks): the tasks over 50 ms of wall clock with the most CPU time any of them used, and the tasks that used over 50 ms of main-thread CPU themselves.',
  ];
  return {
    title: '2. Per-frame cost',
    rows: [...rows, ...longTaskRows(sdk, bare, seconds)],
    notes,
  };
}
