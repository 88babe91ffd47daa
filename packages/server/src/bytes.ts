/**
 * A plain `Uint8Array` over a Buffer's bytes, without copying them: `new Uint8Array(buffer)` is
 * the typed-array copy constructor and would duplicate a 200 KB image.
 */
export function viewOf(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
