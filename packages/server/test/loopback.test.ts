import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  API,
  IDEMPOTENCY_KEY_HEADER,
  PUBLISHABLE_KEY_HEADER,
  UploadResultSchema,
} from '@fittingroom/protocol';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';
import { openFsStorage } from '../src/storage/fs.js';
import type { Storage } from '../src/storage/types.js';
import { KEY, ORIGIN, testConfig } from './support/harness.js';
import { fixture, IMAGES } from './support/images.js';
import { multipart } from './support/multipart.js';
import { liveReceipt } from './support/receipts.js';

/** Sends raw bytes, half-closes the socket and returns whatever the server answered. */
function rawExchange(port: number, head: string, body: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.write(head);
    socket.end(body);
  });
}

describe('on a real loopback socket', () => {
  let dataDir: string;
  let storage: Storage;
  let server: RunningServer;
  let port: number;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fr-loop-'));
    const staticDir = path.join(dataDir, 'public');
    await mkdir(staticDir);
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>demo store</title>');
    storage = await openFsStorage({ dir: path.join(dataDir, 'data') });
    server = await startServer(testConfig(dataDir, { PORT: '0', FR_STATIC_DIR: staticDir }), {
      storage,
    });
    port = Number(new URL(server.url).port);
  });
  afterEach(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function grant(): Promise<{ token: string; receiptId: string }> {
    const res = await fetch(`${server.url}${API.consents}`, {
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
    expect(res.status).toBe(201);
    const ack = (await res.json()) as { subjectToken: string; receiptId: string };
    return { token: ack.subjectToken, receiptId: ack.receiptId };
  }

  it('serves health, the static folder, and uploads sent as a browser FormData', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const page = await fetch(`${server.url}/`);
    expect(await page.text()).toContain('demo store');

    const { token, receiptId } = await grant();
    const form = new FormData();
    const metadata = {
      consentReceiptId: receiptId,
      policyVersion: '2025-01',
      productId: 'watch-7',
      capturedAt: new Date().toISOString(),
    };
    form.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }));
    form.append(
      'image',
      new Blob([fixture(IMAGES.webpLossy.file)], { type: 'image/webp' }),
      'blob',
    );
    const res = await fetch(`${server.url}${API.uploads}`, {
      method: 'POST',
      headers: {
        [PUBLISHABLE_KEY_HEADER]: KEY,
        [IDEMPOTENCY_KEY_HEADER]: 'loopback-0001',
        authorization: `Bearer ${token}`,
        origin: ORIGIN,
      },
      body: form,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('set-cookie')).toBeNull();
    v.parse(UploadResultSchema, await res.json());
  });

  it('keeps nothing from a body cut off before its declared length', async () => {
    const { token, receiptId } = await grant();
    const before = (await storage.list('')).map((item) => item.key);
    const body = multipart([
      {
        name: 'metadata',
        data: JSON.stringify({
          consentReceiptId: receiptId,
          policyVersion: '2025-01',
          productId: 'p',
          capturedAt: new Date().toISOString(),
        }),
      },
      { name: 'image', data: fixture(IMAGES.jpeg.file), filename: 'a.jpg' },
    ]);
    const head = [
      `POST ${API.uploads} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Content-Type: ${body.contentType}`,
      `Content-Length: ${body.payload.length}`,
      `${PUBLISHABLE_KEY_HEADER}: ${KEY}`,
      `${IDEMPOTENCY_KEY_HEADER}: truncated-0001`,
      `Authorization: Bearer ${token}`,
      'Connection: close',
      '',
      '',
    ].join('\r\n');
    const answer = await rawExchange(
      port,
      head,
      body.payload.subarray(0, body.payload.length >> 1),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: { code: 'invalid_request' },
    });
    // A later request on a fresh connection is served, and the cut-off upload left nothing.
    const again = await fetch(`${server.url}/healthz`);
    expect(again.status).toBe(200);
    expect((await storage.list('')).map((item) => item.key)).toEqual(before);
  });
});
