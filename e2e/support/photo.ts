import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, REPO_ROOT } from './fixtures.js';

/** A test photo's path (e2e/fixtures/photos). */
export const photoPath = (name: string): string =>
  join(REPO_ROOT, 'e2e', 'fixtures', 'photos', name);

/** The try-on's file input (in its open shadow root). */
export const photoInput = (page: Page) => page.locator('[data-fittingroom=tryon] input[type=file]');

/** Picks a photo from the fixtures (or any file given as a buffer). */
export async function choosePhoto(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  await photoInput(page).setInputFiles(file);
}

/**
 * Maps a point of a photo (normalized) to the overlay (normalized) when the photo is shown
 * whole (`contain`) in the stage, as photo mode shows it.
 */
export async function inStage(
  page: Page,
  [x, y]: readonly [number, number],
  photo: { width: number; height: number },
): Promise<[number, number]> {
  const stage = await page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('[data-fittingroom=tryon]');
    const canvas = host?.shadowRoot?.querySelector<HTMLCanvasElement>('canvas:not(.photo)');
    return { width: canvas?.clientWidth ?? 0, height: canvas?.clientHeight ?? 0 };
  });
  const s = Math.min(stage.width / photo.width, stage.height / photo.height);
  const ox = (stage.width - photo.width * s) / 2;
  const oy = (stage.height - photo.height * s) / 2;
  return [(ox + x * photo.width * s) / stage.width, (oy + y * photo.height * s) / stage.height];
}

/** Every request body the context sends, to check what leaves the browser. */
export function recordBodies(page: Page): Buffer[] {
  const bodies: Buffer[] = [];
  page.context().on('request', (request) => {
    const body = request.postDataBuffer();
    if (body) bodies.push(body);
  });
  return bodies;
}

/** True when `body` contains a 512-byte run from the middle of the file at `path`. */
export function carries(body: Buffer, path: string): boolean {
  const original = readFileSync(path);
  const mid = Math.floor(original.length / 2);
  return body.includes(original.subarray(mid, mid + 512));
}

/** Waits until the photo has been looked at: tracked, or a hint says why not. */
export async function waitForPhoto(page: Page): Promise<void> {
  await expect(
    page.locator('[data-fittingroom=tryon][data-source=photo][data-phase=running]'),
  ).toBeAttached({
    timeout: 60_000,
  });
}
