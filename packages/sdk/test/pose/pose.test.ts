import { describe, expect, it } from 'vitest';
import { project, rayCorrection, viewCamera } from '../../src/pose/camera.js';
import { FACE3, glassesPose, headFrame, headOccluder, necklacePose } from '../../src/pose/face.js';
import { DEFAULT_POSE_SMOOTHING, smoothPose } from '../../src/pose/filter.js';
import { posesForFrame } from '../../src/pose/frame.js';
import { backOfHand, handSide, ringPose, wristPose } from '../../src/pose/hand.js';
import { type ScenePoints, toScenePoints } from '../../src/pose/points.js';
import type { Pose3 } from '../../src/pose/types.js';
import { dot, length, rotate, sub, type Vec3 } from '../../src/pose/vec.js';

const VIEW = { width: 640, height: 480, mirrored: true, fit: 'cover' as const };
const camera = viewCamera(640, 480, VIEW);

/** A head-like point set (mm, x = subject's left, y up, z out of the face), 478 points. */
function headModel(): Vec3[] {
  const points: Vec3[] = Array.from({ length: 478 }, (_, i) => {
    const t = (i * 2.399) % (2 * Math.PI);
    const r = 60 * Math.sqrt((i % 97) / 97);
    return [r * Math.cos(t), r * Math.sin(t) * 1.2, 40 - r * 0.5];
  });
  points[FACE3.bridge] = [0, 10, 50];
  points[FACE3.forehead] = [0, 80, 40];
  points[FACE3.chin] = [0, -90, 30];
  points[FACE3.rightEye] = [-45, 0, 20];
  points[FACE3.leftEye] = [45, 0, 20];
  points[FACE3.rightSide] = [-76, -5, -25];
  points[FACE3.leftSide] = [76, -5, -25];
  // Ears' tops straight behind the bridge along the head's own z: no temple pitch (face.test.ts).
  points[FACE3.rightEarTop] = [-70, 14.11, -19.88];
  points[FACE3.leftEarTop] = [70, 14.11, -19.88];
  return points;
}

/** Rotates about z (roll, counter-clockwise in y-up space) then y (yaw). */
function turn(p: Vec3, roll: number, yaw: number): Vec3 {
  return rotate(rotate(p, [0, 0, 1], roll), [0, 1, 0], yaw);
}

/**
 * What a real camera sees: the head at `centre` (scene px on the z = 0 plane, the depth the
 * camera's focal length gives), `pxPerMm` there, turned by roll and yaw relative to the ray to
 * it; projected with perspective, z kept as MediaPipe does (relative, in x's units).
 */
function seenFace(centre: [number, number], pxPerMm: number, roll: number, yaw = 0) {
  const facing = rayCorrection(camera, centre[0], centre[1]);
  const model = headModel();
  // The face mesh model sees the face in a crop around it, so its z is depth as seen along the
  // ray (the shape before `facing`); x and y are where the real 3D points project.
  const landmarks = model.map((m) => {
    const seen = turn(m, roll, yaw).map((v) => v * pxPerMm) as unknown as Vec3;
    const q = facing(seen);
    const s = project(camera, [centre[0] + q[0], centre[1] + q[1], q[2]]);
    return { x: s.x / 640, y: s.y / 480, z: -seen[2] / 640 };
  });
  return landmarks;
}

const angle = (a: Vec3, b: Vec3) => Math.acos(Math.max(-1, Math.min(1, dot(a, b))));

describe('scene camera', () => {
  it('maps the z = 0 plane onto the view 1:1 and has no correction on its axis', () => {
    expect(project(camera, [100, -50, 0])).toEqual({ x: 100, y: 50 });
    expect(rayCorrection(camera, 320, -240)([0, 0, 1])).toEqual([0, 0, 1]);
  });
});

describe('face pose', () => {
  it('puts the glasses origin exactly on landmark 168, centred or in a corner, rolled 15°', () => {
    for (const centre of [
      [320, -240],
      [90, -70],
      [560, -420],
    ] as [number, number][]) {
      const landmarks = seenFace(centre, 1.3, (15 * Math.PI) / 180);
      const points = toScenePoints(landmarks, 640, 480, VIEW);
      const head = headFrame(points, camera);
      expect(head).not.toBeNull();
      const pose = glassesPose(head!, points)!;
      const shown = project(camera, pose.position);
      expect(shown.x).toBeCloseTo(landmarks[FACE3.bridge]!.x * 640, 6);
      expect(shown.y).toBeCloseTo(landmarks[FACE3.bridge]!.y * 480, 6);
      // The head faces the camera along the ray, so +Z points back along it.
      const ray = sub([camera.cx, -camera.cy, camera.focalPx], pose.position);
      const toCamera = ray.map((v) => v / length(ray)) as unknown as Vec3;
      // (Within 0.08 rad of the weak-perspective estimate; uncorrected it would be off by the
      // ray's angle, up to 0.6 rad in the corners.)
      expect(angle(pose.z, toCamera)).toBeLessThan(0.08);
      expect(pose.pxPerMetre).toBeGreaterThan(1100);
      expect(pose.pxPerMetre).toBeLessThan(1500);
    }
  });

  it('recovers the roll and a yaw', () => {
    const landmarks = seenFace([320, -240], 1.3, (15 * Math.PI) / 180, 0.3);
    const points = toScenePoints(landmarks, 640, 480, VIEW);
    const pose = glassesPose(headFrame(points, camera)!, points)!;
    expect(Math.atan2(pose.x[1], pose.x[0])).toBeCloseTo((15 * Math.PI) / 180, 1);
    // Yaw 0.3 rad toward the subject's left turns +Z toward +x (subject's left in the raw frame).
    expect(Math.atan2(pose.z[0], pose.z[2])).toBeCloseTo(0.3, 1);
  });

  it('builds a closed head occluder that reaches behind the face and a necklace below the chin', () => {
    const landmarks = seenFace([320, -240], 1.3, 0);
    const points = toScenePoints(landmarks, 640, 480, VIEW);
    const head = headFrame(points, camera)!;
    const occluder = headOccluder(head, points, new Uint32Array([0, 1, 2]), [
      FACE3.rightSide,
      FACE3.forehead,
      FACE3.leftSide,
      FACE3.chin,
    ]);
    expect(occluder?.kind).toBe('mesh');
    if (occluder?.kind !== 'mesh') return;
    const zs = Array.from(
      { length: occluder.positions.length / 3 },
      (_, i) => occluder.positions[i * 3 + 2]!,
    );
    expect(Math.min(...zs)).toBeLessThan(-100);
    expect(occluder.indices.length).toBe(3 + 4 * 9);
    const necklace = necklacePose(head, points)!;
    expect(necklace.position[1]).toBeLessThan(points[FACE3.chin]![1] - 50);
  });

  it('refuses a face with a missing landmark', () => {
    const points: ScenePoints = [];
    expect(headFrame(points, camera)).toBeNull();
  });
});

/** A flat left hand, palm toward the camera, fingers to the right (like the e2e photo). */
function palmHand(): ScenePoints {
  const p: Vec3[] = Array.from({ length: 21 }, () => [0, 0, 0]);
  p[0] = [100, -300, 0];
  p[2] = [180, -220, 0];
  p[3] = [210, -190, 0];
  p[5] = [260, -240, 0];
  p[6] = [320, -240, 0];
  p[9] = [270, -270, 0];
  p[10] = [340, -270, 0];
  p[13] = [270, -300, 0];
  p[14] = [340, -300, 0];
  p[17] = [260, -330, 0];
  p[18] = [320, -330, 0];
  return p;
}

describe('hand pose', () => {
  it('gives the back of the hand from the hand side', () => {
    // A left hand showing its palm has its back away from the camera; a right one (the same
    // points, as a mirror image would) toward it.
    expect(backOfHand(palmHand(), 'left')![2]).toBeCloseTo(-1);
    expect(backOfHand(palmHand(), 'right')![2]).toBeCloseTo(1);
    expect(handSide('Left')).toBe('left');
  });

  it('puts the ring 40% along the ring finger, +Y toward the tip, with a finger inside the band', () => {
    const points = palmHand();
    const ring = ringPose(points, camera, 'ring', [0, 0, -1], 0.009)!;
    expect(ring.pose.position[0]).toBeCloseTo(270 + 0.4 * 70, 0);
    expect(ring.pose.y[0]).toBeGreaterThan(0.95);
    expect(ring.pose.z[2]).toBeLessThan(-0.9);
    if (ring.finger.kind !== 'cylinder') throw new Error('expected a cylinder');
    expect(ring.finger.radiusAcross).toBeLessThanOrEqual(0.009 * ring.pose.pxPerMetre + 1e-9);
  });

  it('puts a watch on the back of the wrist, behind the joint', () => {
    const w = wristPose(palmHand(), camera, 'watch', [0, 0, -1])!;
    expect(w.pose.position[0]).toBeLessThan(100);
    if (w.wrist.kind !== 'cylinder') throw new Error('expected a cylinder');
    expect(w.wrist.radiusDepth).toBeLessThan(w.wrist.radiusAcross);
  });
});

describe('pose smoothing', () => {
  const pose = (z: Vec3, x = 0): Pose3 => ({
    position: [x, 0, 0],
    x: [1, 0, 0],
    y: [0, 1, 0],
    z,
    pxPerMetre: 1000,
  });
  const flip: Pose3 = {
    position: [0, 0, 0],
    x: [-1, 0, 0],
    y: [0, 1, 0],
    z: [0, 0, -1],
    pxPerMetre: 1000,
  };

  it('rejects a flipped pose a few frames, then accepts a lasting turn', () => {
    let track = smoothPose(null, pose([0, 0, 1]), 0);
    for (let i = 1; i <= DEFAULT_POSE_SMOOTHING.maxFlipsRejected; i++) {
      track = smoothPose(track, flip, i * 33);
      expect(track.output.z[2]).toBeCloseTo(1);
    }
    track = smoothPose(track, flip, 200);
    expect(track.output.z[2]).toBeCloseTo(-1);
  });

  it('smooths position and keeps the axes orthonormal', () => {
    let track = smoothPose(null, pose([0, 0, 1]), 0);
    track = smoothPose(track, { ...pose([0, 0.3, 0.95], 10) }, 33);
    expect(track.output.position[0]).toBeGreaterThan(0);
    expect(track.output.position[0]).toBeLessThan(10);
    const { x, y, z } = track.output;
    expect(dot(x, y)).toBeCloseTo(0);
    expect(dot(y, z)).toBeCloseTo(0);
    expect(length(z)).toBeCloseTo(1);
  });
});

describe('posesForFrame', () => {
  const visible = { x: 0, y: 0, rotation: 0, scale: 1, visible: true };
  const face = (placements: (typeof visible)[]) =>
    posesForFrame(
      {
        kind: 'face',
        faces: [{ landmarks: seenFace([300, -200], 1.3, 0) }],
        timestampMs: 0,
        width: 640,
        height: 480,
      },
      {
        kind: 'glasses',
        finger: 'ring',
        view: VIEW,
        placements,
        bandRadiusM: 0.009,
        triangulate: () => ({
          triangles: new Uint32Array([0, 1, 2]),
          outline: [234, 10, 454, 152],
        }),
      },
    );

  it('poses glasses with a head occluder while the placement shows', () => {
    const result = face([visible]);
    expect(result.poses[0]).not.toBeNull();
    expect(result.occluders.map((o) => o.kind)).toEqual(['mesh']);
  });

  it('follows the 2D visibility rules: a hidden placement gets no pose', () => {
    expect(face([{ ...visible, visible: false }]).poses).toEqual([null]);
  });
});
