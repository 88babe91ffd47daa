// 3D poses from landmarks (pure): scene camera, face and hand poses, occluders, smoothing.
export { ASSUMED_VERTICAL_FOV_RAD, project, rayCorrection, viewCamera, viewFov } from './camera.js';
export {
  DEFAULT_POSE_SMOOTHING,
  type PoseSmoothing,
  type PoseTrack,
  smoothPose,
} from './filter.js';
export { type FaceTopology, type PoseInputs, posesForFrame } from './frame.js';
export { type ScenePoints, toScenePoints } from './points.js';
export type { Occluder, Pose3, PoseFrame, ViewCamera } from './types.js';
export type { Vec3 } from './vec.js';
