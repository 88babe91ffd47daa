import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  API,
  IDEMPOTENCY_KEY_HEADER,
  PUBLISHABLE_KEY_HEADER,
  type RetailerUpload,
  RetailerUploadPageSchema,
} from '@fittingroom/protocol';
import { loadConfig, startServer } from '@fittingroom/server';
import * as v from 'valibot';
import { PUBLISHABLE_KEY } from './harness.js';

/** The retailer's secret key (test mode, beside the devices' publishable key). */
const SECRET_KEY = 'sk_test_device_suite_backend';

/** Scripted misbehaviour for the next request to a route, in place of the server's answer. */
export type Fault =
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body?: unknown }
  /** Reads the start of the body, then drops the connection: the server never sees it. */
  | 'drop-mid-body'
  /** The server stores the upload, then the connection drops before the answer arrives. */
  | 'drop-after-store'
  /** Answers 2xx with a body that does not match the protocol. */
  | 'malformed'
  /** Reads the whole request and never answers (until the client gives up or aborts). */
  | 'hang';

/** One request as it reached the proxy. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly idempotencyKey: string | undefined;
  readonly publishableKey: string | undefined;
  readonly cookie: string | undefined;
  readonly body: unknown;
}

type Route = 'consents' | 'uploads' | 'subject' | 'export';

/**
 * The real `@fittingroom/server` (filesystem storage in a temp folder, the given clock) on
 * 127.0.0.1, behind a proxy that records requests and can replace the next answers of a route
 * with scripted faults. What the server keeps is read back through its retailer API, so these
 * tests check the client against the protocol as the server implements it, not a copy of it.
 */
export interface IngestServer {
  /** The proxy's URL: what clients are pointed at. */
  readonly endpoint: string;
  readonly requests: SeenRequest[];
  /** Faults consumed in order by the next requests to each route. */
  readonly faults: Record<Route, Fault[]>;
  /** Called when a request is being held by a `hang` fault. */
  hanging?: (req: IncomingMessage) => void;
  /** Requests to one route. */
  seen(method: string, path: string): SeenRequest[];
  /** Subject tokens the server handed out, oldest first. */
  tokens(): string[];
  /** Uploads the server keeps, newest first. */
  stored(): Promise<RetailerUpload[]>;
  /** The bytes the server serves for one kept upload. */
  image(uploadId: string): Promise<Uint8Array>;
  /** Receipt ids the server still holds a consent for, of those ever registered. */
  receipts(): Promise<string[]>;
  /** Subject ids the server still knows, of those that ever registered. */
  subjects(): Promise<string[]>;
  /** Erases the subject holding `receiptId`, as the retailer would on an e-mailed request. */
  eraseByReceipt(receiptId: string): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link startIngestServer}. */
export interface IngestServerOptions {
  /** The server's clock (the device's, so receipts given "now" are not in its future). */
  readonly now: () => Date;
}

/** Starts the server and its proxy. */
export async function startIngestServer(options: IngestServerOptions): Promise<IngestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'fr-sdk-ingest-'));
  const { config } = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    FR_TEST_KEYS: `${PUBLISHABLE_KEY},${SECRET_KEY}`,
    FR_ALLOWED_ORIGINS: 'https://shop.example',
    FR_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    FR_LOG_LEVEL: 'silent',
  });
  const real = await startServer(config, { now: options.now });
  const registered = new Set<string>();
  const tokens: string[] = [];
  const faults: Record<Route, Fault[]> = { consents: [], uploads: [], subject: [], export: [] };
  const retailer = (method: string, path: string) =>
    fetch(`${real.url}${path}`, { method, headers: { authorization: `Bearer ${SECRET_KEY}` } });

  const proxy = createServer((req, res) => {
    const context = {
      target: real.url,
      faults,
      seen: (body: unknown) => server.requests.push(describe(req, body)),
      hanging: () => server.hanging?.(req),
    };
    relay(req, res, context)
      .then(({ sent, answer }) => {
        const ack = answer as { subjectToken?: unknown } | undefined;
        if (typeof ack?.subjectToken === 'string' && !tokens.includes(ack.subjectToken))
          tokens.push(ack.subjectToken);
        const receiptId = (sent as { receipt?: { consentReceiptID?: string } } | undefined)?.receipt
          ?.consentReceiptID;
        if (receiptId && answer) registered.add(receiptId);
      })
      .catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;

  const lookUp = async (receiptId: string) => {
    const res = await retailer('GET', API.retailerSubject(receiptId));
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`subject look-up: ${res.status}`);
    return (await res.json()) as { subjectId: string; consents: { receiptId: string }[] };
  };
  const server: IngestServer = {
    endpoint: `http://127.0.0.1:${port}`,
    requests: [],
    faults,
    seen: (method, path) => server.requests.filter((r) => r.method === method && r.path === path),
    tokens: () => [...tokens],
    async stored() {
      const res = await retailer('GET', `${API.retailerUploads}?limit=100`);
      return v.parse(RetailerUploadPageSchema, await res.json()).uploads;
    },
    async image(uploadId) {
      const res = await retailer('GET', API.retailerUploadImage(uploadId));
      if (!res.ok) throw new Error(`image ${uploadId}: ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
    async receipts() {
      const held = await Promise.all([...registered].map(async (id) => [id, await lookUp(id)]));
      return held.filter(([, s]) => s !== null).map(([id]) => id as string);
    },
    async subjects() {
      const found = await Promise.all([...registered].map(lookUp));
      return [...new Set(found.flatMap((s) => (s ? [s.subjectId] : [])))];
    },
    async eraseByReceipt(receiptId) {
      const res = await retailer('DELETE', API.retailerSubject(receiptId));
      if (!res.ok) throw new Error(`erasure: ${res.status}`);
    },
    async close() {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await real.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

interface RelayContext {
  readonly target: string;
  readonly faults: Record<Route, Fault[]>;
  readonly seen: (body: unknown) => void;
  readonly hanging: () => void;
}

function routeOf(method: string, path: string): Route {
  if (path === API.consents) return 'consents';
  if (path === API.uploads) return 'uploads';
  return method === 'GET' ? 'export' : 'subject';
}

/** What went through the proxy: the request's JSON body and the server's JSON answer. */
interface Relayed {
  readonly sent?: unknown;
  readonly answer?: unknown;
}

/** Answers one request with a scripted fault or the real server's answer. */
async function relay(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RelayContext,
): Promise<Relayed> {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const fault = ctx.faults[routeOf(req.method ?? 'GET', path)].shift();
  if (fault === 'drop-mid-body') {
    await firstChunk(req);
    ctx.seen('(dropped)');
    req.socket.destroy();
    return {};
  }
  const raw = await readBody(req);
  const sent = req.headers['content-type']?.startsWith('application/json') ? parse(raw) : undefined;
  ctx.seen(sent ?? '(binary)');
  if (fault === 'hang') {
    ctx.hanging();
    return {};
  }
  if (typeof fault === 'object') return send(res, fault.status, fault.body ?? {}, fault.headers);
  if (fault === 'malformed') return send(res, 201, { hello: 'world' });
  const answer = await fetch(`${ctx.target}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers: forwarded(req),
    ...(raw.length > 0 ? { body: new Uint8Array(raw) } : {}),
  });
  const body = Buffer.from(await answer.arrayBuffer());
  if (fault === 'drop-after-store') {
    req.socket.destroy();
    return {};
  }
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name))
      headers[name] = value;
  });
  res.writeHead(answer.status, headers);
  res.end(body);
  const json = answer.headers.get('content-type')?.startsWith('application/json');
  return { sent, answer: answer.ok && json ? parse(body) : undefined };
}

function forwarded(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
      headers[name] = value;
  }
  return headers;
}

function describe(req: IncomingMessage, body: unknown): SeenRequest {
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    method: req.method ?? '',
    path: new URL(req.url ?? '/', 'http://x').pathname,
    authorization: header('authorization'),
    idempotencyKey: header(IDEMPOTENCY_KEY_HEADER),
    publishableKey: header(PUBLISHABLE_KEY_HEADER),
    cookie: header('cookie'),
    body,
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers = {}): Relayed {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
  return {};
}

function parse(raw: Buffer): unknown {
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
