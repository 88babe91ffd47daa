import type { ErrorCode } from '@fittingroom/protocol';
import { ERROR_CODES, type ErrorCodeOf } from '../error-codes.js';
import { FittingRoomError } from '../errors.js';

/**
 * Stable reasons an upload, export or erasure did not succeed (the `upload` row of
 * `ERROR_CODES`). Callers branch on these, never on messages.
 */
export const UPLOAD_ERROR_CODES = ERROR_CODES.upload;

/** One stable upload error code. */
export type UploadErrorCode = ErrorCodeOf<'upload'>;

/** Extra facts attached to an {@link UploadError}. */
export interface UploadErrorDetails {
  /** HTTP status of the answer that caused the error, when there was one. */
  readonly status?: number;
  /** Stable API code from the server's `ApiError` body, when it sent a valid one. */
  readonly apiCode?: ErrorCode | undefined;
  /** Raw `Retry-After` header of the answer, kept for the retry policy. */
  readonly retryAfter?: string | undefined;
  /** Input or option field at fault (for `invalid_input`). */
  readonly field?: string;
  /** Underlying error, if any. */
  readonly cause?: unknown;
}

/** Typed error of the upload client (a {@link FittingRoomError} with an upload code). */
export class UploadError extends FittingRoomError {
  override readonly name = 'UploadError';
  /** Stable reason; see {@link UPLOAD_ERROR_CODES}. */
  override readonly code: UploadErrorCode;
  /** HTTP status, if the error came from an answer. */
  readonly status: number | undefined;
  /** Server's stable `ApiError` code, if it sent one. */
  readonly apiCode: ErrorCode | undefined;
  /** Server's `Retry-After` header, if any. */
  readonly retryAfter: string | undefined;
  /** Input field at fault, if any. */
  readonly field: string | undefined;

  constructor(code: UploadErrorCode, message: string, details: UploadErrorDetails = {}) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.status = details.status;
    this.apiCode = details.apiCode;
    this.retryAfter = details.retryAfter;
    this.field = details.field;
  }
}

/** True when `value` is an {@link UploadError} (optionally with `code`). */
export function isUploadError(value: unknown, code?: UploadErrorCode): value is UploadError {
  return value instanceof UploadError && (code === undefined || value.code === code);
}

/** Wraps anything thrown into an {@link UploadError}, keeping typed ones as they are. */
export function toUploadError(value: unknown, fallback: UploadErrorCode = 'storage'): UploadError {
  if (value instanceof UploadError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new UploadError(fallback, message, { cause: value });
}
