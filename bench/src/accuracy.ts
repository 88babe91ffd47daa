// Benchmark 6 — placement accuracy. On every photo variant (accuracy-variants.ts), per product
// kind: whether the SDK (default options, fed the frame as a live stream) detects the hand or
// face and draws the product; how far the drawn product is from where bare tasks-vision's
// landmarks (IMAGE mode, full frame) put it; and the false placements (accuracy-score.ts). Also
// which detection option finds hands at the edge, and what a second hand costs per frame
// (accuracy-report.ts). This file drives the page, one step at a time, each with a deadline.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { LandmarkFrame } from '../../packages/sdk/src/anchoring/index.js';
import type { Landmark } from '../../packages/sdk/src/ml/types.js';
import { type EdgeResult, pct, sectionOf } from './accuracy-report.js';
import { FITS, pixelsOf, type Score, score } from './accuracy-score.js';
import { fileOf, makeVariants, type PhotoVariant, VARIANTS } from './accuracy-variants.js';
import { type BenchBrowser, REPO_ROOT } from './browser.js';
import { withDeadline } from './deadline.js';
import type { Section } from './report.js';

const FRAMES = 12;
/** Frames of each bare tasks-vision run (their timing only; the reference is the last). */
const BARE_FRAMES = 6;
/**
 * Longest one step may take: a model start plus its frames take 5–30 s on a loaded 2-core
 * machine; a step past this waits for something that will not come.
 */
const STEP_MS = 180_000;

type SdkRun = { frame: LandmarkFrame | null; ms: number; delegate: string };
type BareRun = { landmarks: Landmark[][]; ms: number };

/** One step on the page under its deadline; a late step fails naming the variant and step. */
function onPage<T>(page: Page, step: string, run: () => Promise<T>): Promise<T> {
  const explain = async () => {
    const state = await withDeadline(
      'reading the page state',
      5_000,
      page.evaluate(() => (window as unknown as { acc: { state(): unknown } }).acc.state()),
    );
    return `page state ${JSON.stringify(state)}, ${page.workers().length} worker(s) alive`;
  };
  return withDeadline(`accuracy: ${step}`, STEP_MS, run(), explain);
}

type Acc = {
  load(url: string): Promise<void>;
  sdk(kind: string, frames: number, maxHands?: number): Promise<SdkRun>;
  bare(kind: string, mode: string, frames: number, cap: boolean): Promise<BareRun>;
};

/** Everything measured on one variant's frame. */
async function measure(page: Page, v: PhotoVariant, turn: number) {
  const url = `/bench/variants/${fileOf(v)}`;
  const at = (what: string) => `"${v.name}": ${what}`;
  // Each callback runs in the page: `acc` is the page's API (pages/accuracy.js).
  await onPage(page, at('loading the frame'), () =>
    page.evaluate((u) => (window as unknown as { acc: Acc }).acc.load(u), url),
  );
  const sdk = (maxHands: number) =>
    onPage(page, at(`SDK landmarker, maxHands ${maxHands}`), () =>
      page.evaluate(
        ([kind, frames, n]) =>
          (window as unknown as { acc: Acc }).acc.sdk(kind, frames, n === 1 ? undefined : n),
        [v.kind, FRAMES, maxHands] as const,
      ),
    );
  let one: SdkRun;
  let two: SdkRun | null = null;
  // Back to back on the same frame, alternating which goes first, so the load cancels out.
  if (v.kind === 'hand' && turn % 2 === 1) {
    two = await sdk(2);
    one = await sdk(1);
  } else {
    one = await sdk(1);
    if (v.kind === 'hand') two = await sdk(2);
  }
  const bare = (mode: 'IMAGE' | 'VIDEO', cap: boolean) =>
    onPage(page, at(`bare tasks-vision ${mode}${cap ? ' 480 px' : ''}`), () =>
      page.evaluate(
        ([kind, m, frames, c]) => (window as unknown as { acc: Acc }).acc.bare(kind, m, frames, c),
        [v.kind, mode, BARE_FRAMES, cap] as const,
      ),
    );
  const image = await bare('IMAGE', false);
  const videoFull = v.kind === 'hand' ? await bare('VIDEO', false) : null;
  const video480 = v.kind === 'hand' ? await bare('VIDEO', true) : null;
  return { one, two, image, videoFull, video480 };
}

const handsIn = (run: SdkRun | null) => (run?.frame?.kind === 'hand' ? run.frame.hands.length : 0);

/** Runs every variant through the page and scores it; returns the report section. */
export async function accuracyBenchmark(bench: BenchBrowser): Promise<Section> {
  const dir = join(REPO_ROOT, 'bench', 'variants');
  makeVariants(join(REPO_ROOT, 'e2e', 'fixtures', 'photos'), dir);
  const { context, page } = await bench.open('/bench/pages/accuracy.html');
  page.on('crash', () => console.error('  accuracy: the page crashed'));
  const scores: Score[] = [];
  const edge: EdgeResult[] = [];
  try {
    await onPage(page, 'the page starting', () =>
      page.waitForFunction(() => (window as { accReady?: boolean }).accReady === true),
    );
    for (const [turn, v] of VARIANTS.entries()) {
      const m = await measure(page, v, turn);
      const ref = referenceHand(v, m.image.landmarks);
      const pixels = v.kind === 'hand' ? pixelsOf(join(dir, fileOf(v))) : null;
      for (const fit of FITS[v.kind]) scores.push(score(v, fit, m.one.frame, ref, pixels));
      // With two hands in view, also what `maxHands: 2` would draw (the default finds one).
      const both = { ...v, name: `${v.name}, maxHands 2` };
      if ((v.hands ?? 1) > 1 && m.two) {
        for (const fit of FITS.hand) scores.push(score(both, fit, m.two.frame, ref, pixels));
      }
      if (v.kind === 'hand' && m.two && m.videoFull && m.video480) {
        edge.push({
          variant: v.name,
          hands: v.hands ?? 1,
          found: {
            sdk: handsIn(m.one),
            sdk2: handsIn(m.two),
            video480: m.video480.landmarks.length,
            videoFull: m.videoFull.landmarks.length,
            image: m.image.landmarks.length,
          },
          ms: {
            sdk: m.one.ms,
            sdk2: m.two.ms,
            video480: m.video480.ms,
            videoFull: m.videoFull.ms,
            image: m.image.ms,
          },
        });
      }
      console.log(`  ${v.name}: ${lineOf(scores.filter((s) => s.variant.startsWith(v.name)))}`);
    }
  } finally {
    await context.close();
  }
  return sectionOf(scores, edge, METHOD);
}

/**
 * The reference hand or face: the first the bare detector found, or, with two hands in the
 * frame, the one whose wrist lies in the variant's `expect` box (the hand whose landmarks the
 * product needs are in view).
 */
function referenceHand(v: PhotoVariant, found: Landmark[][]): Landmark[] | undefined {
  if (!v.expect) return found[0];
  const [x, y, w, h] = v.expect;
  return found.find((l) => {
    const px = (l[0]?.x ?? -1) * 640;
    const py = (l[0]?.y ?? -1) * 480;
    return px >= x && px <= x + w && py >= y && py <= y + h;
  });
}

const lineOf = (list: readonly Score[]) =>
  list
    .map(
      (s) =>
        `${s.kind} ${s.drawn ? `drawn ${pct(s.centreError)}` : `hidden (${s.hint})`}${s.falsePlacement ? ' FALSE' : ''}`,
    )
    .join(', ');

const METHOD = `Each variant is a real test photo made into one 640×480 frame by ffmpeg (\`bench/src/accuracy-variants.ts\`) and fed to the page as a live stream, so the SDK reads it as it reads a camera, with its default options, ${FRAMES} frames, the last scored. The reference is bare tasks-vision on the same frame (IMAGE mode, full size, CPU), put through the same anchoring geometry without the visibility rules; on a frame with two hands, the reference is the hand whose ring joints are in view. Hand size: the diagonal of the box around the 21 reference landmarks; face size: the face width (landmarks 234↔454). A false placement is a product drawn with any of its footprint on padding (in the frame, outside the photo), a watch or bracelet drawn where the photo shows no forearm (\`handSrc.jpg\`'s wrist is cut by its left edge; the \`forearm, …\` photos show one), or a product drawn more than 10% of the body size from the reference (whose watches sit across the forearm axis measured on the frame's pixels, as the SDK's do; on a two-hand frame, a ring on the other hand is this). Every step on the page has a ${STEP_MS / 1000} s deadline, and every wait inside it one of its own: a step that hangs fails the row naming the variant and the step.`;
