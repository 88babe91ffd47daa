/**
 * Reusable buffers for upload bodies. A fresh 200 KB buffer per upload is memory the process
 * has to fault in and V8 counts as external memory, which triggered a full GC every ~50 uploads
 * (measured); reusing a few buffers avoids both. A buffer is zeroed when given back, so no
 * plaintext image stays in a pooled buffer after its request.
 */
export interface BufferPool {
  /** A buffer of at least `size` bytes (its contents are unspecified). */
  take(size: number): Buffer;
  /** Gives `buffer` back once nothing reads it any more; its first `used` bytes are zeroed. */
  give(buffer: Buffer, used: number): void;
}

/** Limits of {@link createBufferPool}. */
export interface BufferPoolLimits {
  /** Smallest capacity handed out (sizes are rounded up to a power of two from here). */
  readonly minBytes: number;
  /** Bigger buffers are allocated and dropped as usual, never kept. */
  readonly maxBytes: number;
  /** Free buffers kept at most, in bytes. */
  readonly keptBytes: number;
}

/** A pool of buffers in power-of-two sizes. */
export function createBufferPool(limits: BufferPoolLimits): BufferPool {
  const free: Buffer[] = [];
  let kept = 0;
  return {
    take(size) {
      for (let i = free.length - 1; i >= 0; i -= 1) {
        const buffer = free[i];
        if (buffer && buffer.length >= size) {
          free.splice(i, 1);
          kept -= buffer.length;
          return buffer;
        }
      }
      let capacity = limits.minBytes;
      while (capacity < size) capacity *= 2;
      return Buffer.allocUnsafeSlow(capacity > limits.maxBytes ? size : capacity);
    },
    give(buffer, used) {
      buffer.fill(0, 0, Math.min(used, buffer.length));
      if (buffer.length > limits.maxBytes || kept + buffer.length > limits.keptBytes) return;
      free.push(buffer);
      kept += buffer.length;
    },
  };
}
