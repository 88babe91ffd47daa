import type { Page } from '@playwright/test';

/** What the bench probe (bench/pages/probe.js) exposes as `window.__bench`. */
export interface ProbeState {
  readonly steps: number[];
  readonly stepEnds: number[];
  /** SDK frames: [frame callback → landmarks back, → draw start, draw], ms. */
  readonly phases: number[][];
  readonly longTasks: { start: number; duration: number }[];
  readonly clicks: number[];
  /** [name, time] milestones the page reported (try-on states, bare start-up steps). */
  readonly marks: [string, number][];
  trackingAt: number | null;
  readonly workers: { created: number; terminated: number };
  reset(): void;
  liveTracks(): number;
}

export type BenchWindow = Window & {
  __bench: ProbeState;
  bareError?: string;
  tryOnErrors?: string[];
  tryOn: { open(): Promise<void>; close(): Promise<void> };
  bare: { close(): Promise<void>; frameSize(): { width: number; height: number } };
};

/** Starts a measurement window: forgets the frames and long tasks recorded so far. */
export function resetProbe(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as BenchWindow).__bench.reset());
}

const TIMEOUT = 120_000;

/** Waits until the product is drawn (SDK) or a hand is found (bare); fails on a page error. */
export async function waitForTracking(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as BenchWindow;
      const error = w.bareError ?? w.tryOnErrors?.[0];
      if (error) throw new Error(error);
      return w.__bench.trackingAt !== null;
    },
    undefined,
    { timeout: TIMEOUT, polling: 50 },
  );
}

/** SDK page: "Try it on", then the consent dialog's "Accept" (a real click), then tracking. */
export async function startSdk(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try it on' }).click();
  await page.getByRole('button', { name: 'Accept', exact: true }).click({ timeout: TIMEOUT });
  await waitForTracking(page);
}

/** Bare page: "Start", then the first frame with a hand. */
export async function startBare(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start' }).click();
  await waitForTracking(page);
}

/** Waits until the page has recorded `count` frames since the last reset; returns them. */
export async function collectSteps(
  page: Page,
  count: number,
  timeoutMs = TIMEOUT,
): Promise<{ steps: number[]; ends: number[] }> {
  await page.waitForFunction(
    (n) => (window as unknown as BenchWindow).__bench.steps.length >= n,
    count,
    { timeout: timeoutMs, polling: 200 },
  );
  return page.evaluate((n) => {
    const b = (window as unknown as BenchWindow).__bench;
    return { steps: b.steps.slice(0, n), ends: b.stepEnds.slice(0, n) };
  }, count);
}

/**
 * Pauses or plays the page's camera video (the bare page's, or the SDK's inside its live
 * view). A paused video produces no frame callbacks, so the frame loop idles without closing.
 */
export async function setPlaying(page: Page, playing: boolean): Promise<void> {
  await page.evaluate(async (play) => {
    const video =
      document.querySelector<HTMLVideoElement>('#video') ??
      document
        .querySelector<HTMLElement>('[data-fittingroom=tryon]')
        ?.shadowRoot?.querySelector('video');
    if (!video) throw new Error('no camera video on the page');
    if (play) await video.play();
    else video.pause();
  }, playing);
}
