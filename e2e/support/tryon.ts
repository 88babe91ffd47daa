import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

/** Query string options of the SDK test page (e2e/pages/tryon.html). */
export interface TryOnPageOptions {
  product: 'ring' | 'watch' | 'bracelet' | 'glasses' | 'earrings' | 'necklace';
  /** A 3D model: `test` (flat test colours), `demo` (the demo store's) or a URL. */
  model?: string;
  finger?: string;
  ingest?: string;
  key?: string;
  inference?: 'worker' | 'main';
  policyVersion?: string;
  /** The `locale` option (`fr`, `de`, …). */
  lang?: string;
  /** Forces a delegate (the default lets the SDK choose, as shoppers get it). */
  delegate?: 'GPU' | 'CPU';
  /** `1`: the SDK's debug mode. */
  debug?: '1';
  /** `reopenGraceMs` in ms (default: the SDK's 60 s). */
  grace?: string;
}

/** Opens the test page for a product (nothing happens until the shopper clicks). */
export async function gotoTryOn(page: Page, options: TryOnPageOptions): Promise<void> {
  const query = new URLSearchParams(
    Object.entries(options).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  await page.goto(`/e2e/pages/tryon.html?${query}`);
}

/** Clicks "Try it on", accepts camera consent if asked, waits until the live view runs. */
export async function startTryOn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try it on' }).click();
  const accept = page.getByRole('button', { name: 'Accept', exact: true });
  const live = page.locator('[data-fittingroom=tryon][data-state=live]');
  // The consent dialog shows unless consent is already on record for this policy.
  await expect
    .poll(async () => (await accept.isVisible()) || (await live.count()) > 0, { timeout: 30_000 })
    .toBe(true);
  if (await accept.isVisible()) await accept.click();
  await expect(live).toBeAttached({ timeout: 60_000 });
}

/** Waits until the product is drawn (the hand or face is tracked). */
export async function waitForTracking(page: Page): Promise<void> {
  await expect(page.locator('[data-fittingroom=tryon][data-tracking=true]')).toBeAttached({
    timeout: 60_000,
  });
  // Let the smoothing settle on the still fake camera.
  await page.waitForTimeout(500);
}

/** Opens the test page for `options`, starts the try-on and waits until the product is drawn. */
export async function openTracked(page: Page, options: TryOnPageOptions): Promise<void> {
  await gotoTryOn(page, options);
  await startTryOn(page);
  await waitForTracking(page);
}

/**
 * Waits until the landmarker has seen the hand or face and the view asks for `hint` (the
 * hint of a failed placement rule, e.g. `showWrist`), with nothing tracked.
 */
export async function waitForHint(page: Page, hint: string): Promise<void> {
  const view = page.locator('[data-fittingroom=tryon]');
  await expect(view).toHaveAttribute('data-hint', hint, { timeout: 60_000 });
  await expect(view).toHaveAttribute('data-tracking', 'false');
  // A few more frames, so a product that would flicker on has had its chance.
  await page.waitForTimeout(1000);
}

/**
 * A point of handSrc.jpg (normalized) as seen by the `hand-cut-fingers` camera: the photo
 * cropped to 500×375 at (0, 50), then scaled to 640×480.
 */
export function cutFingers([x, y]: readonly [number, number]): [number, number] {
  return [(x * 640) / 500, (y * 480 - 50) / 375];
}

/** Every `tracking` event the test page's try-on emitted, in order. */
export function trackingEvents(page: Page): Promise<boolean[]> {
  return page.evaluate(
    () => (window as unknown as { tryOnLog: { tracking: boolean[] } }).tryOnLog.tracking,
  );
}

/** Where the product's colour (#ff00ff) is on the overlay, in normalized view coordinates. */
export interface MagentaStats {
  /** Fraction of the view covered. */
  coverage: number;
  cx: number;
  cy: number;
  /** Principal axis angle in radians (clockwise on screen), from the pixel covariance. */
  angle: number;
  /** Count of product pixels inside each probe box. */
  boxes: number[];
}

/** Reads the overlay canvas and measures where the product colour is. */
export function magenta(page: Page, boxes: number[][] = []): Promise<MagentaStats> {
  return page.evaluate((probe) => {
    const host = document.querySelector<HTMLElement>('[data-fittingroom=tryon]');
    const canvas = host?.shadowRoot?.querySelector('canvas');
    if (!canvas) throw new Error('no overlay canvas');
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    const { width: w, height: h } = canvas;
    const data = ctx.getImageData(0, 0, w, h).data;
    let n = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    const counts = probe.map(() => 0);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 4;
        const isMagenta =
          data[i + 3]! > 200 && data[i]! > 200 && data[i + 1]! < 60 && data[i + 2]! > 200;
        if (!isMagenta) continue;
        const nx = x / w;
        const ny = y / h;
        n++;
        sx += nx;
        sy += ny;
        sxx += nx * nx;
        syy += ny * ny;
        sxy += nx * ny;
        probe.forEach(([x0, y0, x1, y1], k) => {
          if (nx >= x0! && nx <= x1! && ny >= y0! && ny <= y1!) counts[k]!++;
        });
      }
    }
    const cx = n ? sx / n : Number.NaN;
    const cy = n ? sy / n : Number.NaN;
    // Covariance in pixel units, so the angle is the on-screen one.
    const cxx = n ? (sxx / n - cx * cx) * w * w : 0;
    const cyy = n ? (syy / n - cy * cy) * h * h : 0;
    const cxy = n ? (sxy / n - cx * cy) * w * h : 0;
    return {
      coverage: n / (w * h),
      cx,
      cy,
      angle: 0.5 * Math.atan2(2 * cxy, cxx - cyy),
      boxes: counts,
    };
  }, boxes);
}

/** Asserts that the drawn product's centre is within `tolerance` (fraction of the view) of `spot`. */
export function expectCentreNear(
  stats: MagentaStats,
  spot: readonly [number, number],
  tolerance: number,
): void {
  expect(Math.abs(stats.cx - spot[0])).toBeLessThan(tolerance);
  expect(Math.abs(stats.cy - spot[1])).toBeLessThan(tolerance);
}

/** A camera-space point as it shows in the mirrored preview (4:3 camera in a 4:3 view). */
export function mirrored([x, y]: readonly [number, number]): [number, number] {
  return [1 - x, y];
}

/** Rotates a camera-space point clockwise by `angle` about the frame centre (640×480 px). */
export function rotatedInFrame([x, y]: readonly [number, number], angle: number): [number, number] {
  const [cx, cy] = [320, 240];
  const dx = x * 640 - cx;
  const dy = y * 480 - cy;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [(cx + dx * c - dy * s) / 640, (cy + dx * s + dy * c) / 480];
}

/** Pixel landmarks measured on the fake cameras (from the models on the photos). */
export const SPOTS = {
  /** handSrc.jpg: 40% of the way from ring-finger MCP (271,313) to PIP (383,325). */
  ringOnRingFinger: [315.8 / 640, 317.8 / 480] as const,
  /** handSrc.jpg: 40% from pinky MCP (239,372) to PIP (321,406). */
  ringOnPinky: [271.8 / 640, 385.6 / 480] as const,
  /** handSrc.jpg: index fingertip (480,136). */
  indexTip: [480 / 640, 136 / 480] as const,
  /** Face camera: midpoint of the irises (225,102 on the 512-px photo, scaled and padded). */
  eyesMid: [(80 + (225 * 480) / 512) / 640, (102 * 480) / 512 / 480] as const,
  /** Face camera: the chin (221,177 on the photo). */
  chin: [(80 + (221 * 480) / 512) / 640, (177 * 480) / 512 / 480] as const,
};

/** A box of half-size `r` around a point. */
export function around([x, y]: readonly [number, number], r: number): number[] {
  return [x - r, y - r, x + r, y + r];
}
