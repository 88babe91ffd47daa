import type { ViewMapping } from './geometry.js';
import type { Placement, Point, ProductFit } from './types.js';

/** An axis-aligned box in view pixels. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * The part of the view where the camera image is shown: the view box cut to the shown video
 * (with `cover` the video overflows and the view is the limit; with `contain` the letterbox
 * bars are not image). Landmarks and products are judged against this box.
 */
export function shownArea(mapping: ViewMapping, viewWidth: number, viewHeight: number): Box {
  return {
    left: Math.max(0, mapping.offsetX),
    top: Math.max(0, mapping.offsetY),
    right: Math.min(viewWidth, mapping.offsetX + mapping.shownWidth),
    bottom: Math.min(viewHeight, mapping.offsetY + mapping.shownHeight),
  };
}

/**
 * The four corners of a placed product image in view pixels, as the overlay draws it: the
 * image's anchor on (x, y), turned clockwise by `rotation`, scaled by `scale`.
 */
export function footprint(p: Placement, fit: ProductFit): Point[] {
  const w = fit.imageWidthPx;
  const h = fit.imageHeightPx ?? fit.imageWidthPx;
  const ax = (fit.anchor?.x ?? 0.5) * w;
  const ay = (fit.anchor?.y ?? 0.5) * h;
  const c = Math.cos(p.rotation) * p.scale;
  const s = Math.sin(p.rotation) * p.scale;
  const corner = (ix: number, iy: number): Point => {
    const dx = ix - ax;
    const dy = iy - ay;
    return { x: p.x + c * dx - s * dy, y: p.y + s * dx + c * dy };
  };
  return [corner(0, 0), corner(w, 0), corner(w, h), corner(0, h)];
}

/** Area of a simple polygon (shoelace), always ≥ 0. */
export function polygonArea(polygon: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return Math.abs(twice) / 2;
}

type Edge = { readonly inside: (p: Point) => boolean; readonly cut: (a: Point, b: Point) => Point };

function edgesOf(box: Box): Edge[] {
  const atX = (x: number) => (a: Point, b: Point) => ({
    x,
    y: a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x),
  });
  const atY = (y: number) => (a: Point, b: Point) => ({
    x: a.x + ((b.x - a.x) * (y - a.y)) / (b.y - a.y),
    y,
  });
  return [
    { inside: (p) => p.x >= box.left, cut: atX(box.left) },
    { inside: (p) => p.x <= box.right, cut: atX(box.right) },
    { inside: (p) => p.y >= box.top, cut: atY(box.top) },
    { inside: (p) => p.y <= box.bottom, cut: atY(box.bottom) },
  ];
}

/** The part of a convex polygon inside a box (Sutherland–Hodgman); empty when none is. */
export function clipToBox(polygon: readonly Point[], box: Box): Point[] {
  let out: Point[] = [...polygon];
  for (const edge of edgesOf(box)) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i]!;
      const previous = input[(i + input.length - 1) % input.length]!;
      if (edge.inside(current)) {
        if (!edge.inside(previous)) out.push(edge.cut(previous, current));
        out.push(current);
      } else if (edge.inside(previous)) {
        out.push(edge.cut(previous, current));
      }
    }
    if (out.length === 0) return out;
  }
  return out;
}

/** Fraction (0..1) of a convex polygon's area inside the box; 0 for a degenerate polygon. */
export function fractionInBox(polygon: readonly Point[], box: Box): number {
  const area = polygonArea(polygon);
  if (!(area > 1e-9) || !Number.isFinite(area)) return 0;
  return Math.min(1, polygonArea(clipToBox(polygon, box)) / area);
}

/** How far a point lies inside the box: its distance to the nearest edge, negative outside. */
export function depthInBox(p: Point, box: Box): number {
  return Math.min(p.x - box.left, box.right - p.x, p.y - box.top, box.bottom - p.y);
}
