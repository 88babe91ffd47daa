import { DEFAULT_FINGER } from '../products/types.js';
import { FACE } from './face.js';
import { type Box, depthInBox, footprint, fractionInBox } from './footprint.js';
import { dot, sub } from './geometry.js';
import { HAND, measureWrist, ringJoints } from './hand.js';
import { HIDDEN } from './placement.js';
import type { Placement, ProductFit, ViewPoints } from './types.js';

/**
 * What the shopper is asked to do when nothing can be drawn; each is a key of the try-on
 * string catalog (`hint_<key>`).
 */
export type FitHint =
  | 'showHand'
  | 'showFace'
  | 'showWrist'
  | 'moveHandBack'
  | 'moveBack'
  | 'turnToCamera';

/** Whether one placement may be drawn, and if not, what would fix it. */
export interface Verdict {
  readonly visible: boolean;
  /** Fraction (0..1) of the product's footprint inside the shown image. */
  readonly inView: number;
  /** Why it is hidden, as a request to the shopper; null when visible. */
  readonly hint: FitHint | null;
}

/**
 * Share of the footprint that must be inside the shown image for a product to be drawn: "most
 * of it", so the tracking status never says "on" while less than half of the product shows.
 */
export const MIN_FOOTPRINT_IN_VIEW = 0.6;

/**
 * Landmark 0 must lie this many wrist widths inside the image for a wrist product: half of one
 * keeps a wrist at the frame's edge out, while a forearm that enters from the edge with a
 * watch's length of it in view (≈ 35 mm, two thirds of a wrist width) still carries one. That
 * the product lies on skin and in view is checked by the forearm patch and the footprint.
 */
export const WRIST_MARGIN_WIDTHS = 0.5;

/**
 * Smallest share of the forearm patch behind the wrist that must look like the hand's own skin
 * (see `ml/forearm.ts`), when the landmarker measured it. MediaPipe places landmark 0 even
 * where the forearm is cut off by the photo's or the frame's edge; this is what tells.
 */
export const MIN_FOREARM_SEEN = 0.5;

/** What the rules know besides the landmarks: where the image is shown, what pixels said. */
export interface RuleContext {
  /** The shown image in view pixels (see `shownArea`). */
  readonly area: Box;
  /** Share of the forearm patch that looks like skin (0..1), when measured. */
  readonly forearmSeen?: number | undefined;
}

const SHOWN: Verdict = { visible: true, inView: 1, hint: null };

function hidden(hint: FitHint, inView = 0): Verdict {
  return { visible: false, inView, hint };
}

/** True when every given landmark is at least `margin` inside the area. */
function allInside(points: ViewPoints, indices: readonly number[], area: Box, margin = 0): boolean {
  return indices.every((i) => {
    const p = points[i];
    return p !== undefined && depthInBox(p, area) >= margin;
  });
}

/** True when some landmark of the set lies outside the area: the body part is cut by the edge. */
function cutByEdge(points: ViewPoints, area: Box): boolean {
  return points.some((p) => p !== undefined && depthInBox(p, area) < 0);
}

function wristVerdict(points: ViewPoints, ctx: RuleContext, inView: number): Verdict {
  const m = measureWrist(points);
  if (!m) return hidden('showHand');
  if (depthInBox(m.wrist, ctx.area) < WRIST_MARGIN_WIDTHS * m.widthPx) {
    return hidden('showWrist', inView);
  }
  if (ctx.forearmSeen !== undefined && ctx.forearmSeen < MIN_FOREARM_SEEN) {
    return hidden('showWrist', inView);
  }
  return SHOWN;
}

function ringVerdict(points: ViewPoints, fit: ProductFit, ctx: RuleContext): Verdict {
  const { base, next } = ringJoints(fit.finger ?? DEFAULT_FINGER);
  if (allInside(points, [base, next], ctx.area)) return SHOWN;
  return hidden(cutByEdge(points, ctx.area) ? 'moveHandBack' : 'showHand');
}

function faceVerdict(points: ViewPoints, fit: ProductFit, ctx: RuleContext): Verdict {
  const needed =
    fit.kind === 'glasses'
      ? [FACE.noseBridge, FACE.rightEyeOuter, FACE.leftEyeOuter]
      : fit.kind === 'necklace'
        ? [FACE.chin]
        : [FACE.rightLobe, FACE.leftLobe];
  return allInside(points, needed, ctx.area) ? SHOWN : hidden('moveBack');
}

/**
 * The visibility rule of one placement of `fit.kind`, given the landmarks it was anchored on:
 * - every kind: at least {@link MIN_FOOTPRINT_IN_VIEW} of the footprint inside the image;
 * - watch, bracelet: landmark 0 at least half a wrist width inside the image, the product on the
 *   forearm side of the wrist, and, when measured, the forearm behind the wrist really seen;
 * - ring: the finger's base and middle joints inside the image;
 * - earrings: the ear side not turned away (the anchoring hides it by the head's yaw);
 * - necklace: the chin and so the neck point inside; glasses: bridge and eye corners inside.
 */
export function judgePlacement(
  fit: ProductFit,
  points: ViewPoints,
  placement: Placement,
  ctx: RuleContext,
): Verdict {
  const isHand = fit.kind === 'ring' || fit.kind === 'watch' || fit.kind === 'bracelet';
  if (!placement.visible) {
    // Earrings are hidden by the head's yaw; any other hidden placement had a degenerate pose.
    return hidden(fit.kind === 'earrings' ? 'turnToCamera' : isHand ? 'showHand' : 'showFace');
  }
  const inView = fractionInBox(footprint(placement, fit), ctx.area);
  let verdict: Verdict;
  if (fit.kind === 'watch' || fit.kind === 'bracelet') {
    verdict = wristVerdict(points, ctx, inView);
    const wrist = points[HAND.wrist];
    const middle = points[HAND.middleMcp];
    // On the forearm side: behind the wrist, seen from the knuckles.
    if (verdict.visible && wrist && middle) {
      if (dot(sub(placement, wrist), sub(middle, wrist)) > 0) verdict = hidden('showWrist', inView);
    }
  } else if (fit.kind === 'ring') {
    verdict = ringVerdict(points, fit, ctx);
  } else {
    verdict = faceVerdict(points, fit, ctx);
  }
  if (!verdict.visible) return { ...verdict, inView };
  if (inView < MIN_FOOTPRINT_IN_VIEW) {
    const hint: FitHint =
      fit.kind === 'watch' || fit.kind === 'bracelet'
        ? 'showWrist'
        : isHand
          ? 'moveHandBack'
          : 'moveBack';
    return hidden(hint, inView);
  }
  return { visible: true, inView, hint: null };
}

/** The placement as drawn: unchanged when visible, {@link HIDDEN} when its rule failed. */
export function applyVerdict(placement: Placement, verdict: Verdict): Placement {
  return verdict.visible ? placement : HIDDEN;
}
