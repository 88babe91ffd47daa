import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { API, IDEMPOTENCY_KEY_HEADER, PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import type { Env } from '../../src/config.js';
import { type RunningServer, type StartOptions, startServer } from '../../src/server.js';
import { openFsStorage } from '../../src/storage/fs.js';
import type { Storage } from '../../src/storage/types.js';
import { KEY, ORIGIN, testConfig } from './harness.js';
import { fixture, IMAGES } from './images.js';
import { multipart } from './multipart.js';
import { liveReceipt } from './receipts.js';

/** An answer read off a real socket. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** One request with its target sent byte for byte as given (no URL normalisation, no agent). */
export function send(
  port: number,
  options: { method: string; path: string; headers?: Record<string, string>; body?: Buffer },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method,
        path: options.path,
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The error code of a JSON error answer, or null. */
export function codeOf(answer: RawAnswer): string | null {
  try {
    return (JSON.parse(answer.body) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}

/** A real server listening on a loopback port, on the filesystem adapter in a temp folder. */
export interface Loopback {
  readonly server: RunningServer;
  readonly url: string;
  readonly port: number;
  readonly storage: Storage;
  readonly dataDir: string;
  /** Grants a fresh receipt; its subject's token and receipt id. */
  grant(): Promise<{ token: string; receiptId: string }>;
  /** Uploads `image` (default: the small JPEG) for a granted subject. */
  upload(subject: { token: string; receiptId: string }, image?: Uint8Array): Promise<RawAnswer>;
  close(): Promise<void>;
}

let uploads = 0;

/** The headers and body of a valid upload request. */
export function uploadRequest(
  subject: { token: string; receiptId: string },
  image: Uint8Array = fixture(IMAGES.smallJpeg.file),
): { headers: Record<string, string>; body: Buffer } {
  uploads += 1;
  const form = multipart([
    {
      name: 'metadata',
      data: JSON.stringify({
        consentReceiptId: subject.receiptId,
        policyVersion: '2025-01',
        productId: 'ring-42',
        capturedAt: new Date().toISOString(),
      }),
    },
    { name: 'image', data: image, filename: 'capture', contentType: 'image/jpeg' },
  ]);
  return {
    headers: {
      'content-type': form.contentType,
      [PUBLISHABLE_KEY_HEADER]: KEY,
      [IDEMPOTENCY_KEY_HEADER]: `loop-${process.pid}-${uploads}`,
      authorization: `Bearer ${subject.token}`,
      origin: ORIGIN,
    },
    body: form.payload,
  };
}

/** Starts {@link Loopback} with `env` on top of the test config (any free port). */
export async function startLoopback(
  env: Env = {},
  { fs, ...options }: Omit<StartOptions, 'storage'> = {},
): Promise<Loopback> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'fr-loop-'));
  const storage = await openFsStorage({ dir: dataDir, fs });
  const server = await startServer(testConfig(dataDir, { PORT: '0', ...env }), {
    ...options,
    storage,
  });
  const port = Number(new URL(server.url).port);
  return {
    server,
    url: server.url,
    port,
    storage,
    dataDir,
    async grant() {
      const answer = await send(port, {
        method: 'POST',
        path: API.consents,
        headers: {
          'content-type': 'application/json',
          [PUBLISHABLE_KEY_HEADER]: KEY,
          origin: ORIGIN,
        },
        body: Buffer.from(
          JSON.stringify({
            kind: 'grant',
            receipt: liveReceipt(),
          }),
        ),
      });
      if (answer.status !== 201) throw new Error(`grant failed: ${answer.status} ${answer.body}`);
      const ack = JSON.parse(answer.body) as { subjectToken: string; receiptId: string };
      return { token: ack.subjectToken, receiptId: ack.receiptId };
    },
    upload(subject, image) {
      const { headers, body } = uploadRequest(subject, image);
      return send(port, { method: 'POST', path: API.uploads, headers, body });
    },
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
