import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPackedAsset, parsePackedAssetLoader } from './packed-assets.js';
import { locatePackage } from './sources.js';

/** Test helper: a raw (unmodified) model from the installed face_mesh/hands packages. */
export function rawModel(
  name:
    | 'face_landmark_with_attention.tflite'
    | 'face_detection_short_range.tflite'
    | 'palm_detection_lite.tflite'
    | 'hand_landmark_lite.tflite',
): Uint8Array {
  if (name === 'hand_landmark_lite.tflite') {
    return new Uint8Array(readFileSync(join(locatePackage('@mediapipe/hands').dir, name)));
  }
  const [pkg, base] = name.startsWith('palm')
    ? (['@mediapipe/hands', 'hands_solution_packed_assets'] as const)
    : (['@mediapipe/face_mesh', 'face_mesh_solution_packed_assets'] as const);
  const { dir } = locatePackage(pkg);
  const table = parsePackedAssetLoader(readFileSync(join(dir, `${base}_loader.js`), 'utf8'));
  return extractPackedAsset(table, new Uint8Array(readFileSync(join(dir, `${base}.data`))), name);
}
