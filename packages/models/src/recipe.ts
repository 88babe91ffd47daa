import type { SourcePackage } from './sources.js';
import type { Normalization } from './tflite-metadata.js';

/** Where one input file comes from. */
export interface SourceFile {
  pkg: SourcePackage;
  /** File name: a plain file of the package, or a file inside its packed-assets blob. */
  file: string;
  /** Base name of the package's `<base>.data` + `<base>_loader.js` when the file is packed. */
  packedIn?: string;
}

/** One entry of a `.task` zip and how it is made. */
export interface TaskEntryRecipe {
  /** Name the tasks-vision wasm looks for inside the zip. */
  name: string;
  from: SourceFile;
  /** Inject TFLITE_METADATA with this input normalisation (tflite models only). */
  normalization?: Normalization;
  /** Apply the 478-landmark refinement graph edit before injecting metadata. */
  refineFace?: boolean;
}

/** One `.task` bundle written to the assets folder. */
export interface TaskRecipe {
  file: string;
  entries: TaskEntryRecipe[];
}

const HANDS_PACKED = 'hands_solution_packed_assets';
const FACE_PACKED = 'face_mesh_solution_packed_assets';
/** Models trained on [0, 1] inputs. */
const UNIT_RANGE: Normalization = { mean: 0, std: 255 };
/** Models trained on [-1, 1] inputs. */
const SIGNED_RANGE: Normalization = { mean: 127.5, std: 127.5 };

const palm = (variant: 'full' | 'lite'): TaskEntryRecipe => ({
  name: 'hand_detector.tflite',
  from: {
    pkg: '@mediapipe/hands',
    file: `palm_detection_${variant}.tflite`,
    packedIn: HANDS_PACKED,
  },
  normalization: UNIT_RANGE,
});
const handLandmarks = (variant: 'full' | 'lite'): TaskEntryRecipe => ({
  name: 'hand_landmarks_detector.tflite',
  from: { pkg: '@mediapipe/hands', file: `hand_landmark_${variant}.tflite` },
  normalization: UNIT_RANGE,
});

/** The `.task` bundles, in output order; entry order inside each zip is fixed here. */
export const TASKS: readonly TaskRecipe[] = [
  { file: 'hand_landmarker.task', entries: [palm('full'), handLandmarks('full')] },
  { file: 'hand_landmarker_lite.task', entries: [palm('lite'), handLandmarks('lite')] },
  {
    file: 'face_landmarker.task',
    entries: [
      {
        name: 'face_detector.tflite',
        from: {
          pkg: '@mediapipe/face_mesh',
          file: 'face_detection_short_range.tflite',
          packedIn: FACE_PACKED,
        },
        normalization: SIGNED_RANGE,
      },
      {
        name: 'face_landmarks_detector.tflite',
        from: {
          pkg: '@mediapipe/face_mesh',
          file: 'face_landmark_with_attention.tflite',
          packedIn: FACE_PACKED,
        },
        normalization: UNIT_RANGE,
        refineFace: true,
      },
      {
        // Only needed for outputFacialTransformationMatrixes; shipped unchanged.
        name: 'geometry_pipeline_metadata_landmarks.binarypb',
        from: {
          pkg: '@mediapipe/face_mesh',
          file: 'geometry_pipeline_metadata_landmarks.binarypb',
          packedIn: FACE_PACKED,
        },
      },
    ],
  },
];

/** Files copied unchanged from `@mediapipe/tasks-vision` (package path → assets path). */
export const COPIES: readonly { from: string; to: string }[] = [
  // Original names. Only MediaPipe's ES-module SIMD build is shipped: @fittingroom/sdk loads it
  // in its worker and on the page alike; the classic and non-SIMD builds are never loaded.
  { from: 'wasm/vision_wasm_module_internal.js', to: 'wasm/vision_wasm_module_internal.js' },
  { from: 'wasm/vision_wasm_module_internal.wasm', to: 'wasm/vision_wasm_module_internal.wasm' },
  { from: 'vision_bundle.mjs', to: 'tasks-vision/vision_bundle.mjs' },
];
