import type { Vec3 } from './vec.js';

/**
 * Where a 3D product goes, in scene space (view CSS pixels of the unmirrored view, x right,
 * y up, z toward the camera; the z = 0 plane maps 1:1 onto the view): the model's origin lands
 * on `position`, its +X/+Y/+Z axes (glTF: left, up, forward of the wearer) on `x`, `y`, `z`,
 * and one metre of the model spans `pxPerMetre` scene units.
 */
export interface Pose3 {
  readonly position: Vec3;
  readonly x: Vec3;
  readonly y: Vec3;
  readonly z: Vec3;
  readonly pxPerMetre: number;
}

/** The pinhole camera the scene is rendered with, in view CSS pixels (y down for `cy`). */
export interface ViewCamera {
  /** View centre of the shown video (its optical axis). */
  readonly cx: number;
  readonly cy: number;
  /** Focal length in view pixels. */
  readonly focalPx: number;
  /** View size. */
  readonly width: number;
  readonly height: number;
}

/** A depth-only body part that hides what is behind it. */
export type Occluder =
  /** A closed triangle mesh, positions in scene space. */
  | { readonly kind: 'mesh'; readonly positions: Float32Array; readonly indices: Uint32Array }
  /** An elliptic cylinder: centre, unit axis, semi-axes along `across` and the third axis. */
  | {
      readonly kind: 'cylinder';
      readonly centre: Vec3;
      readonly axis: Vec3;
      readonly across: Vec3;
      readonly radiusAcross: number;
      readonly radiusDepth: number;
      readonly length: number;
    };

/** What the pose step yields for one frame: one pose per placement, and the occluders. */
export interface PoseFrame {
  /** Same order and count as the 2D placements; null where the product is not shown. */
  readonly poses: readonly (Pose3 | null)[];
  readonly occluders: readonly Occluder[];
}
