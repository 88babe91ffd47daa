// Benchmark 3 — cold start. Consent click → first drawn product (SDK) against bare MediaPipe:
// click → camera → tasks-vision import + createFromOptions → first detection with a hand. Each
// cold run is a fresh browser context (empty HTTP cache, no consent on record). Then the warm
// reopen: close and open again in the same page (consent on record, files cached by the page).
import type { Page } from '@playwright/test';
import type { BenchBrowser } from './browser.js';
import { type BenchWindow, startBare, startSdk, waitForTracking } from './flows.js';
import { type Row, row, type Section, verdict } from './report.js';
import { median, ms, ratio, times } from './stats.js';

type Kind = 'sdk' | 'bare-main' | 'bare-worker';

const PATHS: Record<Kind, string> = {
  sdk: '/bench/pages/sdk.html',
  'bare-main': '/bench/pages/bare.html?placement=main',
  'bare-worker': '/bench/pages/bare.html?placement=worker',
};

/** One cold start and one warm reopen of one kind. */
interface Run {
  readonly cold: number;
  readonly warm: number;
  /** Main-thread long tasks between the click and the first drawn product. */
  readonly coldLongTasks: number;
  /** Milestones after the click, in ms: `name +t`. */
  readonly marks: string;
}

/** Reads the cold-start figures from the page after the first tracked frame. */
function coldFigures(page: Page) {
  return page.evaluate(() => {
    const b = (window as unknown as BenchWindow).__bench;
    const click = b.clicks[b.clicks.length - 1] ?? Number.NaN;
    const at = b.trackingAt ?? Number.NaN;
    return {
      cold: at - click,
      longTasks: b.longTasks.filter((t) => t.start >= click && t.start <= at).length,
      marks: b.marks
        .filter(([, t]) => t >= click)
        .map(([name, t]) => `${name} +${Math.round(t - click)}`)
        .join(', '),
    };
  });
}

/** Closes the running try-on or bare loop, reopens it and times the first tracked frame. */
async function warmReopen(page: Page, kind: Kind): Promise<number> {
  await page.evaluate(async (isSdk) => {
    const w = window as unknown as BenchWindow;
    if (isSdk) await w.tryOn.close();
    else await w.bare.close();
    w.__bench.trackingAt = null;
    (w as unknown as { reopenAt: number }).reopenAt = performance.now();
    if (isSdk) void w.tryOn.open();
    else void (w as unknown as { bare: { open(): Promise<void> } }).bare.open();
  }, kind === 'sdk');
  await waitForTracking(page);
  return page.evaluate(() => {
    const w = window as unknown as BenchWindow & { reopenAt: number };
    return (w.__bench.trackingAt ?? Number.NaN) - w.reopenAt;
  });
}

async function once(bench: BenchBrowser, kind: Kind): Promise<Run> {
  const { page, context } = await bench.open(PATHS[kind]);
  try {
    if (kind === 'sdk') await startSdk(page);
    else await startBare(page);
    const figures = await coldFigures(page);
    const warm = await warmReopen(page, kind);
    return { cold: figures.cold, warm, coldLongTasks: figures.longTasks, marks: figures.marks };
  } finally {
    await context.close();
  }
}

/** Measures cold start and warm reopen, `rounds` times each, order rotating. */
export async function coldStartBenchmark(bench: BenchBrowser, rounds: number): Promise<Section> {
  const kinds: Kind[] = ['bare-main', 'sdk', 'bare-worker'];
  const runs = new Map<Kind, Run[]>(kinds.map((k) => [k, []]));
  for (let round = 0; round < rounds; round++) {
    const k = round % kinds.length;
    for (const kind of [...kinds.slice(k), ...kinds.slice(0, k)]) {
      runs.get(kind)!.push(await once(bench, kind));
    }
  }
  const cold = (k: Kind) => median(runs.get(k)!.map((r) => r.cold));
  const warm = (k: Kind) => median(runs.get(k)!.map((r) => r.warm));
  const all = (k: Kind, pick: (r: Run) => number) =>
    runs
      .get(k)!
      .map((r) => ms(pick(r)))
      .join(', ');
  const rows: Row[] = [
    row(
      'Cold start: consent click → first drawn product, SDK vs bare MediaPipe (main thread)',
      ms(cold('sdk')),
      {
        baseline: ms(cold('bare-main')),
        ratio: times(ratio(cold('sdk'), cold('bare-main'))),
        target: '≤ 1.20×',
        verdict: verdict(ratio(cold('sdk'), cold('bare-main')) <= 1.2),
      },
    ),
    row('Cold start: SDK vs bare MediaPipe in a worker', ms(cold('sdk')), {
      baseline: ms(cold('bare-worker')),
      ratio: times(ratio(cold('sdk'), cold('bare-worker'))),
    }),
    row(
      'Warm reopen: open() → first drawn product, SDK vs bare re-create (main thread)',
      ms(warm('sdk')),
      {
        baseline: ms(warm('bare-main')),
        ratio: times(ratio(warm('sdk'), warm('bare-main'))),
        target: '≤ 1.20×',
        verdict: verdict(ratio(warm('sdk'), warm('bare-main')) <= 1.2),
      },
    ),
    row('Warm reopen: SDK vs bare re-create in a worker', ms(warm('sdk')), {
      baseline: ms(warm('bare-worker')),
      ratio: times(ratio(warm('sdk'), warm('bare-worker'))),
    }),
    row(
      'Main-thread long tasks during the cold start (SDK)',
      runs
        .get('sdk')!
        .map((r) => String(r.coldLongTasks))
        .join(', '),
      {
        baseline: runs
          .get('bare-main')!
          .map((r) => String(r.coldLongTasks))
          .join(', '),
      },
    ),
  ];
  const notes = [
    `Medians of ${rounds} run(s) each, a fresh browser context per run, order rotating. All runs: SDK cold ${all('sdk', (r) => r.cold)}; bare main ${all('bare-main', (r) => r.cold)}; bare worker ${all('bare-worker', (r) => r.cold)}. Warm: SDK ${all('sdk', (r) => r.warm)}; bare main ${all('bare-main', (r) => r.warm)}; bare worker ${all('bare-worker', (r) => r.warm)}.`,
    'SDK cold start runs from the trusted click on the consent dialog\'s "Accept" to the first frame whose product is drawn (the live view\'s `data-tracking` turns true right after that draw). It includes writing the consent record, mounting the live view, the camera, the worker, importing tasks-vision, compiling the wasm, loading the model, the product image and the first frames. The bare baseline runs from a click on "Start" to the first detectForVideo result with a hand: camera, tasks-vision import, createFromOptions, frames.',
    `Milestones of the first run (ms after the click): SDK ${runs.get('sdk')![0]?.marks}; bare main ${runs.get('bare-main')![0]?.marks}; bare worker ${runs.get('bare-worker')![0]?.marks}.`,
    'Warm reopen: `tryOn.close()` then `tryOn.open()` in the same page (consent on record, so no dialog; files come again from the loopback server, which sends no-cache headers), against closing and re-creating the bare landmarker the same way.',
  ];
  return { title: '3. Cold start', rows, notes };
}
