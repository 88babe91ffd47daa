import type { IncomingMessage } from 'node:http';
import { UPLOAD_FIELDS, type UploadMetadata, UploadMetadataSchema } from '@fittingroom/protocol';
import type { FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { viewOf } from '../bytes.js';
import { HttpError } from '../errors.js';
import { createBufferPool } from './body-pool.js';
import { describeIssues } from './errors.js';
import { type BodyDeadline, bodyDeadline, bodyTimeout } from './limits.js';
import { boundaryOf, parseMultipart } from './multipart.js';

/** The two parts of `POST /v1/uploads`, read into memory and checked. */
export interface UploadForm {
  readonly metadata: UploadMetadata;
  /** A view into the pooled body: valid until {@link UploadForm.release}. */
  readonly image: Uint8Array;
  /** Gives the body buffer back (zeroed); the image must not be used afterwards. */
  release(): void;
}

const MAX_METADATA_BYTES = 16 * 1024;
/** Room for boundaries and part headers on top of the two parts' own limits. */
const FRAMING_BYTES = 16 * 1024;
const LIMITS = { parts: 2, headersPerPart: 20, headerBytes: 8 * 1024 } as const;

function invalidMetadata(message: string): HttpError {
  return new HttpError(400, 'invalid_metadata', message);
}

function tooLarge(): HttpError {
  return new HttpError(413, 'payload_too_large', 'The image is larger than this server accepts.');
}

function malformed(): HttpError {
  return new HttpError(
    400,
    'invalid_request',
    'The multipart body is malformed, truncated or has unexpected parts.',
  );
}

function parseMetadata(text: string): UploadMetadata {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalidMetadata('The metadata part is not valid JSON.');
  }
  const parsed = v.safeParse(UploadMetadataSchema, json);
  if (!parsed.success) throw invalidMetadata(describeIssues('metadata', parsed.issues));
  return parsed.output;
}

/** Upload bodies, reused (see body-pool.ts): one buffer per upload in flight, most ~256 KB. */
const bodies = createBufferPool({
  minBytes: 64 * 1024,
  maxBytes: 4 * 1024 * 1024,
  keptBytes: 16 * 1024 * 1024,
});

/** A request body read into a pooled buffer; `release` gives the buffer back. */
export interface PooledBody {
  readonly bytes: Buffer;
  release(): void;
}

/**
 * Reads the whole body, refusing it (413) as soon as it passes `limit` — by its declared length
 * before reading anything, else while it streams in. A body cut off midway is a 400. With a
 * declared length each chunk is copied into place as it arrives; otherwise they are joined at
 * the end.
 */
export function readBody(
  raw: IncomingMessage,
  limit: number,
  deadline?: BodyDeadline,
): Promise<PooledBody> {
  const declared = Number(raw.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge());
  if (deadline?.cut) return Promise.reject(bodyTimeout());
  return new Promise((resolve, reject) => {
    let buffer = Number.isInteger(declared) && declared > 0 ? bodies.take(declared) : null;
    let filled = 0; // bytes copied into `buffer`
    const chunks: Buffer[] = []; // what did not fit there, joined at the end
    let size = 0;
    const stop = (error: HttpError | null): void => {
      raw.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (deadline) deadline.onCut = null;
      if (error) {
        if (buffer) bodies.give(buffer, filled);
        reject(error);
        return;
      }
      if (!buffer || chunks.length > 0) {
        const joined = bodies.take(size);
        if (buffer) {
          buffer.copy(joined, 0, 0, filled);
          bodies.give(buffer, filled);
        }
        let at = filled;
        for (const chunk of chunks) at += chunk.copy(joined, at);
        buffer = joined;
      }
      const taken = buffer;
      resolve({ bytes: taken.subarray(0, size), release: () => bodies.give(taken, size) });
    };
    // Past the limit the rest flows on unread (no listener takes it) while the 413 is sent.
    const onData = (chunk: Buffer): void => {
      if (size + chunk.length > limit) {
        stop(tooLarge());
        return;
      }
      size += chunk.length;
      if (buffer && chunks.length === 0 && filled + chunk.length <= buffer.length) {
        filled += chunk.copy(buffer, filled);
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = (): void => stop(null);
    const onError = (): void => stop(malformed());
    const onClose = (): void => {
      if (!raw.complete) stop(malformed()); // the client went away mid-body
    };
    const onDeadline = (): void => stop(bodyTimeout()); // too slow (http/limits.ts)
    raw.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
    if (deadline) deadline.onCut = onDeadline;
  });
}

/** The metadata and image of a multipart body; throws {@link HttpError}. */
function splitForm(
  body: Buffer,
  boundary: string,
  maxImageBytes: number,
): { metadata: UploadMetadata; image: Buffer } {
  const parsed = parseMultipart(body, boundary, LIMITS);
  if (!parsed.ok) throw malformed();
  let metadataText: string | undefined;
  let image: Buffer | undefined;
  for (const part of parsed.parts) {
    if (part.name === UPLOAD_FIELDS.image && part.filename !== undefined && image === undefined) {
      if (part.data.length > maxImageBytes) throw tooLarge();
      image = part.data;
    } else if (part.name === UPLOAD_FIELDS.metadata && metadataText === undefined) {
      if (part.data.length > MAX_METADATA_BYTES)
        throw invalidMetadata('The metadata part is too large.');
      metadataText = part.data.toString('utf8'); // a copy: it outlives the pooled body
    } else {
      throw new HttpError(400, 'invalid_request', `Unexpected part "${part.name}".`);
    }
  }
  if (metadataText === undefined) throw invalidMetadata('The "metadata" part is missing.');
  const metadata = parseMetadata(metadataText);
  if (image === undefined || image.length === 0) {
    throw new HttpError(400, 'invalid_request', 'The "image" file part is missing or empty.');
  }
  return { metadata, image };
}

/**
 * Reads the `metadata` (a field or a JSON file part) and `image` (a file part) parts. The body
 * is kept in memory only, with its size limit enforced while it streams in: an oversized or
 * cut-off body fails before anything is stored, and no plaintext image ever touches the disk.
 * The image is a view into a pooled body buffer: call `release` once done with it (the buffer
 * is zeroed and reused), and keep no reference to the image after that.
 */
export async function readUploadForm(
  request: FastifyRequest,
  maxImageBytes: number,
): Promise<UploadForm> {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    throw new HttpError(
      400,
      'invalid_request',
      'Send multipart/form-data with "metadata" and "image" parts.',
    );
  }
  const boundary = boundaryOf(contentType);
  if (boundary === null) throw malformed();
  const body = await readBody(
    request.raw,
    maxImageBytes + MAX_METADATA_BYTES + FRAMING_BYTES,
    bodyDeadline(request),
  );
  try {
    const { metadata, image } = splitForm(body.bytes, boundary, maxImageBytes);
    return { metadata, image: viewOf(image), release: body.release };
  } catch (error) {
    body.release();
    throw error;
  }
}
