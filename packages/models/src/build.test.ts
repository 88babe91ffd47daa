import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAssets } from './assets.js';
import {
  diffManifests,
  MANIFEST_FILE,
  type Manifest,
  parseManifest,
  serializeManifest,
} from './manifest.js';
import { lockPath } from './paths.js';
import { readTask } from './task-zip.js';
import { readMetadata } from './tflite-metadata.js';
import { ioTensors, mainSubgraph, openModel } from './tflite-schema.js';

describe('buildAssets', () => {
  const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'fr-models-')));
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const [a, b] = dirs.map((d) => buildAssets(d)) as [Manifest, Manifest];

  it('is byte-for-byte reproducible and equals the committed lock', () => {
    expect(serializeManifest(b)).toBe(serializeManifest(a));
    const lock = parseManifest(readFileSync(lockPath, 'utf8'), 'manifest.lock.json');
    expect(diffManifests(a, lock)).toEqual([]);
    expect(readFileSync(join(dirs[0]!, MANIFEST_FILE), 'utf8')).toBe(serializeManifest(lock));
  });

  it('lays out the self-hostable folder, sorted, with tasks-vision 1.1.0', () => {
    expect(a.tasksVision).toBe('1.1.0');
    expect(a.files.map((f) => f.file)).toEqual([
      'LICENSES.md',
      'face_landmarker.task',
      'hand_landmarker.task',
      'hand_landmarker_lite.task',
      'tasks-vision/vision_bundle.mjs',
      'wasm/vision_wasm_module_internal.js',
      'wasm/vision_wasm_module_internal.wasm',
    ]);
  });

  it('writes stored zips with the entry names tasks-vision expects and fixed headers', () => {
    const dir = dirs[0]!;
    const read = (f: string) => new Uint8Array(readFileSync(join(dir, f)));
    const hand = read('hand_landmarker.task');
    expect(Object.keys(readTask(hand))).toEqual([
      'hand_detector.tflite',
      'hand_landmarks_detector.tflite',
    ]);
    const view = new DataView(hand.buffer, hand.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50); // local file header
    expect(view.getUint16(8, true)).toBe(0); // method: stored
    expect(view.getUint16(10, true)).toBe(0); // DOS time 00:00:00
    expect(view.getUint16(12, true)).toBe((0 << 9) | (1 << 5) | 1); // DOS date 1980-01-01
    const face = readTask(read('face_landmarker.task'));
    expect(Object.keys(face)).toEqual([
      'face_detector.tflite',
      'face_landmarks_detector.tflite',
      'geometry_pipeline_metadata_landmarks.binarypb',
    ]);
    const landmarks = face['face_landmarks_detector.tflite']!;
    expect(ioTensors(mainSubgraph(openModel(landmarks)), 'outputs').map((t) => t.size)).toEqual([
      1434, 1,
    ]);
    expect(readMetadata(landmarks)).toMatchObject({ mean: [0], std: [255] });
    expect(readMetadata(face['face_detector.tflite']!)).toMatchObject({
      mean: [127.5],
      std: [127.5],
    });
    const lite = readTask(read('hand_landmarker_lite.task'));
    expect(readMetadata(lite['hand_landmarks_detector.tflite']!).name).toMatch(
      /hand_landmark_lite/,
    );
  });
});
