import { describe, expect, it } from 'vitest';
import { viewCamera } from '../../src/pose/camera.js';
import { FACE3, glassesPose, headFrame, templePitch } from '../../src/pose/face.js';
import type { ScenePoints } from '../../src/pose/points.js';
import { add, dot, length, rotate, scale, sub, type Vec3 } from '../../src/pose/vec.js';

const VIEW = { width: 640, height: 480, mirrored: true, fit: 'cover' as const };
const camera = viewCamera(640, 480, VIEW);
const CENTRE: Vec3 = [320, -240, 0];

/**
 * The landmarks the glasses read, in mm about landmark 168 (x = subject's left, y up, z toward
 * the camera), as measured on the frontal test photo (e2e `face` camera): the chin → forehead
 * line leans back, and the outline above the ears is 2 mm below 168 and 59 mm behind it.
 */
const FACE: Partial<Record<keyof typeof FACE3, Vec3>> = {
  bridge: [0, 0, 0],
  forehead: [0, 44.7, -7.6],
  chin: [0, -115.5, -7.6],
  rightEye: [-44.5, -5.9, -21.4],
  leftEye: [45.5, -6.9, -21.5],
  rightSide: [-67.8, -31.3, -71.9],
  leftSide: [67.5, -31.9, -71.9],
  rightEarTop: [-66.6, -1.7, -59.4],
  leftEarTop: [66.2, -2.3, -59.2],
};

/** The face nodded by `pitch` (radians, chin down) and turned by `yaw`, at the view's centre. */
function face(pitch: number, yaw = 0, drop: (keyof typeof FACE3)[] = []): ScenePoints {
  const points: (Vec3 | undefined)[] = Array.from({ length: 478 }, () => undefined);
  for (const [name, p] of Object.entries(FACE) as [keyof typeof FACE3, Vec3][]) {
    if (drop.includes(name)) continue;
    const turned = rotate(rotate(p, [1, 0, 0], -pitch), [0, 1, 0], yaw);
    points[FACE3[name]] = add(CENTRE, scale(turned, 1.3));
  }
  return points;
}

/** Angle between the temples' line (the pose's −z) and the line from 168 to the ears' tops. */
function templeError(points: ScenePoints): number {
  const pose = glassesPose(headFrame(points, camera)!, points)!;
  const ears = scale(add(points[FACE3.rightEarTop]!, points[FACE3.leftEarTop]!), 0.5);
  const toEars = sub(ears, points[FACE3.bridge]!);
  // Only the pitch matters: compare within the glasses' own y–z plane.
  const inPlane = sub(toEars, scale(pose.x, dot(toEars, pose.x)));
  const cos = -dot(inPlane, pose.z) / length(inPlane);
  return Math.acos(Math.min(1, cos));
}

describe('glasses temples', () => {
  it('run from the bridge to the ears’ tops on a frontal face (not out through the brow)', () => {
    const points = face(0);
    const head = headFrame(points, camera)!;
    // Along the head's own −z the temples would pass 2 mm above, rising out through the brow.
    expect(templePitch(head, points)).toBeCloseTo(Math.atan2(2, 59.3), 2);
    expect(templeError(points)).toBeLessThan(0.01);
  });

  it('follow the ears when the head nods or turns', () => {
    for (const [pitch, yaw] of [
      [0.3, 0],
      [-0.3, 0],
      [0.2, 0.4],
      [0, -0.5],
    ] as const) {
      expect(templeError(face(pitch, yaw))).toBeLessThan(0.01);
    }
  });

  it('keep the bridge on 168, the x axis, and an orthonormal right-handed frame', () => {
    const points = face(0.1, 0.2);
    const head = headFrame(points, camera)!;
    const pose = glassesPose(head, points)!;
    const unpitched = { y: head.turn(head.y), z: head.turn(head.z), x: head.turn(head.x) };
    expect(pose.x).toEqual(unpitched.x);
    const at = points[FACE3.bridge]!;
    expect(pose.position[0]).toBeCloseTo(at[0], 9);
    expect(pose.position[1]).toBeCloseTo(at[1], 9);
    for (const [a, b, v] of [
      [pose.x, pose.y, 0],
      [pose.y, pose.z, 0],
      [pose.z, pose.x, 0],
      [pose.y, pose.y, 1],
      [pose.z, pose.z, 1],
    ] as const) {
      expect(dot(a, b)).toBeCloseTo(v, 9);
    }
    // x × y = z.
    const c = [
      pose.x[1] * pose.y[2] - pose.x[2] * pose.y[1],
      pose.x[2] * pose.y[0] - pose.x[0] * pose.y[2],
      pose.x[0] * pose.y[1] - pose.x[1] * pose.y[0],
    ];
    for (const [i, v] of c.entries()) expect(v).toBeCloseTo(pose.z[i]!, 9);
  });

  it('keep the head’s axes without the ear landmarks or with ears in front of the bridge', () => {
    const missing = face(0, 0, ['leftEarTop']);
    expect(templePitch(headFrame(missing, camera)!, missing)).toBe(0);
    const wrong = face(0);
    const r = wrong[FACE3.rightEarTop]!;
    const l = wrong[FACE3.leftEarTop]!;
    const bridge = wrong[FACE3.bridge]!;
    const ahead = [...wrong];
    ahead[FACE3.rightEarTop] = [r[0], r[1], bridge[2] + 50];
    ahead[FACE3.leftEarTop] = [l[0], l[1], bridge[2] + 50];
    expect(templePitch(headFrame(ahead, camera)!, ahead)).toBe(0);
  });

  it('never pitch more than 35°, whatever the landmarks say', () => {
    const points = [...face(0)];
    const bridge = points[FACE3.bridge]!;
    for (const i of [FACE3.rightEarTop, FACE3.leftEarTop]) {
      const p = points[i]!;
      points[i] = [p[0], bridge[1] - 200, bridge[2] - 10];
    }
    expect(templePitch(headFrame(points, camera)!, points)).toBeCloseTo((35 * Math.PI) / 180, 9);
  });
});
