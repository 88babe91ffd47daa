// Scoring of the placement-accuracy benchmark (see accuracy.ts): where the SDK's rules and
// anchoring put a product on one variant's frame, against where the same geometry puts it on bare
// tasks-vision's landmarks, and whether the drawn product lies on padding or off its body part.
import { execFileSync } from 'node:child_process';
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
import { FOREARM_SAMPLE_SIDE, type Pixels } from '../../packages/sdk/src/ml/forearm.js';
import { forearmAxis } from '../../packages/sdk/src/ml/forearm-axis.js';
import type { Landmark } from '../../packages/sdk/src/ml/types.js';
import { contentOf, FRAME, type PhotoVariant } from './accuracy-variants.js';

export const VIEW = {
  width: FRAME.width,
  height: FRAME.height,
  mirrored: false,
  fit: 'cover' as const,
};
/** A drawn product more than this far from the reference is off its body part. */
export const OFF_BODY = 0.1;

// The e2e test products' sizes (e2e/fixtures/products), a 300×100 box for the necklace.
export const FITS: Readonly<Record<'hand' | 'face', readonly ProductFit[]>> = {
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

/**
 * Share of a placed product's footprint that lies in the frame but outside the photo's area:
 * on padding. Footprint off the frame is drawn nowhere (a strap running off the edge with the
 * arm is not a false placement; the visibility rule already demands most of it in view).
 */
export function shareOffPhoto(
  p: Placement,
  fit: ProductFit,
  content: readonly (readonly { x: number; y: number }[])[],
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
      const inFrame = q.x >= 0 && q.y >= 0 && q.x <= FRAME.width && q.y <= FRAME.height;
      if (inFrame && !content.some((area) => insideConvex(q, area))) off += 1;
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

/**
 * Where the geometry alone puts the product on the reference landmarks (no rules); wrist
 * products on the forearm axis measured on the same frame's pixels, as the SDK measures it.
 */
function reference(
  fit: ProductFit,
  kind: 'hand' | 'face',
  landmarks: readonly Landmark[],
  pixels: Pixels | null,
) {
  const mapping = viewMapping(FRAME.width, FRAME.height, VIEW);
  const points = landmarks.map((l, i) =>
    kind === 'hand' || FACE_INDICES.includes(i) ? toView(mapping, l) : undefined,
  );
  const axis = kind === 'hand' && pixels ? forearmAxis(pixels, landmarks) : null;
  return anchorPoints(fit, points, axis ?? undefined);
}

/** A variant's frame at the SDK's forearm sampling size (160×120), as RGBA. */
export function pixelsOf(file: string): Pixels {
  const [width, height] = [FOREARM_SAMPLE_SIDE, (FOREARM_SAMPLE_SIDE * FRAME.height) / FRAME.width];
  const args = ['-loglevel', 'error', '-i', file, '-vf', `scale=${width}:${height}`];
  const raw = execFileSync('ffmpeg', [...args, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-']);
  return { data: new Uint8ClampedArray(raw), width, height };
}

/** Scores one kind on one variant. */
export function score(
  v: PhotoVariant,
  fit: ProductFit,
  sdk: LandmarkFrame | null,
  ref: Landmark[] | undefined,
  pixels: Pixels | null = null,
): Score {
  const found = sdk !== null && (sdk.kind === 'hand' ? sdk.hands.length > 0 : sdk.faces.length > 0);
  const placed: PlacedProduct | null = sdk ? placeProduct(fit, sdk, VIEW) : null;
  const drawn = placed?.tracking ?? false;
  const content = contentOf(v);
  const refPlacements = ref ? reference(fit, v.kind, ref, pixels) : null;
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
