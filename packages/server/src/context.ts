import { randomBytes } from 'node:crypto';
import { type Audit, createAudit } from './audit.js';
import type { ServerConfig } from './config.js';
import { deriveKeys, type ServerKeys } from './crypto.js';
import type { Storage } from './storage/types.js';

/** What the server's parts are handed: config, storage, keys, clock, randomness and audit. */
export interface Context {
  readonly config: ServerConfig;
  readonly storage: Storage;
  readonly keys: ServerKeys;
  readonly now: () => Date;
  readonly random: (size: number) => Uint8Array;
  readonly audit: Audit;
}

/** Injected dependencies; only `storage` has no default. */
export interface Deps {
  readonly storage: Storage;
  /** Clock (tests move it to check retention). */
  readonly now?: () => Date;
  /** Random bytes (tokens, subject ids, IVs). */
  readonly random?: (size: number) => Uint8Array;
}

/** Builds the context shared by routes and the sweeper. */
export function createContext(config: ServerConfig, deps: Deps): Context {
  const keys = deriveKeys(config.encryptionKey);
  const now = deps.now ?? (() => new Date());
  return {
    config,
    storage: deps.storage,
    keys,
    now,
    random: deps.random ?? ((size) => new Uint8Array(randomBytes(size))),
    audit: createAudit(deps.storage, keys, now),
  };
}
