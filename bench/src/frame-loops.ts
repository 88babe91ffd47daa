// The per-frame benchmark's shell: starts the SDK and bare loops in pages, pauses and resumes
// their cameras, and reads what the probes recorded (see bench/pages/probe.js).
import type { Page } from '@playwright/test';
import type { BenchBrowser } from './browser.js';
import { type Inspector, inspect } from './cdp.js';
import {
  type BenchWindow,
  collectSteps,
  resetProbe,
  setPlaying,
  startBare,
  startSdk,
  waitForTracking,
} from './flows.js';
import { rate } from './stats.js';
import { traceTasks } from './trace.js';

/** The loops measured (the last one is a diagnostic: the SDK with its overlay not shown). */
export type Variant =
  | 'bare-main'
  | 'bare-worker'
  | 'sdk-worker'
  | 'sdk-main'
  | 'sdk-no-overlay'
  | 'sdk-3d';

const PATHS: Record<Variant, string> = {
  'bare-main': '/bench/pages/bare.html?placement=main',
  'bare-worker': '/bench/pages/bare.html?placement=worker',
  'sdk-worker': '/bench/pages/sdk.html?inference=worker',
  'sdk-main': '/bench/pages/sdk.html?inference=main',
  'sdk-no-overlay': '/bench/pages/sdk.html?inference=worker',
  // The same try-on with the ring's 3D model (the demo store's GLB) instead of its image.
  'sdk-3d': '/bench/pages/sdk.html?inference=worker&model=1',
};

/** Frames dropped after each resume, before a window starts. */
export const SETTLE_FRAMES = 5;

/** What one measurement window recorded. */
export interface Window {
  /** Per frame: frame callback → end of its work, ms. */
  readonly steps: number[];
  readonly fps: number;
  /** SDK only, per frame: [callback → landmarks back, → draw start, draw], ms. */
  readonly phases: number[][];
  /** Worker loops only, per frame: time the worker spent on it, ms. */
  readonly busy: number[];
}

/** A started loop whose camera is paused between windows. */
export interface Running {
  readonly variant: Variant;
  readonly frameSize: string;
  /** Plays the camera for one window of `frames` frames, then pauses it again. */
  measure(frames: number): Promise<Window>;
  close(): Promise<void>;
}

/** Opens a fresh page for a variant and starts it up to its first tracked frame. */
async function start(bench: BenchBrowser, variant: Variant) {
  const opened = await bench.open(PATHS[variant]);
  if (variant.startsWith('sdk')) await startSdk(opened.page);
  else await startBare(opened.page);
  await waitForTracking(opened.page);
  return opened;
}

/** Runs `expression` in every worker of the page; returns the values. */
async function inWorkers(inspector: Inspector, expression: string): Promise<unknown[]> {
  const values: unknown[] = [];
  for (const send of inspector.workers().values()) {
    const reply = (await send('Runtime.evaluate', { expression, returnByValue: true })) as {
      result: { value: unknown };
    };
    values.push(reply.result.value);
  }
  return values;
}

function frameSize(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('[data-fittingroom=tryon]');
    const video =
      document.querySelector<HTMLVideoElement>('#video') ??
      host?.shadowRoot?.querySelector('video');
    const mode = host?.dataset.mode;
    return `${video?.videoWidth}×${video?.videoHeight}${mode ? ` (${mode})` : ''}`;
  });
}

/** Hides the SDK's overlay canvas (CSSOM from outside; the live view's shadow root is open). */
function hideOverlay(page: Page): Promise<void> {
  return page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('[data-fittingroom=tryon]');
    const canvas = host?.shadowRoot?.querySelector('canvas');
    if (!canvas) throw new Error('no overlay canvas');
    canvas.style.display = 'none';
  });
}

/** Starts a variant, runs `warmupFrames` frames, pauses its camera. */
export async function prepare(
  bench: BenchBrowser,
  variant: Variant,
  warmupFrames: number,
): Promise<Running> {
  const { page, context } = await start(bench, variant);
  // The overlay is still drawn each frame, but no longer composited into the page.
  if (variant === 'sdk-no-overlay') await hideOverlay(page);
  const inspector = await inspect(page);
  await collectSteps(page, warmupFrames);
  await setPlaying(page, false);
  return {
    variant,
    frameSize: await frameSize(page),
    async measure(frames) {
      await resetProbe(page);
      await setPlaying(page, true);
      await collectSteps(page, SETTLE_FRAMES);
      await resetProbe(page);
      await inWorkers(inspector, 'self.__busy.length = 0');
      const { steps, ends } = await collectSteps(page, frames, 600_000);
      await setPlaying(page, false);
      const phases = await page.evaluate(() => (window as unknown as BenchWindow).__bench.phases);
      const busy = (await inWorkers(inspector, 'self.__busy')).flat() as number[];
      return { steps, fps: rate(ends), phases, busy };
    },
    async close() {
      await inspector.close();
      await context.close();
    },
  };
}

/** Long tasks seen during a window of running try-on. */
export interface LongTasks {
  /** Long Tasks API entries (wall clock > 50 ms). */
  readonly count: number;
  readonly worst: number;
  /** Traced main-thread tasks that used > 50 ms of CPU themselves. */
  readonly cpuCount: number;
  /** Traced tasks over 50 ms of wall clock, and the most CPU time any of them used. */
  readonly tracedLong: number;
  readonly tracedLongMaxCpu: number;
  readonly frames: number;
}

/** Counts main-thread long tasks during `seconds` of running loop (after warm-up). */
export async function longTasks(
  bench: BenchBrowser,
  variant: Variant,
  warmupFrames: number,
  seconds: number,
): Promise<LongTasks> {
  const { page, context } = await start(bench, variant);
  try {
    await collectSteps(page, warmupFrames);
    await resetProbe(page);
    const tasks = await traceTasks(bench.browser, page, () => page.waitForTimeout(seconds * 1000));
    const seen = await page.evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench;
      return {
        count: b.longTasks.length,
        worst: Math.max(0, ...b.longTasks.map((t) => t.duration)),
        frames: b.steps.length,
      };
    });
    const long = tasks.filter((t) => t.wall > 50);
    return {
      ...seen,
      cpuCount: tasks.filter((t) => t.cpu > 50).length,
      tracedLong: long.length,
      tracedLongMaxCpu: Math.max(0, ...long.map((t) => t.cpu)),
    };
  } finally {
    await context.close();
  }
}
