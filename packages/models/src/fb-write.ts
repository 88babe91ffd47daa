import { Builder, type Offset } from 'flatbuffers';

/**
 * Alignment of the grafted old buffer inside the new one. TFLite aligns tensor data to 16 bytes
 * relative to the file start; 64 keeps that (and any SIMD-friendly layout) intact.
 */
const GRAFT_ALIGN = 64;

/** Writes a ubyte vector whose first element is `align`-aligned; returns its offset. */
export function rawVector(b: Builder, data: Uint8Array, align = 16): Offset {
  b.startVector(1, data.length, align);
  b.pad(data.length); // reserves the bytes (zeroed); filled just below
  const head = b.dataBuffer().capacity() - b.offset();
  b.dataBuffer().bytes().set(data, head);
  return b.endVector();
}

/** Writes a vector of int32 values. */
export function int32Vector(b: Builder, values: readonly number[]): Offset {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]!);
  return b.endVector();
}

/** Writes a vector of float32 values. */
export function float32Vector(b: Builder, values: readonly number[]): Offset {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]!);
  return b.endVector();
}

/** Writes a vector of table offsets. */
export function offsetVector(b: Builder, offsets: readonly Offset[]): Offset {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]!);
  return b.endVector();
}

/** Finishes `b` with `root` and a file identifier; returns a copy of the finished bytes. */
export function finishBytes(b: Builder, root: Offset, identifier: string): Uint8Array {
  b.finish(root, identifier);
  return b.asUint8Array().slice();
}

/**
 * A flatbuffers `Builder` whose tail is an existing flatbuffer, copied verbatim. Flatbuffer
 * offsets only point forward, so new tables written in front of it (a new root, extended vectors)
 * can reference the old objects by offset while every old object stays valid and unchanged.
 */
export class GraftBuilder {
  /** The underlying builder; new objects are written with its ordinary API. */
  readonly b: Builder;
  /** Builder offset (counted from the buffer end) of the old buffer's byte 0. */
  private readonly base: number;

  /** @param old a finished flatbuffer to keep as the tail of the new one. */
  constructor(old: Uint8Array) {
    this.b = new Builder(old.length + (1 << 16));
    this.base = rawVector(this.b, old, GRAFT_ALIGN) - 4;
  }

  /** Builder offset of the old object at absolute position `pos`, for `addFieldOffset` etc. */
  ref(pos: number): Offset {
    if (pos <= 0) throw new Error(`graft: invalid old position ${pos}`);
    return this.base - pos;
  }
}
