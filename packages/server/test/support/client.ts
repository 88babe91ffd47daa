// A client of a listening server over real HTTP (fetch on loopback), for the concurrency suites.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  API,
  IDEMPOTENCY_KEY_HEADER,
  PUBLISHABLE_KEY_HEADER,
  type UploadMetadata,
} from '@fittingroom/protocol';
import type { Env } from '../../src/config.js';
import { type RunningServer, startServer } from '../../src/server.js';
import type { Storage } from '../../src/storage/types.js';
import { KEY, ORIGIN, testConfig } from './harness.js';
import { fixture, IMAGES } from './images.js';
import { liveReceipt } from './receipts.js';

/** A granted subject: its token and receipt id. */
export interface Granted {
  readonly token: string;
  readonly subjectId: string;
  readonly receiptId: string;
}

/** Grants a fresh receipt on `base`; throws unless 201. */
export async function grantOver(base: string): Promise<Granted> {
  const res = await fetch(`${base}${API.consents}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PUBLISHABLE_KEY_HEADER]: KEY, origin: ORIGIN },
    body: JSON.stringify({
      kind: 'grant',
      receipt: liveReceipt(),
    }),
  });
  if (res.status !== 201) throw new Error(`grant: ${res.status} ${await res.text()}`);
  const ack = (await res.json()) as { subjectToken: string; subjectId: string; receiptId: string };
  return { token: ack.subjectToken, subjectId: ack.subjectId, receiptId: ack.receiptId };
}

/** What an upload answered: status, the replay header and the JSON body. */
export interface UploadAnswer {
  readonly status: number;
  readonly replayed: string | null;
  readonly body: { uploadId?: string; expiresAt?: string; error?: { code: string } };
}

/** Uploads the small JPEG (or `image`) for `who` under `idempotencyKey`. */
export async function uploadOver(
  base: string,
  who: Granted,
  idempotencyKey: string,
  options: { image?: Uint8Array; metadata?: Partial<UploadMetadata> } = {},
): Promise<UploadAnswer> {
  const form = new FormData();
  const metadata = {
    consentReceiptId: who.receiptId,
    policyVersion: '2025-01',
    productId: 'ring-42',
    capturedAt: '2025-03-01T11:59:00.000Z',
    ...options.metadata,
  };
  form.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }));
  const image = options.image ?? fixture(IMAGES.smallJpeg.file);
  form.append('image', new Blob([image], { type: 'image/jpeg' }), 'capture.jpg');
  const res = await fetch(`${base}${API.uploads}`, {
    method: 'POST',
    headers: {
      [PUBLISHABLE_KEY_HEADER]: KEY,
      [IDEMPOTENCY_KEY_HEADER]: idempotencyKey,
      authorization: `Bearer ${who.token}`,
      origin: ORIGIN,
    },
    body: form,
  });
  return {
    status: res.status,
    replayed: res.headers.get('idempotent-replayed'),
    body: (await res.json()) as UploadAnswer['body'],
  };
}

/** `DELETE /v1/subjects/me` for `who`; returns the status. */
export async function eraseOver(base: string, who: Granted): Promise<number> {
  const res = await fetch(`${base}${API.subject}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${who.token}`, origin: ORIGIN },
  });
  await res.arrayBuffer();
  return res.status;
}

/** A real server on loopback over one storage, as the concurrency suites run it. */
export interface ServedStore {
  readonly server: RunningServer;
  readonly storage: Storage;
  readonly dataDir: string;
  close(): Promise<void>;
}

/**
 * Starts the real server on `storage` (from `open`, given a fresh data folder). The per-IP limit
 * is raised unless `env` says otherwise: every request of these suites comes from 127.0.0.1.
 */
export async function serveStore(
  open: (dataDir: string) => Promise<Storage>,
  env: Env = {},
): Promise<ServedStore> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'fr-served-'));
  const storage = await open(dataDir);
  const server = await startServer(
    testConfig(dataDir, { PORT: '0', FR_RATE_LIMIT_PER_IP: '100000', ...env }),
    { storage },
  );
  return {
    server,
    storage,
    dataDir,
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
