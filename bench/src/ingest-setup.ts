// The ingest benchmark's servers and requests: the reference server and the bare baseline as
// child processes on loopback, a consent grant, and the multipart upload body.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  API,
  type ConsentAck,
  type ConsentReceipt,
  PUBLISHABLE_KEY_HEADER,
} from '@fittingroom/protocol';
import { REPO_ROOT } from './browser.js';

/** A server under load: where it listens, and how to stop it (its data folder goes too). */
export interface LoadTarget {
  readonly url: string;
  stop(): Promise<void>;
}

const HERE = join(REPO_ROOT, 'bench', 'src');

/** Spawns a server process and waits for its `listening on <url>` line (60 s at most). */
async function spawnServer(
  args: string[],
  cwd: string,
  env: Record<string, string>,
  dataDir: string,
): Promise<LoadTarget> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start in 60 s')), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The publishable key the reference server accepts in the benchmark. */
export const KEY = 'pk_bench_00000001';

/**
 * Starts `@fittingroom/server` as in production (fs storage, fresh data folder), limits off.
 * `nodeArgs` go to Node first (the profiled run passes `--cpu-prof`).
 */
export function startReference(nodeArgs: string[] = []): Promise<LoadTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fr-bench-ref-'));
  return spawnServer(
    [...nodeArgs, '--conditions=source', '--import', 'tsx', 'src/main.ts'],
    join(REPO_ROOT, 'packages', 'server'),
    {
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      FR_PUBLISHABLE_KEYS: KEY,
      FR_ALLOWED_ORIGINS: 'http://127.0.0.1:9',
      FR_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      FR_RATE_LIMIT_PER_IP: '1000000',
      FR_RATE_LIMIT_PER_KEY: '10000000',
      FR_LOG_LEVEL: 'warn',
    },
    dataDir,
  );
}

/** Starts the bare node:http baseline; `durable` adds fsync + rename as the reference does. */
export function startBare(durable: boolean): Promise<LoadTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fr-bench-bare-'));
  return spawnServer(
    ['--import', 'tsx', join(HERE, 'bare-ingest.ts')],
    HERE,
    {
      DIR: dataDir,
      FSYNC: durable ? '1' : '0',
    },
    dataDir,
  );
}

const POLICY = 'bench-2026-11';

/** A valid Kantara CR 1.1 receipt granting camera and upload (the SDK sends the same shape). */
function receipt(): ConsentReceipt {
  const purpose = (name: 'camera' | 'upload') => ({
    purpose: name,
    purposeCategory: ['service provision'],
    consentType: 'EXPLICIT' as const,
    piiCategory: ['image'],
    primaryPurpose: name === 'camera',
    termination: 'withdrawal or 30 days',
    thirdPartyDisclosure: false as const,
  });
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: 'EU',
    consentTimestamp: Math.floor(Date.now() / 1000),
    collectionMethod: 'button in the try-on consent dialog',
    consentReceiptID: randomUUID(),
    language: 'en',
    piiPrincipalId: 'pseudonymous',
    piiControllers: [{ piiController: 'Bench Shop', contact: 'privacy@shop.example' }],
    policyUrl: 'https://shop.example/privacy',
    services: [{ service: 'virtual try-on', purposes: [purpose('camera'), purpose('upload')] }],
    sensitive: true,
    spiCat: ['biometric'],
    policyVersion: POLICY,
    noticeHash: 'a'.repeat(64),
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  };
}

/** Grants consent on the reference server; returns the subject token and receipt id. */
export async function grantConsent(url: string): Promise<ConsentAck> {
  const response = await fetch(`${url}${API.consents}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PUBLISHABLE_KEY_HEADER]: KEY },
    body: JSON.stringify({ kind: 'grant', receipt: receipt() }),
  });
  if (!response.ok)
    throw new Error(`consent grant failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as ConsentAck;
}

/** The multipart body of an upload: metadata JSON, then the JPEG, as the SDK sends it. */
export function uploadBody(receiptId: string, jpeg: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----frbench${randomBytes(8).toString('hex')}`;
  const metadata = JSON.stringify({
    consentReceiptId: receiptId,
    policyVersion: POLICY,
    productId: 'bench-ring',
    capturedAt: new Date().toISOString(),
  });
  const part = (head: string) => Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`);
  const body = Buffer.concat([
    part('Content-Disposition: form-data; name="metadata"\r\nContent-Type: application/json'),
    Buffer.from(metadata),
    Buffer.from('\r\n'),
    part(
      'Content-Disposition: form-data; name="image"; filename="capture.jpg"\r\nContent-Type: image/jpeg',
    ),
    jpeg,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
