import { deriveKeys, type KeyLookup, type ServerKeys } from './crypto.js';

/**
 * The master keys a server holds (`FR_ENCRYPTION_KEYS`): the current one seals everything new;
 * the older ones still open, and so let the sweeper expire, what was sealed under them until
 * the re-seal command (src/tools/reseal.ts) has moved it to the current key.
 */
export interface KeyRing {
  /** Seals every new object and hashes new tokens; first of {@link all}. */
  readonly current: ServerKeys;
  /** Every configured key, current first. */
  readonly all: readonly ServerKeys[];
  /** Data keys for {@link decrypt}: by key id, or all of them for an object without one. */
  readonly lookup: KeyLookup;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Builds the ring from master keys, current first; throws on none or a repeated key. */
export function createKeyRing(masters: readonly Uint8Array[]): KeyRing {
  const all = masters.map(deriveKeys);
  const current = all[0];
  if (!current) throw new Error('at least one master key is needed');
  const byId = new Map(all.map((keys) => [hex(keys.keyId), keys.data] as const));
  if (byId.size !== all.length) throw new Error('a master key is listed twice');
  const every = all.map((keys) => keys.data);
  return {
    current,
    all,
    lookup: (keyId) => {
      if (keyId === null) return every;
      const found = byId.get(keyId);
      return found ? [found] : [];
    },
  };
}

/** The key id of `keys`, hex, as written into objects and shown by the re-seal command. */
export function keyIdHex(keys: ServerKeys): string {
  return hex(keys.keyId);
}
