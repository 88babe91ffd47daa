import * as v from 'valibot';

/** Stable error codes of the ingest API; clients branch on these, never on messages. */
export const ERROR_CODES = [
  'invalid_request',
  'invalid_metadata',
  'invalid_key',
  'origin_not_allowed',
  'invalid_token',
  'forbidden',
  'consent_missing',
  'consent_withdrawn',
  'consent_scope',
  'consent_version',
  'unsupported_media_type',
  'image_undecodable',
  'payload_too_large',
  'image_too_large',
  'idempotency_conflict',
  'rate_limited',
  'not_found',
  'request_timeout',
  'server_busy',
  'internal',
] as const;

/** One stable API error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every error answer: `{ "error": { "code": …, "message": … } }`. */
export const ApiErrorSchema = v.object({
  error: v.object({ code: v.picklist(ERROR_CODES), message: v.string() }),
});

/** An error body as sent by the server. */
export type ApiError = v.InferOutput<typeof ApiErrorSchema>;
