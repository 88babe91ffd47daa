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

/** A PNG-typed blob of `size` bytes (PNG signature then a recognisable pattern). */
export function pngBlob(size = 1024, seed = 7): Blob {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i += 1) bytes[i] = (i * 31 + seed) % 251;
  return new Blob([bytes], { type: 'image/png' });
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
        publishableKey: 'pk_test',
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
