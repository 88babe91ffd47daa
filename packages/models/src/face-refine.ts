import type { Offset } from 'flatbuffers';
import type { FbTable } from './fb-read.js';
import { finishBytes, GraftBuilder, int32Vector, offsetVector, rawVector } from './fb-write.js';
import {
  BufferField,
  BuiltinOperator,
  BuiltinOptions,
  ioTensors,
  ModelField,
  mainSubgraph,
  OperatorCodeField,
  OperatorField,
  openModel,
  SubGraphField,
  TensorField,
  TensorType,
  writeModel,
  writeSubGraph,
} from './tflite-schema.js';

// Mesh indices refined by each attention sub-model, in its output order (from MediaPipe's
// tensors_to_face_landmarks_with_attention.pbtxt).
// biome-ignore format: index tables
const LIPS = [61,146,91,181,84,17,314,405,321,375,291,185,40,39,37,0,267,269,270,409,78,95,88,178,87,14,317,402,318,324,308,191,80,81,82,13,312,311,310,415,76,77,90,180,85,16,315,404,320,307,306,184,74,73,72,11,302,303,304,408,62,96,89,179,86,15,316,403,319,325,292,183,42,41,38,12,268,271,272,407];
// biome-ignore format: index tables
const LEFT_EYE = [33,7,163,144,145,153,154,155,133,246,161,160,159,158,157,173,130,25,110,24,23,22,26,112,243,247,30,29,27,28,56,190,226,31,228,229,230,231,232,233,244,113,225,224,223,222,221,189,35,124,46,53,52,65,143,111,117,118,119,120,121,128,245,156,70,63,105,66,107,55,193];
// biome-ignore format: index tables
const RIGHT_EYE = [263,249,390,373,374,380,381,382,362,466,388,387,386,385,384,398,359,255,339,254,253,252,256,341,463,467,260,259,257,258,286,414,446,261,448,449,450,451,452,453,464,342,445,444,443,442,441,413,265,353,276,283,282,295,372,340,346,347,348,349,350,357,465,383,300,293,334,296,336,285,417];
/** Each iris gets z = mean z of the first 16 (contour) points of its eye. */
const IRIS_Z_POINTS = 16;

const MESH_POINTS = 468;
/** Landmarks tasks-vision 1.1.0 decodes: 468 mesh + 5 left iris + 5 right iris. */
export const REFINED_POINTS = 478;
/** Floats in the refined landmark output (x, y, z per point). */
export const REFINED_FLOATS = REFINED_POINTS * 3;

/** Old output tensor names and their expected float counts, in concatenation order. */
const PARTS = [
  ['output_mesh_identity', MESH_POINTS * 3],
  ['output_lips', LIPS.length * 2],
  ['output_left_eye', LEFT_EYE.length * 2],
  ['output_right_eye', RIGHT_EYE.length * 2],
  ['output_left_iris', 10],
  ['output_right_iris', 10],
] as const;
const FACE_FLAG = 'conv_faceflag';

/** Start of each part within concat(mesh, lips, left eye, right eye, irises, iris z pair). */
function partOffsets(): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const [, size] of PARTS) {
    starts.push(at);
    at += size;
  }
  starts.push(at); // the two iris z values
  return starts;
}

/** GATHER indices that turn the 1870-float concatenation into 478 refined (x, y, z) points. */
export function gatherIndices(): number[] {
  const [, lips, leye, reye, liris, riris, z] = partOffsets() as [number, ...number[]];
  const idx = Array.from({ length: REFINED_FLOATS }, (_, i) => (i < MESH_POINTS * 3 ? i : 0));
  const overwriteXY = (points: readonly number[], start: number): void => {
    points.forEach((m, j) => {
      idx[3 * m] = start + 2 * j;
      idx[3 * m + 1] = start + 2 * j + 1;
    });
  };
  overwriteXY(LIPS, lips!);
  overwriteXY(LEFT_EYE, leye!);
  overwriteXY(RIGHT_EYE, reye!);
  for (let j = 0; j < 5; j++) {
    for (const [k, iris, zi] of [
      [MESH_POINTS + j, liris!, z!],
      [MESH_POINTS + 5 + j, riris!, z! + 1],
    ] as const) {
      idx[3 * k] = iris + 2 * j;
      idx[3 * k + 1] = iris + 2 * j + 1;
      idx[3 * k + 2] = zi;
    }
  }
  return idx;
}

/** FULLY_CONNECTED weights [2, 1404]: row r averages z of the 16 contour points of eye r. */
function irisZWeights(): Float32Array {
  const w = new Float32Array(2 * MESH_POINTS * 3);
  for (const [row, eye] of [LEFT_EYE, RIGHT_EYE].entries()) {
    for (const m of eye.slice(0, IRIS_Z_POINTS)) w[row * MESH_POINTS * 3 + 3 * m + 2] = 1 / 16;
  }
  return w;
}

/** Finds the old output tensors by name and checks their sizes. */
function findOutputs(sg: FbTable): { parts: number[]; flag: number } {
  const byName = new Map(ioTensors(sg, 'outputs').map((t) => [t.name, t]));
  const parts = PARTS.map(([name, size]) => {
    const t = byName.get(name);
    if (!t) throw new Error(`face model: output "${name}" not found`);
    if (t.size !== size || t.type !== TensorType.FLOAT32) {
      throw new Error(`face model: output "${name}" has ${t.size} elements, expected ${size}`);
    }
    return t.index;
  });
  const flag = byName.get(FACE_FLAG);
  if (flag?.size !== 1) throw new Error(`face model: output "${FACE_FLAG}" not found`);
  return { parts, flag: flag.index };
}

/**
 * Rewrites `face_landmark_with_attention.tflite` so it emits the tasks-API layout: output 0 =
 * 1434 floats (478 refined landmarks), output 1 = face flag. MediaPipe's landmark refinement
 * is appended to the graph as FULLY_CONNECTED (iris z), CONCATENATION and GATHER.
 */
export function refineFaceLandmarks(model: Uint8Array): Uint8Array {
  const old = openModel(model);
  const sg = mainSubgraph(old);
  const { parts, flag } = findOutputs(sg);
  const nTensors = sg.vector(SubGraphField.tensors).length;
  const nBuffers = old.vector(ModelField.buffers).length;
  const nOpcodes = old.vector(ModelField.operatorCodes).length;
  const concatSize = partOffsets().at(-1)! + 2;

  const g = new GraftBuilder(model);
  const b = g.b;
  const buffer = (data: Uint8Array): Offset => {
    const v = rawVector(b, data, 16);
    b.startObject(1);
    b.addFieldOffset(BufferField.data, v, 0);
    return b.endObject();
  };
  const weights = irisZWeights();
  const newBuffers = [
    buffer(new Uint8Array(weights.buffer)),
    buffer(new Uint8Array(Int32Array.from(gatherIndices()).buffer)),
  ];
  const tensor = (shape: number[], type: number, buf: number, name: string): Offset => {
    const n = b.createString(name);
    const s = int32Vector(b, shape);
    b.startObject(4);
    b.addFieldOffset(TensorField.shape, s, 0);
    b.addFieldInt8(TensorField.type, type, 0);
    b.addFieldInt32(TensorField.buffer, buf, 0);
    b.addFieldOffset(TensorField.name, n, 0);
    return b.endObject();
  };
  const [tW, tZ, tCat, tIdx, tOut] = [0, 1, 2, 3, 4].map((k) => nTensors + k) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const { FLOAT32, INT32 } = TensorType;
  const newTensors = [
    tensor([2, MESH_POINTS * 3], FLOAT32, nBuffers, 'refine_iris_z_weights'),
    tensor([1, 1, 1, 2], FLOAT32, 0, 'refine_iris_z'),
    tensor([1, 1, 1, concatSize], FLOAT32, 0, 'refine_concat'),
    tensor([REFINED_FLOATS], INT32, nBuffers + 1, 'refine_gather_indices'),
    tensor([1, 1, 1, REFINED_FLOATS], FLOAT32, 0, 'landmarks_478_refined'),
  ];
  const opcode = (code: number): Offset => {
    b.startObject(4);
    b.addFieldInt8(OperatorCodeField.deprecatedBuiltinCode, code, 0);
    b.addFieldInt32(OperatorCodeField.version, 1, 1);
    b.addFieldInt32(OperatorCodeField.builtinCode, code, 0);
    return b.endObject();
  };
  const { FULLY_CONNECTED, CONCATENATION, GATHER } = BuiltinOperator;
  const newOpcodes = [FULLY_CONNECTED, CONCATENATION, GATHER].map(opcode);
  // Options: FullyConnected{keep_num_dims}, Concatenation{axis 3}, Gather{axis 3}.
  b.startObject(3);
  b.addFieldInt8(2, 1, 0);
  const fcOptions = b.endObject();
  const axis3 = (): Offset => {
    b.startObject(2);
    b.addFieldInt32(0, 3, 0);
    return b.endObject();
  };
  const catOptions = axis3();
  const gatherOptions = axis3();
  const operator = (opc: number, ins: number[], outs: number[], type: number, opt: Offset) => {
    const iv = int32Vector(b, ins);
    const ov = int32Vector(b, outs);
    b.startObject(5);
    b.addFieldInt32(OperatorField.opcodeIndex, opc, 0);
    b.addFieldOffset(OperatorField.inputs, iv, 0);
    b.addFieldOffset(OperatorField.outputs, ov, 0);
    b.addFieldInt8(OperatorField.builtinOptionsType, type, 0);
    b.addFieldOffset(OperatorField.builtinOptions, opt, 0);
    return b.endObject();
  };
  const mesh = parts[0]!;
  const { FullyConnectedOptions, ConcatenationOptions, GatherOptions } = BuiltinOptions;
  const newOps = [
    operator(nOpcodes, [mesh, tW, -1], [tZ], FullyConnectedOptions, fcOptions),
    operator(nOpcodes + 1, [...parts, tZ], [tCat], ConcatenationOptions, catOptions),
    operator(nOpcodes + 2, [tCat, tIdx], [tOut], GatherOptions, gatherOptions),
  ];
  const refs = (t: FbTable, field: number): Offset[] =>
    t.tablePositions(field).map((p) => g.ref(p));
  const newSg = writeSubGraph(g, sg, {
    [SubGraphField.tensors]: offsetVector(b, [...refs(sg, SubGraphField.tensors), ...newTensors]),
    [SubGraphField.outputs]: int32Vector(b, [tOut, flag]),
    [SubGraphField.operators]: offsetVector(b, [...refs(sg, SubGraphField.operators), ...newOps]),
  });
  const otherSubgraphs = refs(old, ModelField.subgraphs).slice(1);
  const root = writeModel(g, old, {
    [ModelField.operatorCodes]: offsetVector(b, [
      ...refs(old, ModelField.operatorCodes),
      ...newOpcodes,
    ]),
    [ModelField.subgraphs]: offsetVector(b, [newSg, ...otherSubgraphs]),
    [ModelField.buffers]: offsetVector(b, [...refs(old, ModelField.buffers), ...newBuffers]),
  });
  return finishBytes(b, root, 'TFL3');
}
