// Benchmark 6 — placement accuracy. On every photo variant (accuracy-variants.ts), per product
// kind: whether the SDK (default options, fed the frame as a live stream) detects the hand or
// face and draws the product; how far the drawn product is from where bare tasks-vision's
// landmarks (IMAGE mode, full frame) put it; and the false placements: a product drawn with any
// of its footprint on padding, a watch drawn where the photo shows no forearm, a product drawn
// off its body part. Also which detection option finds hands at the edge, and its cost.
import { join } from 'node:path';
import {
  anchorPoints,
  FACE,
  FACE_INDICES,
  footprint,
  type LandmarkFrame,
  type PlacedProduct,
  type Placement,
  type ProductFit,
  placeProduct,
  toView,
  viewMapping,
  wrapAngle,
} from '../../packages/sdk/src/anchoring/index.js';
import type { Landmark } from '../../packages/sdk/src/ml/types.js';
import {
  contentOf,
  FRAME,
  fileOf,
  makeVariants,
  type PhotoVariant,
  VARIANTS,
} from './accuracy-variants.js';
import { type BenchBrowser, REPO_ROOT } from './browser.js';
import { type Row, row, type Section, verdict } from './report.js';

const VIEW = { width: FRAME.width, height: FRAME.height, mirrored: false, fit: 'cover' as const };
const FRAMES = 12;
/** A drawn product more than this far from the reference is off its body part. */
const OFF_BODY = 0.1;

// The e2e test products' sizes (e2e/fixtures/products), a 300×100 box for the necklace.
const FITS: Readonly<Record<'hand' | 'face', readonly ProductFit[]>> = {
  hand: [
    { kind: 'ring', realWidthMm: 22, imageWidthPx: 100, imageHeightPx: 100 },
    { kind: 'watch', realWidthMm: 60, imageWidthPx: 120, imageHeightPx: 80 },
    { kind: 'bracelet', realWidthMm: 60, imageWidthPx: 120, imageHeightPx: 80 },
  ],
  face: [
    { kind: 'glasses', realWidthMm: 140, imageWidthPx: 200, imageHeightPx: 70 },
    { kind: 'necklace', realWidthMm: 150, imageWidthPx: 300, imageHeightPx: 100 },
    {
      kind: 'earrings',
      realWidthMm: 12,
      imageWidthPx: 40,
      imageHeightPx: 80,
      anchor: { x: 0.5, y: 0.02 },
    },
  ],
};

interface PageResult {
  sdk: { frame: LandmarkFrame | null; ms: number; delegate: string };
  bare: Record<'image' | 'videoFull' | 'video480', { landmarks: Landmark[][]; ms: number }>;
}

/** One scored (variant, kind) pair. */
export interface Score {
  readonly variant: string;
  readonly kind: string;
  readonly detected: boolean;
  readonly drawn: boolean;
  readonly hint: string | null;
  /** Centre error over hand (box diagonal) or face (234↔454) size; null when not drawn. */
  readonly centreError: number | null;
  readonly rotationErrorDeg: number | null;
  readonly falsePlacement: boolean;
}

function insideConvex(p: { x: number; y: number }, poly: readonly { x: number; y: number }[]) {
  let sign = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % poly.length]!;
    const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    if (cross !== 0) {
      if (sign !== 0 && Math.sign(cross) !== sign) return false;
      sign = Math.sign(cross);
    }
  }
  return true;
}

/** Share of a placed product's footprint outside the photo's area (on padding or off-frame). */
export function shareOffPhoto(
  p: Placement,
  fit: ProductFit,
  content: readonly { x: number; y: number }[],
) {
  const [a, b, , d] = footprint(p, fit);
  let off = 0;
  const n = 16;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const u = (i + 0.5) / n;
      const v = (j + 0.5) / n;
      const q = {
        x: a!.x + (b!.x - a!.x) * u + (d!.x - a!.x) * v,
        y: a!.y + (b!.y - a!.y) * u + (d!.y - a!.y) * v,
      };
      if (!insideConvex(q, content)) off += 1;
    }
  }
  return off / (n * n);
}

function sizeOf(kind: 'hand' | 'face', landmarks: readonly Landmark[]): number {
  const px = landmarks.map((l) => toView(viewMapping(FRAME.width, FRAME.height, VIEW), l));
  if (kind === 'face') {
    const a = px[FACE.rightSide]!;
    const b = px[FACE.leftSide]!;
    return Math.hypot(a.x - b.x, a.y - b.y);
  }
  const xs = px.map((p) => p.x);
  const ys = px.map((p) => p.y);
  return Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}

/** Where the geometry alone puts the product on the reference landmarks (no rules). */
function reference(fit: ProductFit, kind: 'hand' | 'face', landmarks: readonly Landmark[]) {
  const mapping = viewMapping(FRAME.width, FRAME.height, VIEW);
  const points = landmarks.map((l, i) =>
    kind === 'hand' || FACE_INDICES.includes(i) ? toView(mapping, l) : undefined,
  );
  return anchorPoints(fit, points);
}

/** Scores one kind on one variant. */
export function score(
  v: PhotoVariant,
  fit: ProductFit,
  sdk: LandmarkFrame | null,
  ref: Landmark[] | undefined,
): Score {
  const found = sdk !== null && (sdk.kind === 'hand' ? sdk.hands.length > 0 : sdk.faces.length > 0);
  const placed: PlacedProduct | null = sdk ? placeProduct(fit, sdk, VIEW) : null;
  const drawn = placed?.tracking ?? false;
  const content = contentOf(v);
  const refPlacements = ref ? reference(fit, v.kind, ref) : null;
  let centreError: number | null = null;
  let rotationErrorDeg: number | null = null;
  let offPhoto = false;
  placed?.placements.forEach((p, i) => {
    if (!p.visible) return;
    if (shareOffPhoto(p, fit, content) > 0) offPhoto = true;
    const r = refPlacements?.[i];
    if (!r?.visible || !ref) {
      centreError = Number.POSITIVE_INFINITY;
      return;
    }
    const e = Math.hypot(p.x - r.x, p.y - r.y) / sizeOf(v.kind, ref);
    const rot = (Math.abs(wrapAngle(p.rotation - r.rotation)) * 180) / Math.PI;
    centreError = Math.max(centreError ?? 0, e);
    rotationErrorDeg = Math.max(rotationErrorDeg ?? 0, rot);
  });
  const wristKind = fit.kind === 'watch' || fit.kind === 'bracelet';
  const off = centreError !== null && (centreError as number) > OFF_BODY;
  return {
    variant: v.name,
    kind: fit.kind,
    detected: found,
    drawn,
    hint: placed?.hint ?? null,
    centreError,
    rotationErrorDeg,
    falsePlacement: drawn && (offPhoto || off || (wristKind && !v.forearm)),
  };
}

const pct = (x: number | null) =>
  x === null ? '—' : Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'no ref.';
const deg = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)}°`);

/** Runs every variant through the page and scores it; returns the report section. */
export async function accuracyBenchmark(bench: BenchBrowser): Promise<Section> {
  const dir = join(REPO_ROOT, 'bench', 'variants');
  makeVariants(join(REPO_ROOT, 'e2e', 'fixtures', 'photos'), dir);
  const { context, page } = await bench.open('/bench/pages/accuracy.html');
  await page.waitForFunction(() => (window as unknown as { accReady?: boolean }).accReady === true);
  const scores: Score[] = [];
  const edge: { variant: string; found: Record<string, boolean>; ms: Record<string, number> }[] =
    [];
  try {
    for (const v of VARIANTS) {
      const result = (await page.evaluate(
        async ({ url, kind, frames }) => {
          const acc = (
            window as unknown as { acc: Record<string, (...a: unknown[]) => Promise<unknown>> }
          ).acc;
          await acc.load!(url);
          return {
            sdk: await acc.sdk!(kind, frames),
            bare: await acc.bare!(kind, Math.ceil(frames / 2)),
          };
        },
        { url: `/bench/variants/${fileOf(v)}`, kind: v.kind, frames: FRAMES },
      )) as PageResult;
      const ref = result.bare.image.landmarks[0];
      for (const fit of FITS[v.kind]) scores.push(score(v, fit, result.sdk.frame, ref));
      if (v.kind === 'hand') {
        const sdkFound =
          (result.sdk.frame?.kind === 'hand' && result.sdk.frame.hands.length > 0) ?? false;
        edge.push({
          variant: v.name,
          found: {
            sdk: sdkFound,
            video480: result.bare.video480.landmarks.length > 0,
            videoFull: result.bare.videoFull.landmarks.length > 0,
            image: result.bare.image.landmarks.length > 0,
          },
          ms: {
            sdk: result.sdk.ms,
            video480: result.bare.video480.ms,
            videoFull: result.bare.videoFull.ms,
            image: result.bare.image.ms,
          },
        });
      }
      console.log(
        `  ${v.name}: ${scores
          .slice(-3)
          .map(
            (s) =>
              `${s.kind} ${s.drawn ? `drawn ${pct(s.centreError)}` : `hidden (${s.hint})`}${s.falsePlacement ? ' FALSE' : ''}`,
          )
          .join(', ')}`,
      );
    }
  } finally {
    await context.close();
  }
  return sectionOf(scores, edge);
}

function sectionOf(
  scores: readonly Score[],
  edge: readonly { variant: string; found: Record<string, boolean>; ms: Record<string, number> }[],
): Section {
  const falses = scores.filter((s) => s.falsePlacement);
  const worst = (kinds: string[]) =>
    Math.max(
      0,
      ...scores
        .filter((s) => kinds.includes(s.kind) && s.drawn && !s.falsePlacement)
        .map((s) => s.centreError ?? 0),
    );
  const ringErr = worst(['ring']);
  const faceErr = worst(['glasses', 'necklace', 'earrings']);
  const rows: Row[] = [
    row('False placements (all variants and kinds)', `${falses.length} of ${scores.length}`, {
      target: '0',
      verdict: verdict(falses.length === 0),
    }),
    row('Ring centre error, worst drawn case', pct(ringErr), {
      target: '≤ 2% of hand size',
      verdict: verdict(ringErr <= 0.02),
    }),
    row('Face products centre error, worst drawn case', pct(faceErr), {
      target: '≤ 4% of face width',
      verdict: verdict(faceErr <= 0.04),
    }),
  ];
  const table = [
    '| Variant | Product | Detected | Drawn | Centre error | Rotation error | False placement | Hint shown |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...scores.map(
      (s) =>
        `| ${s.variant} | ${s.kind} | ${s.detected ? 'yes' : 'no'} | ${s.drawn ? 'yes' : 'no'} | ${pct(s.centreError)} | ${deg(s.rotationErrorDeg)} | ${s.falsePlacement ? '**yes**' : 'no'} | ${s.hint ?? '—'} |`,
    ),
  ].join('\n');
  const ms = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(1)} ms`);
  const yes = (b: boolean | undefined) => (b ? 'found' : '**missed**');
  const edgeTable = [
    '| Hand variant | SDK default (worker, VIDEO, 480 px) | bare VIDEO 480 px | bare VIDEO 640 px | bare IMAGE 640 px |',
    '| --- | --- | --- | --- | --- |',
    ...edge.map(
      (e) =>
        `| ${e.variant} | ${yes(e.found.sdk)} · ${ms(e.ms.sdk)} | ${yes(e.found.video480)} · ${ms(e.ms.video480)} | ${yes(e.found.videoFull)} · ${ms(e.ms.videoFull)} | ${yes(e.found.image)} · ${ms(e.ms.image)} |`,
    ),
  ].join('\n');
  return {
    title: '6. Placement accuracy',
    rows,
    notes: [
      `Each variant is a real test photo made into one 640×480 frame by ffmpeg (\`bench/src/accuracy-variants.ts\`) and fed to the page as a live stream, so the SDK reads it as it reads a camera, with its default options, ${FRAMES} frames, the last scored. The reference is bare tasks-vision on the same frame (IMAGE mode, full size, CPU), put through the same anchoring geometry without the visibility rules. Hand size: the diagonal of the box around the 21 reference landmarks; face size: the face width (landmarks 234↔454). A false placement is a product drawn with any of its footprint outside the photo (on padding), a watch or bracelet drawn where the photo shows no forearm (\`handSrc.jpg\`'s wrist is cut by its left edge), or a product drawn more than ${OFF_BODY * 100}% of the body size from the reference.`,
      table,
      'Hands at the edge: whether each detection option finds the hand on the same frame, and its median cost per frame (the SDK figure is the whole round trip to its worker; the bare ones are the detect call alone on the page).',
      edgeTable,
    ],
  };
}
