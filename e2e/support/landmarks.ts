import type { Page } from '@playwright/test';

/** One landmark as the proof page returns it. */
export interface Point {
  x: number;
  y: number;
  z: number;
}

/** What the proof page found in one frame. */
export interface FrameSummary {
  count: number;
  sizes: number[];
  first: Point[] | null;
  handedness: string[];
  width: number;
  height: number;
}

/** What one run of the proof page returns. */
export interface RunResult {
  mode: 'worker' | 'main';
  delegate: 'GPU' | 'CPU';
  delegateReason: string;
  results: FrameSummary[];
  blocked: string[];
}

/** Options of a proof-page run (see e2e/pages/landmarks.js). */
export interface RunOptions {
  kind: 'hand' | 'face';
  photo?: string;
  frames?: number;
  mode?: 'auto' | 'worker' | 'main';
  delegate?: 'GPU' | 'CPU';
}

type Fr = { fr: { run(o: RunOptions): Promise<RunResult>; bareTasksVision(): Promise<void> } };

/** Runs the SDK's landmarker on the proof page. */
export function runLandmarks(page: Page, options: RunOptions): Promise<RunResult> {
  return page.evaluate((o) => (window as unknown as Fr).fr.run(o), options);
}

/** Runs bare tasks-vision on the page with no guard (the control for the no-leak tests). */
export function runBareTasksVision(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as Fr).fr.bareTasksVision());
}

/** A box in normalized coordinates: [xMin, yMin, xMax, yMax]. */
export type Box = readonly [number, number, number, number];

/** True when the point lies inside the box. */
export function inBox(p: Point | undefined, [x0, y0, x1, y1]: Box): boolean {
  return p !== undefined && p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1;
}

// Boxes measured by hand on the photos (pixel boxes divided by the image size).
/** handSrc.jpg (640×480): the index fingertip, landmark 8, near (490, 135) px. */
export const HAND_INDEX_TIP: Box = [440 / 640, 110 / 480, 500 / 640, 160 / 480];
/** handSrc.jpg: the thumb tip, landmark 4, near (250, 15) px. */
export const HAND_THUMB_TIP: Box = [220 / 640, 0, 270 / 640, 45 / 480];
/** astronaut.png (512×512): the iris centre of the eye on the image's left (landmark 468). */
export const FACE_IRIS_468: Box = [190 / 512, 88 / 512, 215 / 512, 112 / 512];
/** astronaut.png: the other iris centre (landmark 473). */
export const FACE_IRIS_473: Box = [235 / 512, 88 / 512, 260 / 512, 112 / 512];

/** Maps a box on the face photo into the face fake camera (480×480 padded into 640×480). */
export function faceBoxInCamera([x0, y0, x1, y1]: Box): Box {
  const x = (v: number) => (80 + v * 480) / 640;
  return [x(x0), y0, x(x1), y1];
}
