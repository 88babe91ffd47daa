import type { Placement, ProductFit } from './types.js';

/** A placement that draws nothing (target lost, or pose degenerate). */
export const HIDDEN: Placement = Object.freeze({
  x: 0,
  y: 0,
  rotation: 0,
  scale: 0,
  visible: false,
});

/**
 * View pixels per millimetre from several body measures taken in different directions: the
 * largest wins, because turning the body part only ever shortens a measure (foreshortening).
 * Returns 0 when every measure is missing or degenerate.
 */
export function pxPerMmFrom(measures: readonly (readonly [px: number, mm: number])[]): number {
  let best = 0;
  for (const [px, mm] of measures) if (Number.isFinite(px) && px / mm > best) best = px / mm;
  return best;
}

/** View pixels per image pixel so the image's full width is `realWidthMm` on the body. */
export function imageScale(fit: ProductFit, pxPerMm: number): number {
  return (fit.realWidthMm * pxPerMm) / fit.imageWidthPx;
}
