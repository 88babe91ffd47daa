import {
  API,
  ApiErrorSchema,
  type ConsentAck,
  ConsentAckSchema,
  type ConsentSubmission,
  IDEMPOTENCY_KEY_HEADER,
  type KeyInfo,
  KeyInfoSchema,
  PUBLISHABLE_KEY_HEADER,
  type SubjectExport,
  SubjectExportSchema,
  UPLOAD_FIELDS,
  type UploadMetadata,
  type UploadResult,
  UploadResultSchema,
} from '@fittingroom/protocol';
import * as v from 'valibot';
import { UploadError } from './errors.js';
import { failureOfStatus } from './retry-policy.js';
import type {
  TransferProgress,
  Transport,
  TransportRequest,
  TransportResponse,
} from './transport.js';

/** What every API call needs. */
export interface ApiContext {
  /** Validated endpoint without a trailing slash. */
  readonly endpoint: string;
  readonly publishableKey: string;
  readonly transport: Transport;
}

/** Per-call hooks. */
export interface CallOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: ((progress: TransferProgress) => void) | undefined;
}

/** `POST /v1/consents`: registers a grant or records a withdrawal. */
export async function postConsent(
  ctx: ApiContext,
  submission: ConsentSubmission,
  token: string | null,
  options: CallOptions = {},
): Promise<ConsentAck> {
  const response = await call(
    ctx,
    {
      method: 'POST',
      path: API.consents,
      token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(submission),
    },
    options,
  );
  return parseBody(ConsentAckSchema, response, 'consent acknowledgement');
}

/** `GET /v1/key`: the mode the server configured the publishable key with. */
export async function getKeyInfo(ctx: ApiContext, options: CallOptions = {}): Promise<KeyInfo> {
  const response = await call(ctx, { method: 'GET', path: API.key, token: null }, options);
  return parseBody(KeyInfoSchema, response, 'key info');
}

/** The parts of one `POST /v1/uploads`. */
export interface UploadParts {
  readonly metadata: UploadMetadata;
  readonly image: Blob;
  readonly idempotencyKey: string;
  readonly token: string | null;
}

/** `POST /v1/uploads` (multipart: `metadata` JSON first, so the server can check it before the image). */
export async function postUpload(
  ctx: ApiContext,
  parts: UploadParts,
  options: CallOptions = {},
): Promise<UploadResult> {
  const form = new FormData();
  form.append(UPLOAD_FIELDS.metadata, JSON.stringify(parts.metadata));
  form.append(
    UPLOAD_FIELDS.image,
    parts.image,
    `capture.${parts.image.type.split('/')[1] ?? 'bin'}`,
  );
  const response = await call(
    ctx,
    {
      method: 'POST',
      path: API.uploads,
      token: parts.token,
      headers: { [IDEMPOTENCY_KEY_HEADER]: parts.idempotencyKey },
      body: form,
    },
    options,
  );
  return parseBody(UploadResultSchema, response, 'upload result');
}

/** `DELETE /v1/subjects/me`: erases everything the server holds about the subject. */
export async function deleteSubject(
  ctx: ApiContext,
  token: string,
  options: CallOptions = {},
): Promise<void> {
  await call(ctx, { method: 'DELETE', path: API.subject, token }, options);
}

/** `GET /v1/subjects/me/export`: the shopper's copy of their data. */
export async function getExport(
  ctx: ApiContext,
  token: string,
  options: CallOptions = {},
): Promise<SubjectExport> {
  const response = await call(ctx, { method: 'GET', path: API.subjectExport, token }, options);
  return parseBody(SubjectExportSchema, response, 'subject export');
}

/**
 * Fetches one exported image. `imageUrl` is relative to the server origin; an absolute URL on
 * any other origin is refused so the bearer token never leaves the ingest server.
 */
export async function getExportImage(
  ctx: ApiContext,
  token: string,
  imageUrl: string,
  options: CallOptions = {},
): Promise<Blob> {
  const origin = new URL(ctx.endpoint).origin;
  const url = new URL(imageUrl, origin);
  if (url.origin !== origin) {
    throw new UploadError('invalid_response', 'export image link points to another origin');
  }
  const response = await ctx.transport.send(
    { method: 'GET', url: url.href, headers: authHeaders(ctx, token) },
    options,
  );
  ensureOk(response);
  return new Blob([response.body], { type: response.headers['content-type'] ?? '' });
}

interface CallSpec {
  readonly method: TransportRequest['method'];
  readonly path: string;
  readonly token: string | null;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: FormData | string | undefined;
}

/** Sends one API request and turns a non-2xx answer into a typed error. */
async function call(ctx: ApiContext, spec: CallSpec, options: CallOptions) {
  const request: TransportRequest = {
    method: spec.method,
    url: ctx.endpoint + spec.path,
    headers: { ...authHeaders(ctx, spec.token), ...spec.headers },
    body: spec.body,
  };
  const response = await ctx.transport.send(request, options);
  ensureOk(response);
  return response;
}

function authHeaders(ctx: ApiContext, token: string | null): Record<string, string> {
  const headers: Record<string, string> = { [PUBLISHABLE_KEY_HEADER]: ctx.publishableKey };
  if (token) headers.authorization = `Bearer ${token}`;
  return headers;
}

/** Throws the typed error for a non-2xx answer, classified once by {@link failureOfStatus}. */
export function ensureOk(response: TransportResponse): void {
  if (response.status >= 200 && response.status < 300) return;
  const api = v.safeParse(ApiErrorSchema, decodeJson(response.body));
  const apiError = api.success ? api.output.error : undefined;
  const code = failureOfStatus(response.status);
  const details = {
    status: response.status,
    apiCode: apiError?.code,
    retryAfter: response.headers['retry-after'] || undefined,
  };
  throw new UploadError(code, apiError?.message ?? `server answered ${response.status}`, details);
}

/** Validates a 2xx body; a malformed one is an `invalid_response` error, never a crash. */
export function parseBody<TSchema extends v.GenericSchema>(
  schema: TSchema,
  response: TransportResponse,
  what: string,
): v.InferOutput<TSchema> {
  const parsed = v.safeParse(schema, decodeJson(response.body));
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  throw new UploadError('invalid_response', `malformed ${what}: ${issue?.message ?? 'invalid'}`, {
    status: response.status,
  });
}

function decodeJson(body: ArrayBuffer): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
}
