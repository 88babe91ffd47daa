import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  API,
  ConsentSubmissionSchema,
  type ErrorCode,
  IDEMPOTENCY_KEY_HEADER,
  PUBLISHABLE_KEY_HEADER,
  type SubjectExport,
  type UploadMetadata,
  UploadMetadataSchema,
  type UploadResult,
} from '@fittingroom/protocol';
import * as v from 'valibot';

/** Scripted misbehaviour for the next request to a route. */
export type Fault =
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body?: unknown }
  /** Reads the start of the body, then drops the connection: the upload never arrives. */
  | 'drop-mid-body'
  /** Stores the upload, then drops the connection before answering: the answer is lost. */
  | 'drop-after-store'
  /** Answers 2xx with a body that does not match the protocol. */
  | 'malformed'
  /** Reads the whole request and never answers (until the client gives up or aborts). */
  | 'hang';

/** One request as the server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly idempotencyKey: string | undefined;
  readonly publishableKey: string | undefined;
  readonly cookie: string | undefined;
  readonly body: unknown;
}

interface StoredUpload {
  readonly result: UploadResult;
  readonly subjectId: string;
  readonly metadata: UploadMetadata;
  readonly image: Uint8Array;
  readonly contentType: string;
  readonly storedAt: string;
}

/** A tiny in-memory stand-in for the ingest server, on 127.0.0.1 with a random port. */
export interface IngestServer {
  readonly endpoint: string;
  readonly requests: SeenRequest[];
  /** Uploads stored, by idempotency key. */
  readonly uploads: Map<string, StoredUpload>;
  /** Subject id by token. */
  readonly subjects: Map<string, string>;
  readonly consents: Map<string, { subjectId: string; status: 'active' | 'withdrawn' }>;
  /** Faults consumed in order by the next requests to each route. */
  readonly faults: { consents: Fault[]; uploads: Fault[]; subject: Fault[] };
  /** Called when a request is being held by a `hang` fault. */
  hanging?: (req: IncomingMessage) => void;
  /** Requests to one route. */
  seen(method: string, path: string): SeenRequest[];
  close(): Promise<void>;
}

/** Starts the server. */
export async function startIngestServer(): Promise<IngestServer> {
  const state: Omit<IngestServer, 'endpoint' | 'seen' | 'close'> = {
    requests: [],
    uploads: new Map(),
    subjects: new Map(),
    consents: new Map(),
    faults: { consents: [], uploads: [], subject: [] },
  };
  const server = createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, apiError('internal', String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // Same object as `state`, so tests can set `hanging` and read the maps live.
  const extras: Pick<IngestServer, 'endpoint' | 'seen' | 'close'> = {
    endpoint: `http://127.0.0.1:${port}`,
    seen: (method, path) => state.requests.filter((r) => r.method === method && r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return Object.assign(state, extras);
}

type State = Omit<IngestServer, 'endpoint' | 'seen' | 'close'>;

async function handle(state: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const route = path === API.consents ? 'consents' : path === API.uploads ? 'uploads' : 'subject';
  const fault = req.method === 'GET' ? undefined : state.faults[route].shift();
  if (fault === 'drop-mid-body') {
    await firstChunk(req);
    log(state, req, path, '(dropped)');
    req.socket.destroy();
    return;
  }
  const raw = await readBody(req);
  const bearer = req.headers.authorization?.replace(/^Bearer /, '');
  log(
    state,
    req,
    path,
    req.headers['content-type']?.startsWith('application/json') ? json(raw) : '(binary)',
  );
  if (fault === 'hang') {
    state.hanging?.(req);
    return;
  }
  if (typeof fault === 'object') return send(res, fault.status, fault.body ?? {}, fault.headers);
  if (fault === 'malformed') return send(res, 201, { hello: 'world' });
  if (req.headers[PUBLISHABLE_KEY_HEADER] !== 'pk_test') {
    return send(res, 401, apiError('invalid_key', 'bad key'));
  }

  if (req.method === 'POST' && path === API.consents) return consents(state, raw, bearer, res);
  if (req.method === 'POST' && path === API.uploads) {
    const answer = await uploads(state, req, raw, bearer);
    if (fault === 'drop-after-store') {
      req.socket.destroy();
      return;
    }
    return send(res, answer.status, answer.body);
  }
  const subjectId = bearer ? state.subjects.get(bearer) : undefined;
  if (!subjectId) return send(res, 401, apiError('invalid_token', 'unknown subject'));
  if (req.method === 'DELETE' && path === API.subject) {
    for (const [key, upload] of state.uploads)
      if (upload.subjectId === subjectId) state.uploads.delete(key);
    for (const [id, c] of state.consents) if (c.subjectId === subjectId) state.consents.delete(id);
    state.subjects.delete(bearer ?? '');
    return send(res, 204, null);
  }
  if (req.method === 'GET' && path === API.subjectExport)
    return send(res, 200, exportOf(state, subjectId));
  const image = [...state.uploads.values()].find(
    (u) => u.subjectId === subjectId && API.uploadImage(u.result.uploadId) === path,
  );
  if (req.method === 'GET' && image) {
    res.writeHead(200, { 'content-type': image.contentType });
    res.end(image.image);
    return;
  }
  send(res, 404, apiError('not_found', 'no such route'));
}

function consents(state: State, raw: Buffer, bearer: string | undefined, res: ServerResponse) {
  const parsed = v.safeParse(ConsentSubmissionSchema, json(raw));
  if (!parsed.success) return send(res, 400, apiError('invalid_request', 'bad submission'));
  const submission = parsed.output;
  if (submission.kind === 'withdraw') {
    const consent = state.consents.get(submission.receiptId);
    if (!consent) return send(res, 404, apiError('not_found', 'unknown receipt'));
    consent.status = 'withdrawn';
    return send(res, 200, {
      receiptId: submission.receiptId,
      subjectId: consent.subjectId,
      status: 'withdrawn',
    });
  }
  let subjectId = bearer ? state.subjects.get(bearer) : undefined;
  let subjectToken: string | undefined;
  if (!subjectId) {
    subjectId = crypto.randomUUID();
    subjectToken = `tok_${crypto.randomUUID()}`;
    state.subjects.set(subjectToken, subjectId);
  }
  const receiptId = submission.receipt.consentReceiptID;
  const existing = state.consents.get(receiptId);
  if (!existing) state.consents.set(receiptId, { subjectId, status: 'active' });
  const status = existing?.status ?? 'active';
  return send(res, 201, {
    receiptId,
    subjectId,
    status,
    ...(subjectToken ? { subjectToken } : {}),
  });
}

async function uploads(
  state: State,
  req: IncomingMessage,
  raw: Buffer,
  bearer: string | undefined,
) {
  const key = req.headers[IDEMPOTENCY_KEY_HEADER];
  const subjectId = bearer ? state.subjects.get(bearer) : undefined;
  if (typeof key !== 'string' || !bearer || !subjectId) {
    return { status: 401, body: apiError('invalid_token', 'no subject') };
  }
  const replay = state.uploads.get(key);
  if (replay) return { status: 200, body: replay.result };
  const form = await new Request('http://x/', {
    method: 'POST',
    headers: { 'content-type': String(req.headers['content-type']) },
    body: new Uint8Array(raw),
  }).formData();
  const metadata = v.safeParse(
    UploadMetadataSchema,
    json(Buffer.from(String(form.get('metadata')))),
  );
  const image = form.get('image');
  if (!metadata.success || !(image instanceof Blob)) {
    return { status: 400, body: apiError('invalid_metadata', 'bad parts') };
  }
  const consent = state.consents.get(metadata.output.consentReceiptId);
  if (!consent) return { status: 403, body: apiError('consent_missing', 'unregistered receipt') };
  if (consent.status === 'withdrawn')
    return { status: 403, body: apiError('consent_withdrawn', 'withdrawn') };
  const result: UploadResult = {
    uploadId: crypto.randomUUID(),
    subjectId,
    subjectToken: bearer,
    expiresAt: new Date(Date.now() + 30 * 864e5).toISOString(),
  };
  state.uploads.set(key, {
    result,
    subjectId,
    metadata: metadata.output,
    image: new Uint8Array(await image.arrayBuffer()),
    contentType: image.type,
    storedAt: new Date().toISOString(),
  });
  return { status: 201, body: result };
}

function exportOf(state: State, subjectId: string): SubjectExport {
  return {
    subjectId,
    exportedAt: new Date().toISOString(),
    consents: [],
    uploads: [...state.uploads.values()]
      .filter((u) => u.subjectId === subjectId)
      .map((u) => ({
        uploadId: u.result.uploadId,
        productId: u.metadata.productId,
        contentType: 'image/png' as const,
        bytes: u.image.byteLength,
        capturedAt: u.metadata.capturedAt,
        storedAt: u.storedAt,
        expiresAt: u.result.expiresAt,
        imageUrl: API.uploadImage(u.result.uploadId),
      })),
  };
}

function log(state: State, req: IncomingMessage, path: string, body: unknown) {
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  state.requests.push({
    method: req.method ?? '',
    path,
    authorization: header('authorization'),
    idempotencyKey: header(IDEMPOTENCY_KEY_HEADER),
    publishableKey: header(PUBLISHABLE_KEY_HEADER),
    cookie: header('cookie'),
    body,
  });
}

function apiError(code: ErrorCode, message: string) {
  return { error: { code, message } };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  if (status === 204) {
    res.writeHead(204, headers);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function json(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function firstChunk(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.once('data', () => resolve());
    req.once('end', () => resolve());
  });
}
