import { type OneEuroParams, type OneEuroState, oneEuro } from '../smoothing/one-euro.js';
import { DEFAULT_SMOOTHING } from '../smoothing/placements.js';
import type { Pose3 } from './types.js';
import { basisFrom, dot, type Vec3 } from './vec.js';

/** Tuning of {@link smoothPose}: One Euro filters on position (px), axes (unit) and ln(scale). */
export interface PoseSmoothing {
  readonly position: OneEuroParams;
  readonly axis: OneEuroParams;
  readonly scale: OneEuroParams;
  /**
   * A pose whose +Z turns more than ~110° from the last one within a frame is taken as a flipped
   * estimate (a hand seen edge-on reads as either side) and dropped, at most this many in a row:
   * a real turn keeps going and is accepted after them.
   */
  readonly maxFlipsRejected: number;
}

/** Defaults: the 2D placement tuning for position and scale, a little stiffer on the axes. */
export const DEFAULT_POSE_SMOOTHING: PoseSmoothing = {
  position: DEFAULT_SMOOTHING.position,
  axis: { minCutoff: 1, beta: 0.5, dCutoff: 1 },
  scale: DEFAULT_SMOOTHING.scale,
  maxFlipsRejected: 3,
};

/** Memory of {@link smoothPose}; null before the first pose. */
export interface PoseTrack {
  readonly channels: readonly OneEuroState[];
  readonly output: Pose3;
  readonly flips: number;
}

/** Cosine below which +Z counts as flipped. */
const FLIP_COS = -0.35;

function channelsOf(p: Pose3): number[] {
  return [...p.position, ...p.y, ...p.z, Math.log(p.pxPerMetre)];
}

/**
 * One step of pose smoothing: rejects a flipped pose (returns the previous one), else filters
 * every channel and re-orthonormalizes the axes. Pure: the track is returned, not kept.
 */
export function smoothPose(
  track: PoseTrack | null,
  pose: Pose3,
  timeMs: number,
  params: PoseSmoothing = DEFAULT_POSE_SMOOTHING,
): PoseTrack {
  if (track && dot(track.output.z, pose.z) < FLIP_COS && track.flips < params.maxFlipsRejected) {
    return { ...track, flips: track.flips + 1 };
  }
  const raw = channelsOf(pose);
  const channels: OneEuroState[] = [];
  const value: number[] = [];
  raw.forEach((sample, i) => {
    const tuning = i < 3 ? params.position : i < 9 ? params.axis : params.scale;
    const previous = track?.channels[i] ?? null;
    // After an accepted flip the axes restart, so the filter does not swing through zero.
    const restart = track !== null && track.flips > 0 && i >= 3 && i < 9;
    const step = oneEuro(restart ? null : previous, sample, timeMs, tuning);
    channels.push(step.state);
    value.push(step.value);
  });
  const y: Vec3 = [value[3]!, value[4]!, value[5]!];
  const z: Vec3 = [value[6]!, value[7]!, value[8]!];
  const axes = basisFrom(y, z) ?? { x: pose.x, y: pose.y, z: pose.z };
  const output: Pose3 = {
    position: [value[0]!, value[1]!, value[2]!],
    ...axes,
    pxPerMetre: Math.exp(value[9]!),
  };
  return { channels, output, flips: 0 };
}
