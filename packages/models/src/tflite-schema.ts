import type { Offset } from 'flatbuffers';
import { FbTable, fileIdentifier } from './fb-read.js';
import type { GraftBuilder } from './fb-write.js';

// Field indices from tensorflow/lite/schema/schema.fbs (only what this package touches).

/** `Model` table fields. */
export const ModelField = {
  version: 0,
  operatorCodes: 1,
  subgraphs: 2,
  description: 3,
  buffers: 4,
  metadataBuffer: 5,
  metadata: 6,
  signatureDefs: 7,
} as const;
/** `SubGraph` table fields. */
export const SubGraphField = {
  tensors: 0,
  inputs: 1,
  outputs: 2,
  operators: 3,
  name: 4,
  debugMetadataIndex: 5,
} as const;
/** `Tensor` table fields. */
export const TensorField = { shape: 0, type: 1, buffer: 2, name: 3 } as const;
/** `Buffer` table fields (`offset`/`size` are only used by >2 GB models). */
export const BufferField = { data: 0, offset: 1, size: 2 } as const;
/** `Metadata` table fields. */
export const MetadataField = { name: 0, buffer: 1 } as const;
/** `OperatorCode` table fields. */
export const OperatorCodeField = { deprecatedBuiltinCode: 0, version: 2, builtinCode: 3 } as const;
/** `Operator` table fields. */
export const OperatorField = {
  opcodeIndex: 0,
  inputs: 1,
  outputs: 2,
  builtinOptionsType: 3,
  builtinOptions: 4,
} as const;
/** `TensorType` enum values used here. */
export const TensorType = { FLOAT32: 0, INT32: 2 } as const;
/** `BuiltinOperator` enum values used here. */
export const BuiltinOperator = { CONCATENATION: 2, FULLY_CONNECTED: 9, GATHER: 36 } as const;
/** `BuiltinOptions` union tags used here. */
export const BuiltinOptions = {
  FullyConnectedOptions: 8,
  ConcatenationOptions: 10,
  GatherOptions: 23,
} as const;

/** What the build needs to know about one tensor. */
export interface TensorInfo {
  /** Index in the subgraph's tensor list. */
  index: number;
  name: string;
  shape: number[];
  /** `TensorType` value (0 = float32). */
  type: number;
  /** Element count (product of the shape). */
  size: number;
}

/** Opens a `.tflite` flatbuffer, checking its `TFL3` identifier; returns the `Model` table. */
export function openModel(bytes: Uint8Array): FbTable {
  const id = fileIdentifier(bytes);
  if (id !== 'TFL3') throw new Error(`not a TFLite model (identifier "${id}")`);
  return FbTable.root(bytes);
}

/** The first (main) subgraph of a model. */
export function mainSubgraph(model: FbTable): FbTable {
  const sg = model.tables(ModelField.subgraphs)[0];
  if (!sg) throw new Error('model has no subgraph');
  return sg;
}

/** Reads tensor `index` of a subgraph. */
export function tensorInfo(subgraph: FbTable, index: number): TensorInfo {
  const t = subgraph.tables(SubGraphField.tensors)[index];
  if (!t) throw new Error(`tensor ${index} out of range`);
  const shape = t.int32s(TensorField.shape);
  return {
    index,
    name: t.string(TensorField.name) ?? '',
    shape,
    type: t.int8(TensorField.type),
    size: shape.reduce((a, d) => a * d, 1),
  };
}

/** The tensors a subgraph lists as its inputs or outputs, in order. */
export function ioTensors(subgraph: FbTable, which: 'inputs' | 'outputs'): TensorInfo[] {
  return subgraph.int32s(SubGraphField[which]).map((i) => tensorInfo(subgraph, i));
}

/** The `Model.metadata` entries (name → buffer index). */
export function metadataEntries(model: FbTable): { name: string; buffer: number }[] {
  return model.tables(ModelField.metadata).map((m) => ({
    name: m.string(MetadataField.name) ?? '',
    buffer: m.uint32(MetadataField.buffer),
  }));
}

/** Throws unless the table has at most `known` vtable slots, so no unknown field is dropped. */
export function assertKnownFields(table: FbTable, known: number, what: string): void {
  if (table.fieldCount > known) {
    throw new Error(`${what} has ${table.fieldCount} fields; only ${known} are known`);
  }
}

/**
 * Writes a new `Model` table that keeps every field of `old` except those in `replace`
 * (offset fields, by index), which point at newly built objects.
 */
export function writeModel(g: GraftBuilder, old: FbTable, replace: Record<number, Offset>): Offset {
  assertKnownFields(old, 8, 'Model');
  const b = g.b;
  b.startObject(8);
  b.addFieldInt32(ModelField.version, old.uint32(ModelField.version), 0);
  for (let i = 1; i < 8; i++) {
    const r = replace[i];
    if (r !== undefined) b.addFieldOffset(i, r, 0);
    else if (old.target(i) !== 0) b.addFieldOffset(i, g.ref(old.target(i)), 0);
  }
  return b.endObject();
}

/**
 * Writes a new `SubGraph` table that keeps every field of `old` except the replaced offset
 * fields (tensors, inputs, outputs, operators, name).
 */
export function writeSubGraph(
  g: GraftBuilder,
  old: FbTable,
  replace: Record<number, Offset>,
): Offset {
  assertKnownFields(old, 6, 'SubGraph');
  const b = g.b;
  b.startObject(6);
  for (let i = 0; i <= SubGraphField.name; i++) {
    const r = replace[i];
    if (r !== undefined) b.addFieldOffset(i, r, 0);
    else if (old.target(i) !== 0) b.addFieldOffset(i, g.ref(old.target(i)), 0);
  }
  const debugIndex = SubGraphField.debugMetadataIndex;
  if (old.fieldPos(debugIndex) !== 0) b.addFieldInt32(debugIndex, old.int32(debugIndex), -1);
  return b.endObject();
}
