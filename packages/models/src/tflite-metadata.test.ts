import { describe, expect, it } from 'vitest';
import { FbTable, fileIdentifier } from './fb-read.js';
import { rawModel } from './test-models.js';
import {
  buildModelMetadata,
  injectMetadata,
  METADATA_NAME,
  readMetadata,
} from './tflite-metadata.js';
import {
  BufferField,
  ioTensors,
  ModelField,
  mainSubgraph,
  metadataEntries,
  openModel,
  SubGraphField,
} from './tflite-schema.js';

/** Where the original model sits inside the injected one (64-aligned, followed by padding). */
function tailOffset(out: Uint8Array, raw: Uint8Array): number {
  return out.length - raw.length - ((64 - (raw.length % 64)) % 64);
}

describe('buildModelMetadata', () => {
  it('is an M001 flatbuffer with the normalisation on input 0 and one entry per tensor', () => {
    const bytes = buildModelMetadata('test', { mean: 127.5, std: 127.5 }, 2, 3);
    expect(fileIdentifier(bytes)).toBe('M001');
    const root = FbTable.root(bytes);
    expect(root.string(0)).toBe('test');
    const sg = root.tables(3)[0]!;
    expect(sg.vector(2).length).toBe(2);
    expect(sg.vector(3).length).toBe(3);
    const input = sg.tables(2)[0]!;
    expect(input.string(0)).toBe('image');
    const unit = input.tables(4)[0]!;
    expect(unit.uint8(0)).toBe(1); // ProcessUnitOptions.NormalizationOptions
    expect(unit.table(1)!.float32s(0)).toEqual([127.5]);
    expect(unit.table(1)!.float32s(1)).toEqual([127.5]);
  });
});

describe('injectMetadata', () => {
  const raw = rawModel('palm_detection_lite.tflite');
  const out = injectMetadata(raw, 'palm lite', { mean: 0, std: 255 });

  it('adds TFLITE_METADATA (M001) with mean 0, std 255 and matching tensor counts', () => {
    expect(fileIdentifier(out)).toBe('TFL3');
    const meta = readMetadata(out);
    expect(meta).toEqual({
      identifier: 'M001',
      name: 'palm lite',
      mean: [0],
      std: [255],
      inputs: 1,
      outputs: ioTensors(mainSubgraph(openModel(raw)), 'outputs').length,
    });
    expect(meta.outputs).toBe(2); // regressors + classificators
  });

  it('keeps the original model verbatim, 64-byte aligned, and every old buffer unchanged', () => {
    const at = tailOffset(out, raw);
    expect(at % 64).toBe(0);
    expect(Buffer.from(out.subarray(at, at + raw.length)).equals(Buffer.from(raw))).toBe(true);
    const before = openModel(raw);
    const after = openModel(out);
    const oldBuffers = before.tables(ModelField.buffers);
    const newBuffers = after.tables(ModelField.buffers);
    expect(newBuffers.length).toBe(oldBuffers.length + 1);
    oldBuffers.forEach((b, i) => {
      expect(newBuffers[i]!.pos - at).toBe(b.pos);
      const data = b.bytes(BufferField.data);
      if (data)
        expect(data.byteOffset % 16).toBe(newBuffers[i]!.bytes(BufferField.data)!.byteOffset % 16);
    });
    const sgBefore = mainSubgraph(before);
    const sgAfter = mainSubgraph(after);
    for (const f of [SubGraphField.tensors, SubGraphField.operators, SubGraphField.inputs]) {
      expect(sgAfter.vector(f).length).toBe(sgBefore.vector(f).length);
    }
    expect(after.uint32(ModelField.version)).toBe(before.uint32(ModelField.version));
    const entries = metadataEntries(after);
    expect(entries.at(-1)).toEqual({ name: METADATA_NAME, buffer: oldBuffers.length });
    expect(entries.slice(0, -1)).toEqual(metadataEntries(before));
  });

  it('uses mean 127.5, std 127.5 for the face detector and refuses to inject twice', () => {
    const face = injectMetadata(rawModel('face_detection_short_range.tflite'), 'fd', {
      mean: 127.5,
      std: 127.5,
    });
    expect(readMetadata(face)).toMatchObject({ identifier: 'M001', mean: [127.5], std: [127.5] });
    expect(() => injectMetadata(face, 'again', { mean: 0, std: 1 })).toThrow(/already has/);
    expect(() => readMetadata(raw)).toThrow(/no TFLITE_METADATA/);
  });
});
