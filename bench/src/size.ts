// Benchmark 1 — size. What a shopper's browser actually fetches, phase by phase, on a page with
// the script-tag loader (or the SDK page when the loader is not built), measured as gzip and
// Brotli of the served files.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type BenchBrowser, REPO_ROOT } from './browser.js';
import { addSizes, type Sizes, sizesOf } from './compress.js';
import { type Row, row, type Section, verdict } from './report.js';
import { modulesOf } from './sourcemap.js';
import { bytes, ratio, times } from './stats.js';

/** What a fetched file is, for the budgets. */
export type AssetKind = 'loader' | 'sdk' | 'mediapipe-js' | 'wasm' | 'model' | 'other';

/** When a file was fetched, relative to the shopper's click and consent. */
export type Phase = 'before-click' | 'before-consent' | 'after-consent';

/** One fetched file. */
export interface Fetched {
  readonly path: string;
  readonly phase: Phase;
  readonly kind: AssetKind;
}

/** Classifies a requested path (the static server serves the repository as is). */
export function classify(url: string): AssetKind {
  const path = url.split('?')[0] ?? url;
  if (path.endsWith('/fittingroom-loader.js')) return 'loader';
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.task')) return 'model';
  if (/\/tasks-vision\/|\/wasm\/[^/]+\.js$/.test(path)) return 'mediapipe-js';
  if (/^\/packages\/(embed\/dist\/fittingroom|sdk\/dist)\/[^/]+\.js$/.test(path)) return 'sdk';
  if (path.endsWith('/assets/ml-worker.js')) return 'sdk'; // the SDK's worker, in the assets folder
  return 'other';
}

const KB = 1024;
const BUDGET = { loader: 5 * KB, preConsent: 20 * KB, sdkJs: 30 * KB };
const LOADER = join(REPO_ROOT, 'packages', 'embed', 'dist', 'fittingroom-loader.js');

/** Distinct paths the server was asked for since `from`, in order. */
function hitsSince(bench: BenchBrowser, from: number): string[] {
  return [...new Set(bench.site.hits.slice(from).map((h) => h.split('?')[0] ?? h))];
}

/** Drives the page through click → consent → try-on and records what each phase fetched. */
async function record(bench: BenchBrowser, embed: boolean): Promise<Fetched[]> {
  const start = bench.site.hits.length;
  const { page, context } = await bench.open(
    embed ? '/bench/pages/embed.html' : '/bench/pages/sdk.html',
  );
  try {
    const fetched: Fetched[] = [];
    const mark = (phase: Phase, from: number) => {
      const seen = new Set(fetched.map((f) => f.path));
      for (const path of hitsSince(bench, from)) {
        if (!seen.has(path)) fetched.push({ path, phase, kind: classify(path) });
      }
      return bench.site.hits.length;
    };
    await page.waitForLoadState('load');
    await page.waitForTimeout(1000);
    let at = mark('before-click', start);
    await page.getByRole('button', { name: 'Try it on' }).click();
    await page.getByRole('dialog').waitFor({ state: 'visible', timeout: 60_000 });
    // Anything the SDK prefetched without waiting for consent would show up now.
    await page.waitForTimeout(1500);
    at = mark('before-consent', at);
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await waitForDrawn(page);
    await page.waitForTimeout(1000);
    mark('after-consent', at);
    return fetched;
  } finally {
    await context.close();
  }
}

/** Waits for the first drawn product (or, failing that, a running live view). */
async function waitForDrawn(page: Page): Promise<void> {
  const live = page.locator('[data-fittingroom=tryon][data-state=live]');
  await live.waitFor({ state: 'attached', timeout: 120_000 });
  await page
    .locator('[data-fittingroom=tryon][data-tracking=true]')
    .waitFor({ state: 'attached', timeout: 60_000 })
    .catch(() => {});
}

function sizeOfAll(files: readonly Fetched[]): Sizes {
  return addSizes(files.map((f) => sizesOf(join(REPO_ROOT, f.path))));
}

const both = (s: Sizes) => `${bytes(s.gzip)} gzip · ${bytes(s.brotli)} br`;

/** A budget row: gzip against the budget. */
function budgetRow(metric: string, s: Sizes, budget: number): Row {
  return row(metric, both(s), {
    baseline: `budget ${bytes(budget)}`,
    ratio: times(ratio(s.gzip, budget)),
    target: `≤ ${bytes(budget)} gzip`,
    verdict: verdict(s.gzip <= budget),
  });
}

/** The biggest source modules of some fetched bundles, e.g. `valibot 12.2 KB, …`. */
function largest(files: readonly Fetched[], top = 6): string {
  const modules = modulesOf(files.map((f) => join(REPO_ROOT, f.path)));
  return modules
    .slice(0, top)
    .map(([name, n]) => `${name} ${bytes(n)}`)
    .join(', ');
}

/**
 * The 3D renderer's chunk (three.js: WebGLRenderer, GLTFLoader, PMREM, RoomEnvironment, plus the
 * SDK's poses and occluders), read from the SDK build: only a product with a `model` fetches it,
 * after consent, so the browser phases above never see it.
 */
function renderChunkRow(): Row {
  const dist = join(REPO_ROOT, 'packages', 'sdk', 'dist');
  const file = existsSync(dist)
    ? readdirSync(dist).find((f) => /^render3d-.*\.js$/.test(f))
    : undefined;
  const target = '≤ 160 KB gzip';
  if (!file) return row('3D renderer chunk (three.js), 3D products only', 'not built', { target });
  const s = sizesOf(join(dist, file));
  return row('3D renderer chunk (three.js), after consent, 3D products only', both(s), {
    target,
    verdict: verdict(s.gzip <= 160 * 1024),
  });
}

/** Runs the embed package's own budget check (the one meant for the test command). */
function staticCheck(): string {
  const script = join(REPO_ROOT, 'packages', 'embed', 'scripts', 'check-size.mjs');
  if (!existsSync(script)) return 'packages/embed/scripts/check-size.mjs is not there yet.';
  const run = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  const out = `${run.stdout}${run.stderr}`.trim().split('\n').join('; ');
  return `Static budget check \`packages/embed/scripts/check-size.mjs\` (exit ${run.status}): ${out}`;
}

/** Measures sizes phase by phase; returns the section of the report. */
export async function sizeBenchmark(bench: BenchBrowser): Promise<Section> {
  const embed = existsSync(LOADER);
  const fetched = await record(bench, embed);
  const of = (phases: Phase[], kinds: AssetKind[]) =>
    fetched.filter((f) => phases.includes(f.phase) && kinds.includes(f.kind));
  const code: AssetKind[] = ['loader', 'sdk', 'mediapipe-js', 'wasm', 'model'];
  const preConsent = of(['before-click', 'before-consent'], code);
  const sdkAll = of(['before-click', 'before-consent', 'after-consent'], ['sdk']);
  const sdkAfter = of(['after-consent'], ['sdk']);
  const rows: Row[] = [];
  const loader = of(['before-click'], ['loader']);
  if (embed)
    rows.push(
      budgetRow(
        'Script-tag loader (all that loads before a click)',
        sizeOfAll(loader),
        BUDGET.loader,
      ),
    );
  else
    rows.push(
      row('Script-tag loader', 'not built (packages/embed/dist)', { target: '≤ 5 KB gzip' }),
    );
  rows.push(
    budgetRow('Everything fetched before consent', sizeOfAll(preConsent), BUDGET.preConsent),
    budgetRow("SDK's own JS, whole try-on (MediaPipe excluded)", sizeOfAll(sdkAll), BUDGET.sdkJs),
    row('  of which fetched after consent', both(sizeOfAll(sdkAfter))),
    row(
      'MediaPipe JS (tasks-vision + wasm loader)',
      both(sizeOfAll(of(['after-consent'], ['mediapipe-js']))),
    ),
    row('MediaPipe wasm', both(sizeOfAll(of(['after-consent'], ['wasm'])))),
    row('Model (.task)', both(sizeOfAll(of(['after-consent'], ['model'])))),
  );
  rows.push(renderChunkRow());
  const mlEarly = of(['before-click', 'before-consent'], ['mediapipe-js', 'wasm', 'model']);
  const list = (files: readonly Fetched[]) =>
    files.map((f) => `\`${f.path}\` (${bytes(sizesOf(join(REPO_ROOT, f.path)).gzip)})`).join(', ');
  const notes = [
    `Measured in the browser: ${embed ? '`bench/pages/embed.html`, a page with the script tag' : '`bench/pages/sdk.html` (the loader was not built)'}; every file the static server was asked for, by phase (page load; click → consent dialog shown + 1.5 s; Accept → first drawn product). Sizes are of those files compressed here: gzip -9 and Brotli 11. The page itself and the product image are the retailer's and not counted.`,
    `Before the click: ${list(of(['before-click'], code)) || 'nothing'}.`,
    `Before consent: ${list(preConsent) || 'nothing'}.`,
    `After consent: ${list(of(['after-consent'], code))}.`,
    mlEarly.length
      ? `❌ ML code fetched before consent: ${list(mlEarly)} — this breaks privacy promise 1.`
      : 'No ML code, wasm or model was fetched before consent.',
    `Largest modules of the SDK's JS (minified bytes, from the source maps) — before consent: ${largest(preConsent)}; after consent: ${largest(sdkAfter)}.`,
    'Ratios are against the budget (sizes are deterministic, so no same-run baseline is needed).',
    staticCheck(),
  ];
  return { title: '1. Size', rows, notes };
}
