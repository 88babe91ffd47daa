// `@fittingroom/sdk/camera`: the consent-checked camera shell.
export { type Camera, type CameraCloseReason, type CameraOptions, openCamera } from './camera.js';
export { CameraError, type CameraErrorCode } from './errors.js';
