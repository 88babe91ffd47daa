// Benchmark 4 — memory. A long try-on and repeated open/close cycles: growth of the JS heaps
// (page and worker, after a forced GC) and of live wasm linear memory, against the same run
// of the bare tasks-vision loop in a worker; and what is left alive after closing.
import type { Page } from '@playwright/test';
import type { BenchBrowser } from './browser.js';
import { type Inspector, inspect, pageMemory } from './cdp.js';
import {
  type BenchWindow,
  collectSteps,
  resetProbe,
  startBare,
  startSdk,
  waitForTracking,
} from './flows.js';
import { type Row, row, type Section, verdict } from './report.js';
import { bytes, growth } from './stats.js';

/** Settings of the memory benchmark. */
export interface MemoryOptions {
  readonly soakSeconds: number;
  readonly cycles: number;
}

/** Memory of a page and its workers at one moment, in bytes. */
export interface Snapshot {
  readonly mainHeap: number;
  readonly workerHeap: number;
  readonly wasm: number;
  readonly workers: number;
}

/** The total the target is about: JS heaps and wasm memory. */
export const total = (s: Snapshot) => s.mainHeap + s.workerHeap + s.wasm;

/** Field-by-field difference `b − a`. */
export function diff(a: Snapshot, b: Snapshot): Snapshot {
  return {
    mainHeap: b.mainHeap - a.mainHeap,
    workerHeap: b.workerHeap - a.workerHeap,
    wasm: b.wasm - a.wasm,
    workers: b.workers - a.workers,
  };
}

async function snapshot(inspector: Inspector): Promise<Snapshot> {
  const m = await pageMemory(inspector);
  return {
    mainHeap: m.main.jsHeap,
    workerHeap: m.workers.jsHeap,
    wasm: m.main.wasm + m.workers.wasm,
    workers: m.workerCount,
  };
}

type Kind = 'sdk' | 'bare';
const PATHS: Record<Kind, string> = {
  sdk: '/bench/pages/sdk.html?inference=worker',
  bare: '/bench/pages/bare.html?placement=worker',
};

/** Frames since the last read; clears the probe's arrays so they do not grow the heap. */
async function drainFrames(page: Page): Promise<number> {
  const n = await page.evaluate(() => (window as unknown as BenchWindow).__bench.steps.length);
  await resetProbe(page);
  return n;
}

/** A try-on (or bare loop) running for `seconds`; memory at the start, the end and the peak. */
async function soak(bench: BenchBrowser, kind: Kind, seconds: number) {
  const { page, context } = await bench.open(PATHS[kind]);
  const inspector = await inspect(page);
  try {
    if (kind === 'sdk') await startSdk(page);
    else await startBare(page);
    await collectSteps(page, 30);
    await drainFrames(page);
    const start = await snapshot(inspector);
    let peak = total(start);
    let frames = 0;
    const samples = 10;
    for (let i = 0; i < samples; i++) {
      await page.waitForTimeout((seconds * 1000) / samples);
      frames += await drainFrames(page);
      peak = Math.max(peak, total(await snapshot(inspector)));
    }
    const end = await snapshot(inspector);
    return { start, end, peak, frames };
  } finally {
    await inspector.close();
    await context.close();
  }
}

/** Opens and closes `cycles` times; memory after the first close and after the last. */
async function cycle(bench: BenchBrowser, kind: Kind, cycles: number) {
  const { page, context } = await bench.open(PATHS[kind]);
  const inspector = await inspect(page);
  let closedAt = 0;
  const close = async () => {
    await page.evaluate(async (isSdk) => {
      const w = window as unknown as BenchWindow;
      await (isSdk ? w.tryOn.close() : w.bare.close());
      w.__bench.trackingAt = null;
    }, kind === 'sdk');
    closedAt = Date.now();
  };
  const reopen = () =>
    page.evaluate((isSdk) => {
      const w = window as unknown as BenchWindow & { bare: { open(): Promise<void> } };
      void (isSdk ? w.tryOn.open() : w.bare.open());
    }, kind === 'sdk');
  try {
    if (kind === 'sdk') await startSdk(page);
    else await startBare(page);
    await close();
    const first = await snapshot(inspector);
    for (let i = 1; i < cycles; i++) {
      await reopen();
      await waitForTracking(page);
      await resetProbe(page);
      await collectSteps(page, 5);
      await close();
    }
    await resetProbe(page);
    const last = await snapshot(inspector);
    // The SDK keeps its landmarker warm for `reopenGraceMs` (default 60 s) after a close: what
    // is left is read once that has run out, and how long the release took is reported.
    const leftNow = () =>
      page.evaluate(() => {
        const b = (window as unknown as BenchWindow).__bench;
        return { tracks: b.liveTracks(), workers: b.workers.created - b.workers.terminated };
      });
    let left = await leftNow();
    while (left.workers > 0 && Date.now() - closedAt < RELEASE_WAIT_MS) {
      await page.waitForTimeout(500);
      left = await leftNow();
    }
    const releasedAfterMs = Date.now() - closedAt;
    const released = await snapshot(inspector);
    return { first, last, left, released, releasedAfterMs };
  } finally {
    await inspector.close();
    await context.close();
  }
}

/** `+0.12 MB (page heap +0.01 MB, worker heap +0.10 MB, wasm +0.00 MB)`. */
function summarize(d: Snapshot): string {
  return `${growth(total(d))} (page heap ${growth(d.mainHeap)}, worker heap ${growth(d.workerHeap)}, wasm ${growth(d.wasm)})`;
}

const LIMIT = 5 * 1024 * 1024;

/** Longest wait for the warm landmarker's release: the SDK's default grace (60 s) and a margin. */
const RELEASE_WAIT_MS = 75_000;

/** Runs the soaks and the cycles for the SDK and the bare loop; returns the section. */
export async function memoryBenchmark(
  bench: BenchBrowser,
  options: MemoryOptions,
): Promise<Section> {
  const sdkSoak = await soak(bench, 'sdk', options.soakSeconds);
  const bareSoak = await soak(bench, 'bare', options.soakSeconds);
  const sdkCycles = await cycle(bench, 'sdk', options.cycles);
  const bareCycles = await cycle(bench, 'bare', options.cycles);
  const soakGrowth = diff(sdkSoak.start, sdkSoak.end);
  const cycleGrowth = diff(sdkCycles.first, sdkCycles.last);
  const minutes = `${(options.soakSeconds / 60).toFixed(options.soakSeconds % 60 ? 1 : 0)} min`;
  const rows: Row[] = [
    row(`Growth over a ${minutes} try-on (SDK, worker)`, summarize(soakGrowth), {
      baseline: `${summarize(diff(bareSoak.start, bareSoak.end))} (bare, worker)`,
      target: '≤ 5 MB',
      verdict: verdict(total(soakGrowth) <= LIMIT),
    }),
    row(
      '  in use at the start → peak of the try-on (SDK)',
      `${bytes(total(sdkSoak.start))} → ${bytes(sdkSoak.peak)}`,
      {
        baseline: `${bytes(total(bareSoak.start))} → ${bytes(bareSoak.peak)} (bare)`,
      },
    ),
    row(`Growth over ${options.cycles} open/close cycles (SDK)`, summarize(cycleGrowth), {
      baseline: `${summarize(diff(bareCycles.first, bareCycles.last))} (bare)`,
      target: '≤ 5 MB',
      verdict: verdict(total(cycleGrowth) <= LIMIT),
    }),
    row(
      'Left after the last close and the reopen grace period: live camera tracks, workers, wasm memory',
      `${sdkCycles.left.tracks} tracks, ${sdkCycles.left.workers} workers (${sdkCycles.released.workers} seen by DevTools), ${bytes(sdkCycles.released.wasm)} wasm (released ${(sdkCycles.releasedAfterMs / 1000).toFixed(1)} s after the close)`,
      {
        baseline: `${bareCycles.left.tracks} tracks, ${bareCycles.left.workers} workers, ${bytes(bareCycles.released.wasm)} wasm (bare)`,
        target: '0 tracks, 0 workers',
        verdict: verdict(
          sdkCycles.left.tracks === 0 &&
            sdkCycles.left.workers === 0 &&
            sdkCycles.released.workers === 0,
        ),
      },
    ),
  ];
  const notes = [
    `Each figure is read after a forced garbage collection (DevTools \`HeapProfiler.collectGarbage\`) in the page and in each worker: JS heap from \`Runtime.getHeapUsage\`, wasm linear memory from \`bench/pages/wasm-probe.js\` (weak references to every exported \`WebAssembly.Memory\`; wasm memory never shrinks, so its growth is the high-water mark). The probe's own frame records are cleared before every reading.`,
    `Soak: ${options.soakSeconds} s of running try-on after 30 warm-up frames, 10 readings; ${sdkSoak.frames} SDK frames and ${bareSoak.frames} bare frames were processed.`,
    `Cycles: the first open (with the consent click) and close, a reading, then ${options.cycles - 1} more open → tracked → 5 frames → close, and a reading. Growth is last − first, so one-time costs (module code, the consent record) are not counted; both readings hold the landmarker the SDK keeps warm after a close. What is left is read once the reopen grace period (\`reopenGraceMs\`, default 60 s) has released it, polled every 0.5 s up to ${RELEASE_WAIT_MS / 1000} s. "Workers" left is created − terminated from a wrapper around \`Worker\`; DevTools lists the workers still attached.`,
  ];
  return { title: '4. Memory', rows, notes };
}
