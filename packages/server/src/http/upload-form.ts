import { UPLOAD_FIELDS, type UploadMetadata, UploadMetadataSchema } from '@fittingroom/protocol';
import type { FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { HttpError } from '../errors.js';
import { describeIssues } from './errors.js';

/** The two parts of `POST /v1/uploads`, read into memory and checked. */
export interface UploadForm {
  readonly metadata: UploadMetadata;
  readonly image: Uint8Array;
}

const MAX_METADATA_BYTES = 16 * 1024;

function invalidMetadata(message: string): HttpError {
  return new HttpError(400, 'invalid_metadata', message);
}

function parseMetadata(value: unknown): UploadMetadata {
  let json = value;
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value);
    } catch {
      throw invalidMetadata('The metadata part is not valid JSON.');
    }
  }
  const parsed = v.safeParse(UploadMetadataSchema, json);
  if (!parsed.success) throw invalidMetadata(describeIssues('metadata', parsed.issues));
  return parsed.output;
}

/** Multipart-plugin and parser errors: the size limit is 413, the rest is a malformed body. */
function formError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new HttpError(413, 'payload_too_large', 'The image is larger than this server accepts.');
  }
  if (code === 'FST_INVALID_JSON_FIELD_ERROR')
    return invalidMetadata('The metadata part is not valid JSON.');
  return new HttpError(
    400,
    'invalid_request',
    'The multipart body is malformed, truncated or has unexpected parts.',
  );
}

/**
 * Reads the `metadata` (a field or a JSON file part) and `image` parts. The image is kept in
 * memory only, with `maxImageBytes` enforced while it streams in: an oversized or cut-off body
 * fails before anything is stored, and no plaintext image ever touches the disk.
 */
export async function readUploadForm(
  request: FastifyRequest,
  maxImageBytes: number,
): Promise<UploadForm> {
  if (!request.isMultipart()) {
    throw new HttpError(
      400,
      'invalid_request',
      'Send multipart/form-data with "metadata" and "image" parts.',
    );
  }
  let metadataValue: unknown;
  let image: Uint8Array | undefined;
  try {
    const parts = request.parts({
      limits: {
        fileSize: maxImageBytes,
        files: 2,
        fields: 2,
        parts: 2,
        fieldSize: MAX_METADATA_BYTES,
        headerPairs: 20,
      },
    });
    for await (const part of parts) {
      if (part.fieldname === UPLOAD_FIELDS.image && part.type === 'file' && image === undefined) {
        image = new Uint8Array(await part.toBuffer());
      } else if (part.fieldname === UPLOAD_FIELDS.metadata && metadataValue === undefined) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (bytes.length > MAX_METADATA_BYTES)
            throw invalidMetadata('The metadata part is too large.');
          metadataValue = bytes.toString('utf8');
        } else {
          if (part.valueTruncated) throw invalidMetadata('The metadata part is too large.');
          metadataValue = part.value;
        }
      } else {
        throw new HttpError(400, 'invalid_request', `Unexpected part "${part.fieldname}".`);
      }
    }
  } catch (error) {
    throw formError(error);
  }
  if (metadataValue === undefined) throw invalidMetadata('The "metadata" part is missing.');
  const metadata = parseMetadata(metadataValue);
  if (image === undefined || image.byteLength === 0) {
    throw new HttpError(400, 'invalid_request', 'The "image" file part is missing or empty.');
  }
  return { metadata, image };
}
