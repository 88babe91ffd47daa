import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  API,
  IDEMPOTENCY_KEY_HEADER,
  PUBLISHABLE_KEY_HEADER,
  SubjectExportSchema,
} from '@fittingroom/protocol';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { type Child, spawnServer } from './support/child.js';
import { KEY, MASTER_KEY, ORIGIN } from './support/harness.js';
import { fixture, IMAGES } from './support/images.js';
import { liveReceipt } from './support/receipts.js';

async function files(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  } catch {
    return [];
  }
}

function uploadRequest(
  url: string,
  token: string,
  receiptId: string,
  image: Uint8Array,
): Promise<Response> {
  const form = new FormData();
  const metadata = {
    consentReceiptId: receiptId,
    policyVersion: '2025-01',
    productId: 'ring-42',
    capturedAt: '2025-03-01T11:59:00.000Z',
  };
  form.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }));
  form.append('image', new Blob([image], { type: 'image/jpeg' }), 'capture.jpg');
  return fetch(`${url}${API.uploads}`, {
    method: 'POST',
    headers: {
      [PUBLISHABLE_KEY_HEADER]: KEY,
      [IDEMPOTENCY_KEY_HEADER]: 'crash-retry-0001',
      authorization: `Bearer ${token}`,
      origin: ORIGIN,
    },
    body: form,
  });
}

describe('fault: server killed mid-write', () => {
  let dataDir: string;
  const children: Child[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) await child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('leaves no partial file after SIGKILL, and the retry with the same key stores exactly once', {
    timeout: 90_000,
  }, async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fr-fault-'));
    const env = {
      PORT: '0',
      DATA_DIR: dataDir,
      FR_PUBLISHABLE_KEYS: KEY,
      FR_ALLOWED_ORIGINS: ORIGIN,
      FR_ENCRYPTION_KEY: MASTER_KEY,
      FR_LOG_LEVEL: 'silent',
    };
    const image = fixture(IMAGES.jpeg.file);

    // 1. A server whose disk stalls halfway through the image; kill it there.
    const doomed = spawnServer('test/support/child-server.ts', {
      ...env,
      FR_TEST_STALL_WRITES: '1',
    });
    children.push(doomed);
    const url = (await doomed.line(/^LISTENING (\S+)$/))[1] ?? '';
    const granted = await fetch(`${url}${API.consents}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [PUBLISHABLE_KEY_HEADER]: KEY,
        origin: ORIGIN,
      },
      body: JSON.stringify({
        kind: 'grant',
        receipt: liveReceipt(),
      }),
    });
    expect(granted.status).toBe(201);
    const ack = (await granted.json()) as {
      subjectToken: string;
      receiptId: string;
      subjectId: string;
    };
    const pending = uploadRequest(url, ack.subjectToken, ack.receiptId, image).catch(
      (error: unknown) => error,
    );
    await doomed.line(/^STALLED$/);
    const tmpBefore = await files(path.join(dataDir, 'tmp'));
    expect(tmpBefore).toHaveLength(1); // the half-written temporary file exists at the moment of the kill
    await doomed.kill('SIGKILL');
    expect(await pending).toBeInstanceOf(Error); // the client never got an answer

    // 2. Restart the real server on the same data: no partial file anywhere.
    const server = spawnServer('src/main.ts', env);
    children.push(server);
    const url2 = (await server.line(/listening on (\S+)$/))[1] ?? '';
    expect(await files(path.join(dataDir, 'tmp'))).toEqual([]);
    const objects = await files(path.join(dataDir, 'objects'));
    expect(objects.filter((f) => f.startsWith('uploads'))).toEqual([]);

    // 3. Retry with the same Idempotency-Key: stored once; a second retry replays it.
    const retry = await uploadRequest(url2, ack.subjectToken, ack.receiptId, image);
    expect(retry.status).toBe(201);
    const first = await retry.json();
    const again = await uploadRequest(url2, ack.subjectToken, ack.receiptId, image);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(first);

    const exported = await fetch(`${url2}${API.subjectExport}`, {
      headers: { authorization: `Bearer ${ack.subjectToken}`, origin: ORIGIN },
    });
    const copy = v.parse(SubjectExportSchema, await exported.json());
    expect(copy.uploads).toHaveLength(1);
    const served = await fetch(`${url2}${copy.uploads[0]?.imageUrl}`, {
      headers: { authorization: `Bearer ${ack.subjectToken}`, origin: ORIGIN },
    });
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(image);
    expect(
      (await files(path.join(dataDir, 'objects'))).filter((f) => f.endsWith('.upload')),
    ).toHaveLength(1);
    await server.kill('SIGTERM');
    expect(server.process.exitCode).toBe(0);
  });
});
