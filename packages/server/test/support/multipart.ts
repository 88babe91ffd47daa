import { randomBytes } from 'node:crypto';

/** One part of a hand-built multipart body. */
export interface Part {
  readonly name: string;
  readonly data: Uint8Array | string;
  readonly filename?: string;
  readonly contentType?: string;
}

/** Builds a `multipart/form-data` body byte by byte (so tests can also break it on purpose). */
export function multipart(parts: readonly Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----frtest${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) head += `; filename="${part.filename}"`;
    head += '\r\n';
    if (part.contentType !== undefined) head += `Content-Type: ${part.contentType}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`), Buffer.from(part.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
