import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  API,
  type ConsentReceipt,
  IDEMPOTENCY_KEY_HEADER,
  PUBLISHABLE_KEY_HEADER,
  type UploadMetadata,
} from '@fittingroom/protocol';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { type Env, loadConfig, type ServerConfig } from '../../src/config.js';
import { type Context, createContext } from '../../src/context.js';
import { openFsStorage } from '../../src/storage/fs.js';
import type { Storage } from '../../src/storage/types.js';
import { fixture, IMAGES } from './images.js';
import { multipart, type Part } from './multipart.js';
import { makeReceipt } from './receipts.js';

/** The publishable key the test server accepts. */
export const KEY = 'pk_test_shop0001';
/** The only origin the test server allows. */
export const ORIGIN = 'https://shop.example';
/** A fixed master key, so tests can restart servers on the same data. */
export const MASTER_KEY = Buffer.alloc(32, 7).toString('base64');
/** When test time starts. */
export const START = new Date('2025-03-01T12:00:00.000Z');

/** A config for tests (silent, fixed key, one origin), overridable with env entries. */
export function testConfig(dataDir: string, env: Env = {}): ServerConfig {
  return loadConfig({
    DATA_DIR: dataDir,
    FR_PUBLISHABLE_KEYS: `${KEY},pk_test_other001`,
    FR_ALLOWED_ORIGINS: ORIGIN,
    FR_ENCRYPTION_KEY: MASTER_KEY,
    FR_LOG_LEVEL: 'silent',
    ...env,
  }).config;
}

/** The environment of a spawned server (`src/main.ts`) on `dataDir`, logging at the default level. */
export function childEnv(
  dataDir: string,
  env: Record<string, string> = {},
): Record<string, string> {
  return {
    PORT: '0',
    DATA_DIR: dataDir,
    FR_PUBLISHABLE_KEYS: KEY,
    FR_ALLOWED_ORIGINS: ORIGIN,
    FR_ENCRYPTION_KEY: MASTER_KEY,
    FR_LOG_LEVEL: 'info', // the default level: what an operator's logs hold
    ...env,
  };
}

/** A clock tests move by hand. */
export class Clock {
  time = START;
  readonly now = (): Date => this.time;
  /** Moves the clock forward. */
  advance(ms: number): void {
    this.time = new Date(this.time.getTime() + ms);
  }
}

/** How a harness gets its storage: the fs adapter in a temp folder, or a given opener. */
export type StorageOpener = (dataDir: string) => Promise<Storage>;

/** Opens the filesystem adapter. */
export const openFs: StorageOpener = (dir) => openFsStorage({ dir });

/** What {@link Harness.upload} sends; everything defaults to a valid upload. */
export interface UploadOptions {
  token: string;
  receiptId: string;
  policyVersion?: string;
  image?: Uint8Array;
  idempotencyKey?: string;
  metadata?: Partial<UploadMetadata> | string;
  parts?: Part[];
  headers?: Record<string, string | undefined>;
}

/** An app on injected storage and clock, with helpers that speak the API. */
export interface Harness {
  readonly app: FastifyInstance;
  readonly ctx: Context;
  readonly storage: Storage;
  readonly clock: Clock;
  readonly dataDir: string;
  /** Grants a receipt; returns the response and the receipt sent. */
  grant(options?: {
    receipt?: ConsentReceipt;
    token?: string;
    headers?: Record<string, string | undefined>;
  }): Promise<{ res: LightMyRequestResponse; receipt: ConsentReceipt }>;
  /** A granted subject ready to upload: its token and receipt. */
  subject(
    receipt?: ConsentReceipt,
  ): Promise<{ token: string; subjectId: string; receipt: ConsentReceipt }>;
  upload(options: UploadOptions): Promise<LightMyRequestResponse>;
  /** Every object key in storage, audit events aside. */
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

function clean(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

let idempotencyCounter = 0;

/** Builds a harness; `close()` removes its temp folder. */
export async function createHarness(
  options: { open?: StorageOpener; env?: Env } = {},
): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'fr-server-'));
  const storage = await (options.open ?? openFs)(dataDir);
  const clock = new Clock();
  const config = testConfig(dataDir, options.env);
  const deps = { storage, now: clock.now };
  const app = await buildApp(config, deps);
  const ctx = createContext(config, deps);

  const harness: Harness = {
    app,
    ctx,
    storage,
    clock,
    dataDir,
    async grant(grantOptions = {}) {
      const receipt = grantOptions.receipt ?? makeReceipt();
      const res = await app.inject({
        method: 'POST',
        url: API.consents,
        headers: clean({
          [PUBLISHABLE_KEY_HEADER]: KEY,
          origin: ORIGIN,
          ...(grantOptions.token ? { authorization: `Bearer ${grantOptions.token}` } : {}),
          ...grantOptions.headers,
        }),
        payload: { kind: 'grant', receipt },
      });
      return { res, receipt };
    },
    async subject(receipt) {
      const { res, receipt: sent } = await harness.grant(receipt ? { receipt } : {});
      if (res.statusCode !== 201) throw new Error(`grant failed: ${res.statusCode} ${res.body}`);
      const ack = res.json<{ subjectToken: string; subjectId: string }>();
      return { token: ack.subjectToken, subjectId: ack.subjectId, receipt: sent };
    },
    async upload(up) {
      idempotencyCounter += 1;
      const metadata =
        typeof up.metadata === 'string'
          ? up.metadata
          : JSON.stringify({
              consentReceiptId: up.receiptId,
              policyVersion: up.policyVersion ?? '2025-01',
              productId: 'ring-42',
              capturedAt: '2025-03-01T11:59:00.000Z',
              ...up.metadata,
            });
      const parts = up.parts ?? [
        {
          name: 'metadata',
          data: metadata,
          contentType: 'application/json',
          filename: 'metadata.json',
        },
        {
          name: 'image',
          data: up.image ?? fixture(IMAGES.smallJpeg.file),
          filename: 'capture',
          contentType: 'image/jpeg',
        },
      ];
      const body = multipart(parts);
      return app.inject({
        method: 'POST',
        url: API.uploads,
        headers: clean({
          'content-type': body.contentType,
          [PUBLISHABLE_KEY_HEADER]: KEY,
          [IDEMPOTENCY_KEY_HEADER]:
            up.idempotencyKey ?? `idem-${process.pid}-${idempotencyCounter}`,
          authorization: `Bearer ${up.token}`,
          origin: ORIGIN,
          ...up.headers,
        }),
        payload: body.payload,
      });
    },
    async keys() {
      return (await storage.list(''))
        .map((item) => item.key)
        .filter((key) => !key.startsWith('audit/')); // S3 keeps audit events as objects
    },
    async close() {
      await app.close();
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
