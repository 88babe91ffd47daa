import type { ApiError, ErrorCode } from '@fittingroom/protocol';

/** An error answer: HTTP status, stable code and a message for humans (no internals). */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** The JSON body of an error answer. */
export function errorBody(code: ErrorCode, message: string): ApiError {
  return { error: { code, message } };
}
