import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../src/errors.js';
import { createBufferPool } from '../src/http/body-pool.js';
import { readBody } from '../src/http/upload-form.js';

/** A request stand-in: a stream with headers and Node's `complete` flag. */
function request(headers: Record<string, string>): {
  raw: IncomingMessage;
  send(...chunks: string[]): void;
  end(): void;
  cut(): void;
} {
  const stream = new PassThrough();
  const raw = Object.assign(stream, { headers, complete: false }) as unknown as IncomingMessage;
  return {
    raw,
    send: (...chunks) => {
      for (const chunk of chunks) stream.write(Buffer.from(chunk));
    },
    end: () => {
      Object.assign(raw, { complete: true });
      stream.end();
    },
    cut: () => stream.destroy(),
  };
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 0;
  } catch (error) {
    return error instanceof HttpError ? error.status : -1;
  }
}

describe('readBody', () => {
  it('reads a body of declared length, and one without, whole', async () => {
    const cases: Record<string, string>[] = [{ 'content-length': '11' }, {}];
    for (const headers of cases) {
      const req = request(headers);
      const body = readBody(req.raw, 100);
      req.send('hello', ' ', 'world');
      req.end();
      const { bytes, release } = await body;
      expect(bytes.toString()).toBe('hello world');
      release();
    }
  });

  it('refuses a body over the limit by its declared length or as it streams (413)', async () => {
    expect(await statusOf(readBody(request({ 'content-length': '101' }).raw, 100))).toBe(413);
    const req = request({});
    const body = readBody(req.raw, 10);
    req.send('0123456789', 'x');
    expect(await statusOf(body)).toBe(413);
  });

  it('refuses a body cut off midway (400)', async () => {
    const req = request({ 'content-length': '20' });
    const body = readBody(req.raw, 100);
    req.send('half');
    req.cut();
    expect(await statusOf(body)).toBe(400);
  });
});

describe('buffer pool', () => {
  it('reuses given-back buffers, zeroed, and keeps no more than allowed', () => {
    const pool = createBufferPool({ minBytes: 16, maxBytes: 64, keptBytes: 64 });
    const first = pool.take(20);
    expect(first.length).toBe(32);
    first.fill(7);
    pool.give(first, 20);
    const again = pool.take(30);
    expect(again).toBe(first);
    expect([...again.subarray(0, 20)].every((b) => b === 0)).toBe(true);
    const big = pool.take(100);
    expect(big.length).toBe(100); // over maxBytes: exact size, never kept
    big.fill(1);
    pool.give(big, 100);
    expect([...big].every((b) => b === 0)).toBe(true);
    expect(pool.take(100)).not.toBe(big);
  });
});
