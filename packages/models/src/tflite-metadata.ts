import { Builder, type Offset } from 'flatbuffers';
import { FbTable, fileIdentifier } from './fb-read.js';
import { finishBytes, float32Vector, GraftBuilder, offsetVector, rawVector } from './fb-write.js';
import {
  BufferField,
  MetadataField,
  ModelField,
  mainSubgraph,
  metadataEntries,
  openModel,
  SubGraphField,
  writeModel,
} from './tflite-schema.js';

/** Name MediaPipe looks up in `Model.metadata` to find the model metadata buffer. */
export const METADATA_NAME = 'TFLITE_METADATA';
/** File identifier of a TFLite Model Metadata flatbuffer (metadata_schema.fbs). */
export const METADATA_IDENTIFIER = 'M001';

/** Input normalisation: the model sees `(pixel - mean) / std`. */
export interface Normalization {
  mean: number;
  std: number;
}

// Field indices from tensorflow/lite/experimental/support/metadata/metadata_schema.fbs.
const ModelMetadata = { name: 0, subgraphMetadata: 3 } as const;
const SubGraphMetadata = { inputTensorMetadata: 2, outputTensorMetadata: 3 } as const;
const TensorMetadata = { name: 0, content: 3, processUnits: 4 } as const;
const Content = { propertiesType: 0, properties: 1 } as const;
const CONTENT_IMAGE_PROPERTIES = 2;
const COLOR_SPACE_RGB = 1;
const ProcessUnit = { optionsType: 0, options: 1 } as const;
const PROCESS_UNIT_NORMALIZATION = 1;
const NormalizationOptions = { mean: 0, std: 1 } as const;

/**
 * Builds a minimal Model Metadata flatbuffer: input 0 is an RGB image with `NormalizationOptions`,
 * every other input/output gets an empty entry (MediaPipe expects one entry per tensor).
 */
export function buildModelMetadata(
  name: string,
  norm: Normalization,
  inputs: number,
  outputs: number,
): Uint8Array {
  const b = new Builder(512);
  const mean = float32Vector(b, [norm.mean]);
  const std = float32Vector(b, [norm.std]);
  b.startObject(2);
  b.addFieldOffset(NormalizationOptions.mean, mean, 0);
  b.addFieldOffset(NormalizationOptions.std, std, 0);
  const normOptions = b.endObject();
  b.startObject(2);
  b.addFieldInt8(ProcessUnit.optionsType, PROCESS_UNIT_NORMALIZATION, 0);
  b.addFieldOffset(ProcessUnit.options, normOptions, 0);
  const processUnits = offsetVector(b, [b.endObject()]);
  b.startObject(2);
  b.addFieldInt8(0, COLOR_SPACE_RGB, 0);
  const imageProps = b.endObject();
  b.startObject(3);
  b.addFieldInt8(Content.propertiesType, CONTENT_IMAGE_PROPERTIES, 0);
  b.addFieldOffset(Content.properties, imageProps, 0);
  const content = b.endObject();
  const imageName = b.createString('image');
  b.startObject(7);
  b.addFieldOffset(TensorMetadata.name, imageName, 0);
  b.addFieldOffset(TensorMetadata.content, content, 0);
  b.addFieldOffset(TensorMetadata.processUnits, processUnits, 0);
  const inputTables: Offset[] = [b.endObject()];
  const emptyTensor = (): Offset => {
    b.startObject(7);
    return b.endObject();
  };
  for (let i = 1; i < inputs; i++) inputTables.push(emptyTensor());
  const outputTables = Array.from({ length: outputs }, emptyTensor);
  const inputVec = offsetVector(b, inputTables);
  const outputVec = offsetVector(b, outputTables);
  b.startObject(9);
  b.addFieldOffset(SubGraphMetadata.inputTensorMetadata, inputVec, 0);
  b.addFieldOffset(SubGraphMetadata.outputTensorMetadata, outputVec, 0);
  const subgraphs = offsetVector(b, [b.endObject()]);
  const modelName = b.createString(name);
  b.startObject(8);
  b.addFieldOffset(ModelMetadata.name, modelName, 0);
  b.addFieldOffset(ModelMetadata.subgraphMetadata, subgraphs, 0);
  return finishBytes(b, b.endObject(), METADATA_IDENTIFIER);
}

/**
 * Returns `model` with a `TFLITE_METADATA` entry added: the legacy MediaPipe models carry none,
 * and tasks-vision refuses float inputs without `NormalizationOptions`. The old model is kept
 * byte-for-byte as the tail; a new root `Model` extends `buffers` and `metadata` by one each.
 */
export function injectMetadata(model: Uint8Array, name: string, norm: Normalization): Uint8Array {
  const old = openModel(model);
  if (metadataEntries(old).some((m) => m.name === METADATA_NAME)) {
    throw new Error(`model already has ${METADATA_NAME}`);
  }
  const buffers = old.tables(ModelField.buffers);
  if (buffers.some((t) => t.fieldPos(BufferField.offset) || t.fieldPos(BufferField.size))) {
    throw new Error('models with external buffers (Buffer.offset/size) are not supported');
  }
  const sg = mainSubgraph(old);
  const inputs = sg.vector(SubGraphField.inputs).length;
  const outputs = sg.vector(SubGraphField.outputs).length;
  const metadata = buildModelMetadata(name, norm, inputs, outputs);

  const g = new GraftBuilder(model);
  const b = g.b;
  const data = rawVector(b, metadata, 16);
  b.startObject(1);
  b.addFieldOffset(BufferField.data, data, 0);
  const newBuffer = b.endObject();
  const entryName = b.createString(METADATA_NAME);
  b.startObject(2);
  b.addFieldOffset(MetadataField.name, entryName, 0);
  b.addFieldInt32(MetadataField.buffer, buffers.length, 0);
  const newEntry = b.endObject();
  const oldBufferRefs = old.tablePositions(ModelField.buffers).map((p) => g.ref(p));
  const oldMetaRefs = old.tablePositions(ModelField.metadata).map((p) => g.ref(p));
  const bufferVec = offsetVector(b, [...oldBufferRefs, newBuffer]);
  const metaVec = offsetVector(b, [...oldMetaRefs, newEntry]);
  const root = writeModel(g, old, {
    [ModelField.buffers]: bufferVec,
    [ModelField.metadata]: metaVec,
  });
  return finishBytes(b, root, 'TFL3');
}

/** What `readMetadata` finds in a model's `TFLITE_METADATA`. */
export interface ModelMetadataSummary {
  identifier: string;
  name: string;
  /** Normalisation of input 0 (empty arrays when absent). */
  mean: number[];
  std: number[];
  inputs: number;
  outputs: number;
}

/** Reads back the `TFLITE_METADATA` of a model (for tests and build self-checks). */
export function readMetadata(model: Uint8Array): ModelMetadataSummary {
  const m = openModel(model);
  const entry = metadataEntries(m).find((e) => e.name === METADATA_NAME);
  if (!entry) throw new Error(`model has no ${METADATA_NAME}`);
  const buffer = m.tables(ModelField.buffers)[entry.buffer];
  const bytes = buffer?.bytes(BufferField.data);
  if (!bytes) throw new Error(`${METADATA_NAME} buffer ${entry.buffer} is empty`);
  const meta = FbTable.root(bytes.slice());
  const sg = meta.tables(ModelMetadata.subgraphMetadata)[0];
  const inputs = sg?.tables(SubGraphMetadata.inputTensorMetadata) ?? [];
  const unit = inputs[0]?.tables(TensorMetadata.processUnits)[0];
  const norm = unit?.uint8(ProcessUnit.optionsType) === PROCESS_UNIT_NORMALIZATION;
  const options = norm ? unit?.table(ProcessUnit.options) : null;
  return {
    identifier: fileIdentifier(bytes),
    name: meta.string(ModelMetadata.name) ?? '',
    mean: options?.float32s(NormalizationOptions.mean) ?? [],
    std: options?.float32s(NormalizationOptions.std) ?? [],
    inputs: inputs.length,
    outputs: sg?.vector(SubGraphMetadata.outputTensorMetadata).length ?? 0,
  };
}
