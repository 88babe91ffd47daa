import type { Page } from '@playwright/test';

/** Where a test colour is on the overlay (normalized view coordinates). */
export interface ColourStats {
  /** Pixels of the colour in the whole view. */
  count: number;
  cx: number;
  cy: number;
  /** Pixels of the colour inside each polygon. */
  inside: number[];
  /** Smallest and largest position of the colour along `axis` (view-width units). */
  span: [number, number];
}

/** A polygon in normalized view coordinates. */
export type Polygon = readonly (readonly [number, number])[];

/**
 * Counts the pixels of a flat test colour on the overlay canvas (`magenta`: what must show,
 * `green`: what must be hidden), overall and inside each polygon, and its extent along a line at
 * `axis` radians (clockwise on screen from +x).
 */
export function colourStats(
  page: Page,
  colour: 'magenta' | 'green',
  polygons: readonly Polygon[] = [],
  axis = 0,
): Promise<ColourStats> {
  return page.evaluate(
    ({ colour, polygons, axis }) => {
      const host = document.querySelector<HTMLElement>('[data-fittingroom=tryon]');
      const canvas = host?.shadowRoot?.querySelector('canvas');
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) throw new Error('no overlay canvas');
      const { width: w, height: h } = canvas;
      const data = ctx.getImageData(0, 0, w, h).data;
      const isColour = (i: number) =>
        colour === 'magenta'
          ? data[i + 3]! > 200 && data[i]! > 200 && data[i + 1]! < 60 && data[i + 2]! > 200
          : data[i + 3]! > 200 && data[i]! < 60 && data[i + 1]! > 200 && data[i + 2]! < 60;
      const within = (poly: readonly (readonly [number, number])[], x: number, y: number) => {
        let inside = false;
        for (let a = 0, b = poly.length - 1; a < poly.length; b = a++) {
          const [xa, ya] = poly[a]!;
          const [xb, yb] = poly[b]!;
          if (ya > y !== yb > y && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) inside = !inside;
        }
        return inside;
      };
      let count = 0;
      let sx = 0;
      let sy = 0;
      const inside = polygons.map(() => 0);
      const span: [number, number] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          if (!isColour((y * w + x) * 4)) continue;
          const nx = x / w;
          const ny = y / h;
          count++;
          sx += nx;
          sy += ny;
          const along = nx * Math.cos(axis) + ((ny * h) / w) * Math.sin(axis);
          span[0] = Math.min(span[0], along);
          span[1] = Math.max(span[1], along);
          polygons.forEach((poly, k) => {
            if (within(poly, nx, ny)) inside[k]!++;
          });
        }
      }
      return {
        count,
        cx: count ? sx / count : Number.NaN,
        cy: count ? sy / count : Number.NaN,
        inside,
        span,
      };
    },
    { colour, polygons, axis },
  );
}

/** The convex hull of points (Andrew's monotone chain), as a polygon. */
export function hull(points: readonly (readonly [number, number])[]): Polygon {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: readonly number[], a: readonly number[], b: readonly number[]) =>
    (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);
  const half = (list: (readonly [number, number])[]) => {
    const out: (readonly [number, number])[] = [];
    for (const q of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, q) <= 0)
        out.pop();
      out.push(q);
    }
    out.pop();
    return out;
  };
  return [...half(p), ...half([...p].reverse())];
}

/** A polygon shrunk toward its centroid by `factor` (0.9 = 10% smaller). */
export function shrink(poly: Polygon, factor: number): Polygon {
  const cx = poly.reduce((s, p) => s + p[0], 0) / poly.length;
  const cy = poly.reduce((s, p) => s + p[1], 0) / poly.length;
  return poly.map(([x, y]) => [cx + (x - cx) * factor, cy + (y - cy) * factor] as const);
}

/** The demo palette's stone (blue) pixels and the mean colour of one image, within a mask. */
export interface RegionColours {
  /** Pixels in the mask (where the overlay draws the product). */
  area: number;
  stone: number;
  /** Mean red, green and blue (0–255) over the mask. */
  mean: [number, number, number];
}

/**
 * Compares what the shopper sees with the photo they took, in the product's region: `shown` is
 * a screenshot of the overlay canvas's box (PNG), the capture is the try-on's first `capture`
 * blob. Both are resampled to the overlay's size, and only pixels the overlay covers now are
 * counted, so the video around the product does not weigh in.
 */
export function compareShownAndCaptured(
  page: Page,
  shown: Buffer,
): Promise<{ shown: RegionColours; captured: RegionColours }> {
  return page.evaluate(async (png) => {
    const host = document.querySelector<HTMLElement>('[data-fittingroom=tryon]');
    const overlay = host?.shadowRoot?.querySelector('canvas');
    const octx = overlay?.getContext('2d');
    if (!overlay || !octx) throw new Error('no overlay canvas');
    const { width: w, height: h } = overlay;
    const mask = octx.getImageData(0, 0, w, h).data;
    const log = (window as unknown as { tryOnLog: { captures: Blob[] } }).tryOnLog;
    const capture = log.captures[0];
    if (!capture) throw new Error('no capture');
    const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
    const count = async (blob: Blob) => {
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0, w, h);
      const px = ctx.getImageData(0, 0, w, h).data;
      const out = { area: 0, stone: 0, mean: [0, 0, 0] as [number, number, number] };
      for (let i = 0; i < px.length; i += 4) {
        if (mask[i + 3]! < 250) continue;
        out.area++;
        const [r, g, b] = [px[i]!, px[i + 1]!, px[i + 2]!];
        out.mean[0] += r;
        out.mean[1] += g;
        out.mean[2] += b;
        if (b > r + 30 && b > g + 10) out.stone++;
      }
      out.mean = out.mean.map((v) => v / Math.max(1, out.area)) as [number, number, number];
      return out;
    };
    return {
      shown: await count(new Blob([bytes], { type: 'image/png' })),
      captured: await count(capture),
    };
  }, shown.toString('base64'));
}
