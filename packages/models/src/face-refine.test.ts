import { describe, expect, it } from 'vitest';
import { gatherIndices, REFINED_FLOATS, refineFaceLandmarks } from './face-refine.js';
import { rawModel } from './test-models.js';
import { injectMetadata, readMetadata } from './tflite-metadata.js';
import {
  BufferField,
  BuiltinOperator,
  ioTensors,
  ModelField,
  mainSubgraph,
  OperatorCodeField,
  OperatorField,
  openModel,
  SubGraphField,
  TensorField,
} from './tflite-schema.js';

describe('refineFaceLandmarks', () => {
  const raw = rawModel('face_landmark_with_attention.tflite');
  const out = refineFaceLandmarks(raw);
  const model = openModel(out);
  const sg = mainSubgraph(model);

  it('has exactly two outputs: 1434 landmark floats and the 1-element face flag', () => {
    const before = ioTensors(mainSubgraph(openModel(raw)), 'outputs');
    expect(before.length).toBe(7);
    const outputs = ioTensors(sg, 'outputs');
    expect(outputs.map((t) => [t.name, t.size, t.shape])).toEqual([
      ['landmarks_478_refined', 1434, [1, 1, 1, 1434]],
      ['conv_faceflag', 1, [1, 1, 1, 1]],
    ]);
    expect(ioTensors(sg, 'inputs').map((t) => t.shape)).toEqual([[1, 192, 192, 3]]);
  });

  it('appends FULLY_CONNECTED, CONCATENATION, GATHER as the last three ops', () => {
    const codes = model.tables(ModelField.operatorCodes);
    const ops = sg.tables(SubGraphField.operators);
    const last = ops.slice(-3).map((op) => {
      const code = codes[op.uint32(OperatorField.opcodeIndex)]!;
      return code.int32(OperatorCodeField.builtinCode);
    });
    const { FULLY_CONNECTED, CONCATENATION, GATHER } = BuiltinOperator;
    expect(last).toEqual([FULLY_CONNECTED, CONCATENATION, GATHER]);
    const gather = ops.at(-1)!;
    const [concat, indices] = gather.int32s(OperatorField.inputs) as [number, number];
    expect(sg.tables(SubGraphField.tensors)[concat]!.int32s(TensorField.shape)).toEqual([
      1, 1, 1, 1870,
    ]);
    const buf = sg.tables(SubGraphField.tensors)[indices]!.uint32(TensorField.buffer);
    const data = model.tables(ModelField.buffers)[buf]!.bytes(BufferField.data)!;
    const stored = new Int32Array(data.slice().buffer);
    expect([...stored]).toEqual(gatherIndices());
  });

  it('gathers refined x, y from lips/eyes/irises and keeps mesh z', () => {
    const idx = gatherIndices();
    expect(idx.length).toBe(REFINED_FLOATS);
    expect(idx.every((i) => i >= 0 && i < 1870)).toBe(true);
    expect(idx.slice(3 * 61, 3 * 61 + 3)).toEqual([1404, 1405, 3 * 61 + 2]); // lips[0] = 61
    expect(idx.slice(3 * 33, 3 * 33 + 3)).toEqual([1564, 1565, 3 * 33 + 2]); // left eye[0] = 33
    expect(idx.slice(3 * 263, 3 * 263 + 3)).toEqual([1706, 1707, 3 * 263 + 2]); // right eye[0]
    expect(idx.slice(3 * 1, 3 * 1 + 3)).toEqual([3, 4, 5]); // nose tip: unrefined mesh point
    expect(idx.slice(3 * 468, 3 * 468 + 3)).toEqual([1848, 1849, 1868]); // left iris centre
    expect(idx.slice(3 * 477, 3 * 477 + 3)).toEqual([1866, 1867, 1869]); // last right iris point
  });

  it('still accepts metadata injection afterwards', () => {
    const withMeta = injectMetadata(out, 'face', { mean: 0, std: 255 });
    expect(readMetadata(withMeta)).toMatchObject({ mean: [0], std: [255], inputs: 1, outputs: 2 });
  });
});
