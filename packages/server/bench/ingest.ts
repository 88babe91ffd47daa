// Loopback benchmark of the ingest server (fs adapter, temp DATA_DIR, bounded runs).
// Run: node --conditions=source --import tsx bench/ingest.ts [seconds=5] [connections=8]
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { API, IDEMPOTENCY_KEY_HEADER, PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import autocannon, { type Result } from 'autocannon';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/server.js';
import { multipart } from '../test/support/multipart.js';
import { makeReceipt } from '../test/support/receipts.js';

const seconds = Number(process.argv[2] ?? 5);
const connections = Number(process.argv[3] ?? 8);
const KEY = 'pk_bench_00000001';

function line(name: string, result: Result): string {
  const codes = Object.entries(result.statusCodeStats)
    .map(([code, stat]) => `${code}×${stat.count}`)
    .join(' ');
  return `${name.padEnd(22)} ${String(Math.round(result.requests.average)).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  [${codes}] errors ${result.errors}`;
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'fr-bench-'));
const { config } = loadConfig({
  PORT: '0',
  DATA_DIR: dataDir,
  FR_PUBLISHABLE_KEYS: KEY,
  FR_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  FR_RATE_LIMIT_PER_IP: '1000000',
  FR_RATE_LIMIT_PER_KEY: '1000000',
  FR_LOG_LEVEL: 'silent',
});
const server = await startServer(config);
try {
  const granted = await fetch(`${server.url}${API.consents}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PUBLISHABLE_KEY_HEADER]: KEY },
    body: JSON.stringify({
      kind: 'grant',
      receipt: makeReceipt({ expiresAt: '2100-01-01T00:00:00.000Z' }),
    }),
  });
  const ack = (await granted.json()) as { subjectToken: string; receiptId: string };
  const image = new Uint8Array(
    await readFile(new URL('../test/fixtures/hand.jpg', import.meta.url)),
  );
  const metadata = JSON.stringify({
    consentReceiptId: ack.receiptId,
    policyVersion: '2025-01',
    productId: 'ring-42',
    capturedAt: '2025-03-01T11:59:00.000Z',
  });
  const form = multipart([
    { name: 'metadata', data: metadata, contentType: 'application/json' },
    { name: 'image', data: image, filename: 'capture.jpg', contentType: 'image/jpeg' },
  ]);
  const headers = {
    'content-type': form.contentType,
    [PUBLISHABLE_KEY_HEADER]: KEY,
    authorization: `Bearer ${ack.subjectToken}`,
  };
  let counter = 0;
  const base = { url: server.url, connections, duration: seconds };

  console.log(
    `fs adapter, ${image.byteLength}-byte JPEG, ${connections} connections, ${seconds} s each`,
  );
  console.log(
    line('GET /healthz', await autocannon({ ...base, requests: [{ path: API.health }] })),
  );
  const fresh = await autocannon({
    ...base,
    requests: [
      {
        method: 'POST',
        path: API.uploads,
        body: form.payload,
        setupRequest: (request) => {
          counter += 1;
          return {
            ...request,
            headers: { ...headers, [IDEMPOTENCY_KEY_HEADER]: `bench-${counter}-${process.pid}` },
          };
        },
      },
    ],
  });
  console.log(line('POST /v1/uploads (new)', fresh));
  const replay = await autocannon({
    ...base,
    method: 'POST',
    headers: { ...headers, [IDEMPOTENCY_KEY_HEADER]: 'bench-replayed-key' },
    body: form.payload,
    requests: [{ path: API.uploads }],
  });
  console.log(line('POST /v1/uploads (replay)', replay));
} finally {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}
