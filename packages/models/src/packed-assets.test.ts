import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPackedAsset, parsePackedAssetLoader } from './packed-assets.js';
import { locatePackage } from './sources.js';

const loader = (files: string, extra = '') =>
  `var Module = {}; (function() { function loadPackage(metadata) { /* {braces} */ }
  loadPackage({"files": [${files}], "remote_package_size": 10${extra}}); })();`;

describe('parsePackedAssetLoader', () => {
  it('reads the file table, ignoring extra keys and braces in strings', () => {
    const js = loader(
      '{"filename": "/a/x}.bin", "start": 0, "end": 4}, {"filename": "/b/y.tflite", "start": 4, "end": 10}',
      ', "package_uuid": "5da0-{"',
    );
    expect(parsePackedAssetLoader(js)).toEqual({
      files: [
        { filename: '/a/x}.bin', start: 0, end: 4 },
        { filename: '/b/y.tflite', start: 4, end: 10 },
      ],
      packageSize: 10,
    });
  });

  it('rejects missing calls, bad entries and ranges past the blob', () => {
    expect(() => parsePackedAssetLoader('nothing here')).toThrow(/no loadPackage/);
    expect(() =>
      parsePackedAssetLoader(loader('{"filename": "/a", "start": 5, "end": 2}')),
    ).toThrow(/malformed/);
    expect(() =>
      parsePackedAssetLoader(loader('{"filename": "/a", "start": 0, "end": 11}')),
    ).toThrow(/past the blob/);
  });

  it('extracts by base name and checks the blob size', () => {
    const table = parsePackedAssetLoader(
      loader(
        '{"filename": "/m/a.bin", "start": 2, "end": 5}, {"filename": "/n/b.bin", "start": 5, "end": 10}',
      ),
    );
    const blob = Uint8Array.from({ length: 10 }, (_, i) => i);
    expect([...extractPackedAsset(table, blob, 'a.bin')]).toEqual([2, 3, 4]);
    expect(() => extractPackedAsset(table, blob, 'c.bin')).toThrow(/exactly one "c.bin", found 0/);
    expect(() => extractPackedAsset(table, blob.subarray(1), 'a.bin')).toThrow(/9 bytes/);
  });
});

describe('packed assets of the installed MediaPipe packages', () => {
  const read = (pkg: '@mediapipe/hands' | '@mediapipe/face_mesh', base: string) => {
    const { dir } = locatePackage(pkg);
    const table = parsePackedAssetLoader(readFileSync(join(dir, `${base}_loader.js`), 'utf8'));
    return { table, blob: new Uint8Array(readFileSync(join(dir, `${base}.data`))) };
  };

  it('hands: palm detection full and lite at the known ranges', () => {
    const { table, blob } = read('@mediapipe/hands', 'hands_solution_packed_assets');
    expect(table.packageSize).toBe(4326731);
    expect(table.files.map((f) => [f.filename.split('/').at(-1), f.start, f.end])).toEqual([
      ['handedness.txt', 0, 11],
      ['palm_detection_full.tflite', 11, 2341291],
      ['palm_detection_lite.tflite', 2341291, 4326731],
    ]);
    const full = extractPackedAsset(table, blob, 'palm_detection_full.tflite');
    expect(new TextDecoder().decode(full.subarray(4, 8))).toBe('TFL3');
  });

  it('face_mesh: the four packed files, contiguous, tflite ones with TFL3', () => {
    const { table, blob } = read('@mediapipe/face_mesh', 'face_mesh_solution_packed_assets');
    const names = table.files.map((f) => f.filename.split('/').at(-1));
    expect(names).toEqual([
      'face_landmark_with_attention.tflite',
      'face_landmark.tflite',
      'geometry_pipeline_metadata_landmarks.binarypb',
      'face_detection_short_range.tflite',
    ]);
    table.files.forEach((f, i) => {
      expect(f.start).toBe(i === 0 ? 0 : table.files[i - 1]!.end);
    });
    expect(table.files.at(-1)!.end).toBe(blob.length);
    for (const n of ['face_landmark_with_attention.tflite', 'face_detection_short_range.tflite']) {
      const bytes = extractPackedAsset(table, blob, n);
      expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe('TFL3');
    }
    expect(
      extractPackedAsset(table, blob, 'geometry_pipeline_metadata_landmarks.binarypb').length,
    ).toBe(19376);
  });
});
