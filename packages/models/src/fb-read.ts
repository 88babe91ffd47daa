import { ByteBuffer } from 'flatbuffers';

/**
 * Read-only view of one flatbuffer table at an absolute byte position. Hand-written because no
 * `flatc` code generation is available; it knows field indices, not schemas.
 */
export class FbTable {
  /** Opens the root table of a finished flatbuffer. */
  static root(bytes: Uint8Array): FbTable {
    const bb = new ByteBuffer(bytes);
    return new FbTable(bb, bb.readUint32(0));
  }

  /** @param bb buffer holding the table; @param pos absolute position of the table. */
  constructor(
    readonly bb: ByteBuffer,
    readonly pos: number,
  ) {}

  /** Number of field slots in this table's vtable (fields beyond it are absent). */
  get fieldCount(): number {
    const vtable = this.pos - this.bb.readInt32(this.pos);
    return (this.bb.readUint16(vtable) - 4) / 2;
  }

  /** Absolute position of field `index`'s inline data, or 0 when the field is absent. */
  fieldPos(index: number): number {
    const rel = this.bb.__offset(this.pos, 4 + 2 * index);
    return rel === 0 ? 0 : this.pos + rel;
  }

  /** Absolute position of the object an offset field points to, or 0 when absent. */
  target(index: number): number {
    const p = this.fieldPos(index);
    return p === 0 ? 0 : this.bb.__indirect(p);
  }

  /** Reads a uint8 field (also used for union type tags). */
  uint8(index: number, fallback = 0): number {
    const p = this.fieldPos(index);
    return p === 0 ? fallback : this.bb.readUint8(p);
  }

  /** Reads an int8 field. */
  int8(index: number, fallback = 0): number {
    const p = this.fieldPos(index);
    return p === 0 ? fallback : this.bb.readInt8(p);
  }

  /** Reads a uint32 field. */
  uint32(index: number, fallback = 0): number {
    const p = this.fieldPos(index);
    return p === 0 ? fallback : this.bb.readUint32(p);
  }

  /** Reads an int32 field. */
  int32(index: number, fallback = 0): number {
    const p = this.fieldPos(index);
    return p === 0 ? fallback : this.bb.readInt32(p);
  }

  /** Reads a string field, or null when absent. */
  string(index: number): string | null {
    const p = this.fieldPos(index);
    if (p === 0) return null;
    const s = this.bb.__string(p);
    return typeof s === 'string' ? s : new TextDecoder().decode(s);
  }

  /** Reads a sub-table field, or null when absent. */
  table(index: number): FbTable | null {
    const t = this.target(index);
    return t === 0 ? null : new FbTable(this.bb, t);
  }

  /** Position of a vector field's first element and its length (empty when absent). */
  vector(index: number): { start: number; length: number } {
    const p = this.fieldPos(index);
    if (p === 0) return { start: 0, length: 0 };
    return { start: this.bb.__vector(p), length: this.bb.__vector_len(p) };
  }

  /** Absolute positions of the tables in a vector-of-tables field. */
  tablePositions(index: number): number[] {
    const { start, length } = this.vector(index);
    return Array.from({ length }, (_, k) => this.bb.__indirect(start + 4 * k));
  }

  /** Tables of a vector-of-tables field. */
  tables(index: number): FbTable[] {
    return this.tablePositions(index).map((p) => new FbTable(this.bb, p));
  }

  /** Elements of an int32 vector field. */
  int32s(index: number): number[] {
    const { start, length } = this.vector(index);
    return Array.from({ length }, (_, k) => this.bb.readInt32(start + 4 * k));
  }

  /** Elements of a float32 vector field. */
  float32s(index: number): number[] {
    const { start, length } = this.vector(index);
    return Array.from({ length }, (_, k) => this.bb.readFloat32(start + 4 * k));
  }

  /** A ubyte vector field as a view into the buffer (no copy), or null when absent. */
  bytes(index: number): Uint8Array | null {
    const p = this.fieldPos(index);
    if (p === 0) return null;
    const { start, length } = this.vector(index);
    return this.bb.bytes().subarray(start, start + length);
  }
}

/** The 4-character file identifier of a flatbuffer (bytes 4..8). */
export function fileIdentifier(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes.subarray(4, 8));
}
