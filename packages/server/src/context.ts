import { randomBytes } from 'node:crypto';
import { type Audit, createAudit } from './audit.js';
import type { ServerConfig } from './config.js';
import { createMemoryCoordination } from './coordination/memory.js';
import type { Coordination } from './coordination/types.js';
import type { ServerKeys } from './crypto.js';
import { createKeyRing, type KeyRing } from './keyring.js';
import type { Storage } from './storage/types.js';

/** What the server's parts are handed: config, storage, keys, clock, randomness and audit. */
export interface Context {
  readonly config: ServerConfig;
  readonly storage: Storage;
  /** The current keys (what seals and hashes anything new): `ring.current`. */
  readonly keys: ServerKeys;
  /** Every configured key, to open what older keys sealed. */
  readonly ring: KeyRing;
  readonly now: () => Date;
  readonly random: (size: number) => Uint8Array;
  readonly audit: Audit;
  /** Locks and in-flight uploads: this process's, or shared through Redis. */
  readonly coordination: Coordination;
}

/** Injected dependencies; only `storage` has no default. */
export interface Deps {
  readonly storage: Storage;
  /** Clock (tests move it to check retention). */
  readonly now?: (() => Date) | undefined;
  /** Random bytes (tokens, subject ids, IVs). */
  readonly random?: (size: number) => Uint8Array;
  /** Shared locks and flights (Redis); defaults to this process's, one per storage. */
  readonly coordination?: Coordination | undefined;
}

/**
 * The in-process coordination and audit writer of each storage: every context built on one
 * storage (the app's, the sweeper's, a test's) must see the same locks and flights, and append
 * to one audit chain.
 */
const processCoordination = new WeakMap<Storage, Coordination>();
const processAudit = new WeakMap<Storage, Audit>();

function auditFor(storage: Storage, keys: ServerKeys, now: () => Date): Audit {
  let found = processAudit.get(storage);
  if (!found) {
    found = createAudit(storage, keys, now);
    processAudit.set(storage, found);
  }
  return found;
}

function coordinationFor(storage: Storage): Coordination {
  let found = processCoordination.get(storage);
  if (!found) {
    found = createMemoryCoordination();
    processCoordination.set(storage, found);
  }
  return found;
}

/** Random bytes fetched from the CSPRNG at once, handed out in small pieces. */
const RANDOM_POOL_BYTES = 4096;

/**
 * Secure random bytes for small requests (IVs, ids, tokens) from a pool refilled 4 KB at a
 * time, as `crypto.randomUUID` does: each call into the CSPRNG cost about 35 µs on the benchmark
 * machine, and an upload needs two IVs. A refill is a new buffer, so bytes already handed out
 * (views into the old one) never change.
 */
export function pooledRandom(): (size: number) => Uint8Array {
  let pool = new Uint8Array(0);
  let used = 0;
  return (size) => {
    if (size > RANDOM_POOL_BYTES / 8) return new Uint8Array(randomBytes(size));
    if (used + size > pool.byteLength) {
      pool = new Uint8Array(randomBytes(RANDOM_POOL_BYTES));
      used = 0;
    }
    used += size;
    return pool.subarray(used - size, used);
  };
}

/** Builds the context shared by routes and the sweeper. */
export function createContext(config: ServerConfig, deps: Deps): Context {
  const ring = createKeyRing(config.encryptionKeys);
  const keys = ring.current;
  const now = deps.now ?? (() => new Date());
  return {
    config,
    storage: deps.storage,
    keys,
    ring,
    now,
    random: deps.random ?? pooledRandom(),
    audit: auditFor(deps.storage, keys, now),
    coordination: deps.coordination ?? coordinationFor(deps.storage),
  };
}
