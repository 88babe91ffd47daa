import { crc32, deflateSync } from 'node:zlib';
import { IDBFactory } from 'fake-indexeddb';
import { createUploadClient, type UploadClient } from '../../../src/upload/client.js';
import type { UploadClientOptions } from '../../../src/upload/config.js';
import { UploadError } from '../../../src/upload/errors.js';
import { createIdbStore, type KeyValueStore } from '../../../src/upload/kv-store.js';
import {
  createFetchTransport,
  type Transport,
  type TransportRequest,
} from '../../../src/upload/transport.js';
import { createFakeConsent, type FakeConsent } from './fake-consent.js';

/** The publishable key devices send (a test-mode key of the suite's ingest server). */
export const PUBLISHABLE_KEY = 'pk_test_device_suite';

/** A clock the test moves by hand. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

/** Starts at a fixed instant; never moves on its own. */
export function testClock(start = '2025-06-01T12:00:00.000Z'): TestClock {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => (t += ms) };
}

/** Records each requested delay and "waits" by moving the clock: tests never really wait. */
export function recordingSleep(clock: TestClock) {
  const delays: number[] = [];
  const sleep = async (ms: number, signal: AbortSignal) => {
    signal.throwIfAborted();
    delays.push(ms);
    clock.advance(ms);
  };
  return { delays, sleep };
}

/** Wraps a transport and records every request it is asked to send. */
export function spyTransport(inner: Transport) {
  const calls: TransportRequest[] = [];
  const transport: Transport = {
    send(request, options) {
      calls.push(request);
      return inner.send(request, options);
    },
  };
  return { calls, transport };
}

/** A transport that must never be used. */
export const forbiddenTransport: Transport = {
  send: () => Promise.reject(new UploadError('network', 'no request may be made in this test')),
};

/**
 * A real PNG of about `size` bytes (256 grey pixels a row, stored uncompressed, rows of a pattern
 * that `seed` shifts): the ingest server decodes its header and keeps it byte for byte.
 */
export function pngBlob(size = 1024, seed = 7): Blob {
  const width = 256;
  const height = Math.max(1, Math.round(size / (width + 1)));
  const raw = new Uint8Array((width + 1) * height); // a filter byte (0) then the row
  for (let i = 0; i < raw.length; i += 1) if (i % (width + 1) !== 0) raw[i] = (i * 31 + seed) % 251;
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header[8] = 8; // bit depth; colour type 0 (grey)
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const chunks = [
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 0 })),
    pngChunk('IEND', new Uint8Array()),
  ];
  return new Blob([new Uint8Array(signature), ...chunks], { type: 'image/png' });
}

function pngChunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(new TextEncoder().encode(type), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/** Names of databases that exist in `idb`. */
export async function databaseNames(idb: IDBFactory): Promise<string[]> {
  return (await idb.databases()).map((info) => info.name ?? '');
}

/** One "device": its own IndexedDB, clock, consent; clients can be created over it repeatedly. */
export interface Device {
  readonly idb: IDBFactory;
  readonly clock: TestClock;
  readonly consent: FakeConsent;
  readonly delays: number[];
  /** A fresh store over the device's IndexedDB (like a new page would get). */
  store(): KeyValueStore;
  /** A new client ("page load") with test defaults; `overrides` win. */
  client(endpoint: string, overrides?: Partial<UploadClientOptions>): UploadClient;
}

/** Creates a device whose uploads go through node's fetch. */
export function createDevice(): Device {
  const idb = new IDBFactory();
  const clock = testClock();
  const consent = createFakeConsent(clock.now);
  const { delays, sleep } = recordingSleep(clock);
  const store = () => createIdbStore({ indexedDB: idb });
  return {
    idb,
    clock,
    consent,
    delays,
    store,
    client: (endpoint, overrides = {}) =>
      createUploadClient({
        endpoint,
        publishableKey: PUBLISHABLE_KEY,
        consent: consent.view,
        transport: createFetchTransport(),
        storage: store(),
        now: clock.now,
        random: () => 0.5,
        sleep,
        events: null,
        isOnline: () => true,
        ...overrides,
      }),
  };
}
