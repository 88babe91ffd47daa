import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forearmFilter } from './forearm-photos.js';
import { twoHandsFilter } from './two-hands.js';

const here = dirname(fileURLToPath(import.meta.url));
const photos = join(here, '..', 'fixtures', 'photos');
const cache = join(here, '..', '.cache');

/** Fake cameras made from the test photos; each is a looping 640×480 y4m clip. */
export const CAMERAS = {
  hand: { photo: 'handSrc.jpg', filter: 'scale=640:480' },
  'hand-mirrored': { photo: 'handSrc.jpg', filter: 'scale=640:480,hflip' },
  'hand-rotated': { photo: 'handSrc.jpg', filter: 'scale=640:480,rotate=PI/6:fillcolor=black' },
  // The hand at 3/4 size, moved right, so the wrist and the space behind it are in frame.
  'hand-wide': { photo: 'handSrc.jpg', filter: 'scale=480:360,pad=640:480:160:60' },
  // Hands whose wrist lies on grey padding (a phone photo of a hand, rotated or shrunk in its
  // frame): the forearm is not in the photo, so nothing may be drawn behind the wrist.
  'hand-padded-rotated': {
    photo: 'handSrc.jpg',
    filter: 'scale=400:300,pad=640:480:120:90:gray,rotate=PI/8:fillcolor=gray',
  },
  'hand-small': { photo: 'handSrc.jpg', filter: 'scale=320:240,pad=640:480:160:120:gray' },
  // Zoomed in so the fingertips leave the frame; the ring joints stay in view.
  'hand-cut-fingers': { photo: 'handSrc.jpg', filter: 'crop=500:375:0:50,scale=640:480' },
  'hand-cut-fingers-mirrored': {
    photo: 'handSrc.jpg',
    filter: 'crop=500:375:0:50,scale=640:480,hflip',
  },
  // Real photos with a visible wrist and forearm (see forearm-photos.ts): the arm enters from
  // the frame's left edge.
  'forearm-left-palm': {
    photo: 'forearm-left-palm.webp',
    filter: forearmFilter('forearm-left-palm'),
  },
  'forearm-left-back': {
    photo: 'forearm-left-back.webp',
    filter: forearmFilter('forearm-left-back'),
  },
  'forearm-right-palm': {
    photo: 'forearm-right-palm.webp',
    filter: forearmFilter('forearm-right-palm'),
  },
  'forearm-right-back': {
    photo: 'forearm-right-back.webp',
    filter: forearmFilter('forearm-right-back'),
  },
  // Two hands side by side, one raised so that its ring joints leave the frame (two-hands.ts).
  'two-hands': { photo: 'handSrc.jpg', filter: twoHandsFilter(false) },
  'two-hands-swapped': { photo: 'handSrc.jpg', filter: twoHandsFilter(true) },
  face: { photo: 'astronaut.png', filter: 'scale=480:480,pad=640:480:80:0' },
  'face-mirrored': { photo: 'astronaut.png', filter: 'scale=480:480,pad=640:480:80:0,hflip' },
  // The face in the top-left part of the frame and rolled 15° (the 3D off-centre case).
  'face-corner': {
    photo: 'astronaut.png',
    filter: 'scale=600:600,rotate=PI/12:fillcolor=black,crop=400:470:200:10,pad=640:480:0:0',
  },
  'face-rotated': {
    photo: 'astronaut.png',
    filter: 'scale=480:480,pad=640:480:80:0,rotate=PI/6:fillcolor=black',
  },
  // The hand on the left and the face on the right of one frame (the product-switch test:
  // hand and face products draw on the same camera track). `with` is the second photo.
  'hand-and-face': {
    photo: 'handSrc.jpg',
    with: 'astronaut.png',
    filter:
      '[0]scale=400:300,pad=640:480:0:90:gray[h];[1]crop=280:280:100:0,scale=240:240[f];[h][f]overlay=400:120',
  },
} as const;

/**
 * A fake camera name; `none` for a browser without a camera; `denied` for a camera whose
 * permission prompt is refused (a fake device, but no auto-accepting fake UI).
 */
export type CameraName = keyof typeof CAMERAS | 'none' | 'denied';

/** Makes (once) and returns the y4m file for a fake camera; ffmpeg must be installed. */
export function y4mFor(name: keyof typeof CAMERAS): string {
  const camera: { photo: string; filter: string; with?: string } = CAMERAS[name];
  const out = join(cache, `${name}.y4m`);
  if (existsSync(out)) return out;
  mkdirSync(cache, { recursive: true });
  const args = ['-loglevel', 'error', '-y', '-loop', '1', '-i', join(photos, camera.photo)];
  if (camera.with) args.push('-loop', '1', '-i', join(photos, camera.with));
  const filter = `${camera.filter},format=yuv420p`;
  args.push(
    '-t',
    '2',
    '-r',
    '30',
    ...(camera.with ? ['-filter_complex', filter] : ['-vf', filter]),
  );
  args.push(out);
  execFileSync('ffmpeg', args);
  return out;
}

/** Chromium flags for a fake camera (or for none: the fake-UI flag still auto-answers prompts). */
export function cameraArgs(name: CameraName): string[] {
  if (name === 'none') return [];
  if (name === 'denied') {
    return ['--use-fake-device-for-media-stream', '--deny-permission-prompts'];
  }
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${y4mFor(name)}`,
  ];
}
