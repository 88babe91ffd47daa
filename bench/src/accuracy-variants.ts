// The photo variants of the placement-accuracy benchmark: each is a real test photo turned into
// one 640×480 camera frame by ffmpeg (crop, scale, pad with grey, rotate, mirror, darken), the
// way a shopper's phone photo or a webcam at an odd angle looks. The photo's own area in the
// frame is known exactly, so a product drawn outside it is on padding: a false placement.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TWO_HANDS_RAISE, twoHandsFilter, wholeHandLeft } from '../../e2e/support/two-hands.js';

/** Frame size of every variant (the fake camera's). */
export const FRAME = { width: 640, height: 480 } as const;

type Rect = readonly [x: number, y: number, w: number, h: number];

/** One photo variant. */
export interface PhotoVariant {
  readonly name: string;
  /** Under e2e/fixtures/photos/. */
  readonly photo: string;
  readonly kind: 'hand' | 'face';
  /** Part of the photo kept, in photo pixels (default: all of it). */
  readonly crop?: Rect;
  /** Where the kept part lands in the frame before rotation (scaled to fit this box). */
  readonly place: Rect;
  /** Radians, clockwise, about the frame centre (ffmpeg `rotate`); the corners fill grey. */
  readonly rotate?: number;
  readonly mirror?: boolean;
  /** Levels down to 45%: a dim room. */
  readonly dark?: boolean;
  /** The photo shows the forearm behind the wrist, so a watch belongs on it. */
  readonly forearm: boolean;
  /** A cut-out with a transparent background, put on white first (the forearm photos). */
  readonly cutout?: boolean;
  /** Instead of crop, place, rotate and mirror: an ffmpeg filter graph (one input, one output). */
  readonly graph?: string;
  /** The photo's areas in the frame, when made by `graph` (the rest is padding). */
  readonly content?: readonly Rect[];
  /** Hands in the frame (default 1). */
  readonly hands?: number;
  /**
   * With two hands: the box, in frame pixels, where the wrist of the hand a product belongs on
   * lies (the hand whose required landmarks are in view).
   */
  readonly expect?: Rect;
}

const FULL: Rect = [0, 0, FRAME.width, FRAME.height];
const HAND = 'handSrc.jpg';
const FACE = 'astronaut.png';
const FACE_BOX: Rect = [80, 0, 480, 480];

/** A forearm photo (e2e/fixtures/photos/LICENSES.md) 640 px wide, centred, the arm entering on the left. */
function forearmVariant(
  name: string,
  photo: string,
  size: readonly [number, number],
  more: Partial<PhotoVariant> = {},
): PhotoVariant {
  const h = 2 * Math.round((size[1] * FRAME.width) / size[0] / 2);
  const place: Rect = [0, (FRAME.height - h) / 2, FRAME.width, h];
  return { name, photo, kind: 'hand', place, forearm: true, cutout: true, ...more };
}

/** Two hands side by side, one whose ring joints are cut by the frame's top (two-hands.ts). */
function twoHands(name: string, raisedOnLeft: boolean): PhotoVariant {
  const whole = wholeHandLeft(raisedOnLeft);
  const wholeBox: Rect = [whole, 0, 320, 480];
  const raisedBox: Rect = [320 - whole, 0, 320, 480 - TWO_HANDS_RAISE];
  return {
    name,
    photo: HAND,
    kind: 'hand',
    place: FULL,
    forearm: false,
    hands: 2,
    graph: twoHandsFilter(raisedOnLeft),
    content: [wholeBox, raisedBox],
    expect: wholeBox,
  };
}

/**
 * Every variant the benchmark runs (handSrc.jpg's wrist is cut by the photo's left edge; the
 * forearm photos show the wrist and a few centimetres of forearm).
 */
export const VARIANTS: readonly PhotoVariant[] = [
  { name: 'hand', photo: HAND, kind: 'hand', place: FULL, forearm: false },
  { name: 'hand mirrored', photo: HAND, kind: 'hand', place: FULL, mirror: true, forearm: false },
  { name: 'hand darker', photo: HAND, kind: 'hand', place: FULL, dark: true, forearm: false },
  {
    name: 'hand rotated 22° in padding',
    photo: HAND,
    kind: 'hand',
    place: [120, 90, 400, 300],
    rotate: Math.PI / 8,
    forearm: false,
  },
  {
    name: 'hand rotated −22° in padding, mirrored',
    photo: HAND,
    kind: 'hand',
    place: [120, 90, 400, 300],
    rotate: -Math.PI / 8,
    mirror: true,
    forearm: false,
  },
  {
    name: 'hand at 3/4 in padding',
    photo: HAND,
    kind: 'hand',
    place: [160, 60, 480, 360],
    forearm: false,
  },
  {
    name: 'hand at 1/2 in padding',
    photo: HAND,
    kind: 'hand',
    place: [160, 120, 320, 240],
    forearm: false,
  },
  {
    name: 'hand at 1/3 in padding',
    photo: HAND,
    kind: 'hand',
    place: [220, 165, 213, 160],
    forearm: false,
  },
  {
    name: 'crop cutting the fingertips',
    photo: HAND,
    kind: 'hand',
    crop: [0, 50, 500, 375],
    place: FULL,
    forearm: false,
  },
  {
    name: 'crop cutting the fingertips, mirrored',
    photo: HAND,
    kind: 'hand',
    crop: [0, 50, 500, 375],
    place: FULL,
    mirror: true,
    forearm: false,
  },
  {
    name: 'crop cutting the fingers at the middle joints',
    photo: HAND,
    kind: 'hand',
    crop: [60, 60, 420, 315],
    place: FULL,
    forearm: false,
  },
  {
    name: 'crop cutting the wrist',
    photo: HAND,
    kind: 'hand',
    crop: [100, 60, 480, 360],
    place: FULL,
    forearm: false,
  },
  forearmVariant('forearm, left palm', 'forearm-left-palm.webp', [276, 200]),
  forearmVariant('forearm, left back', 'forearm-left-back.webp', [302, 200]),
  forearmVariant('forearm, left back, mirrored', 'forearm-left-back.webp', [302, 200], {
    mirror: true,
  }),
  forearmVariant('forearm, right palm', 'forearm-right-palm.webp', [293, 200]),
  forearmVariant('forearm, right back', 'forearm-right-back.webp', [273, 200]),
  forearmVariant('forearm, right back, darker', 'forearm-right-back.webp', [273, 200], {
    dark: true,
  }),
  twoHands('two hands, the right one raised out of the frame', false),
  twoHands('two hands, the left one raised out of the frame', true),
  { name: 'face', photo: FACE, kind: 'face', place: FACE_BOX, forearm: false },
  {
    name: 'face mirrored',
    photo: FACE,
    kind: 'face',
    place: FACE_BOX,
    mirror: true,
    forearm: false,
  },
  { name: 'face darker', photo: FACE, kind: 'face', place: FACE_BOX, dark: true, forearm: false },
  {
    name: 'face rotated 30° in padding',
    photo: FACE,
    kind: 'face',
    place: FACE_BOX,
    rotate: Math.PI / 6,
    forearm: false,
  },
  {
    name: 'face at 1/2 in padding',
    photo: FACE,
    kind: 'face',
    place: [200, 120, 240, 240],
    forearm: false,
  },
];

/** The ffmpeg filter chain that makes a variant's frame from its photo. */
export function filterOf(v: PhotoVariant): string {
  if (v.graph) return v.graph;
  const [x, y, w, h] = v.place;
  const steps: string[] = [];
  // Transparent background to white: 255 − (255 − c)·α.
  if (v.cutout) steps.push('format=rgba,negate,premultiply=inplace=1,negate');
  if (v.crop) steps.push(`crop=${v.crop[2]}:${v.crop[3]}:${v.crop[0]}:${v.crop[1]}`);
  steps.push(`scale=${w}:${h}`, `pad=${FRAME.width}:${FRAME.height}:${x}:${y}:gray`);
  if (v.rotate) steps.push(`rotate=${v.rotate}:fillcolor=gray`);
  if (v.mirror) steps.push('hflip');
  if (v.dark) steps.push('colorlevels=romax=0.45:gomax=0.45:bomax=0.45');
  // No alpha in the frame: a browser drawing a PNG whose background is nearly transparent, then
  // streaming it, shows the cut-out's hidden colours there (other hands, on black), not white.
  steps.push('format=rgb24');
  return steps.join(',');
}

/** The photo's areas in the frame, each as its corners in frame pixels (the rest is padding). */
export function contentOf(v: PhotoVariant): { x: number; y: number }[][] {
  if (v.content) return v.content.map(([x, y, w, h]) => corners(x, y, w, h));
  const [x, y, w, h] = v.place;
  return [corners(x, y, w, h, v)];
}

function corners(x: number, y: number, w: number, h: number, v?: PhotoVariant) {
  const cx = FRAME.width / 2;
  const cy = FRAME.height / 2;
  const c = Math.cos(v?.rotate ?? 0);
  const s = Math.sin(v?.rotate ?? 0);
  return [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ].map(([px, py]) => {
    const dx = px! - cx;
    const dy = py! - cy;
    const rx = cx + dx * c - dy * s;
    return { x: v?.mirror ? FRAME.width - rx : rx, y: cy + dx * s + dy * c };
  });
}

/** File name of a variant's frame; it names the filter too, so a changed one is made again. */
export function fileOf(v: PhotoVariant): string {
  const recipe = createHash('sha256')
    .update(`${v.photo}\n${filterOf(v)}`)
    .digest('hex');
  return `${v.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${recipe.slice(0, 8)}.png`;
}

/** Makes (once) each variant's PNG under `dir` with ffmpeg. */
export function makeVariants(photos: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const v of VARIANTS) {
    const out = join(dir, fileOf(v));
    if (existsSync(out)) continue;
    const args = ['-loglevel', 'error', '-y', '-i', join(photos, v.photo), '-vf', filterOf(v)];
    execFileSync('ffmpeg', [...args, '-frames:v', '1', out]);
  }
}
