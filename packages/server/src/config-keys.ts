import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { ServerConfig } from './config.js';

/** The encryption keys of a config: current first, and where a development key is kept. */
export interface EncryptionKeys {
  /** The master key that seals everything new. */
  readonly current: Uint8Array;
  /** Master keys, current first: the first seals, all of them open. */
  readonly keys: readonly Uint8Array[];
  /** Set in development when no key was given: the file that keeps the random key across restarts. */
  readonly devKeyFile: string | null;
  readonly warning: string | null;
}

/** Thrown for a bad key; config.ts turns it into a ConfigError naming `variable`. */
export class KeyConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

/** Name of the development key file inside `DATA_DIR`. */
export const DEV_KEY_FILE = 'dev-encryption.key';

function parseKey(raw: string, variable: string): Uint8Array {
  const bytes = Buffer.from(raw, 'base64');
  if (
    bytes.length !== 32 ||
    bytes.toString('base64').replace(/=+$/, '') !== raw.replace(/=+$/, '')
  ) {
    throw new KeyConfigError(variable, 'expected 32 bytes in base64 (openssl rand -base64 32)');
  }
  return new Uint8Array(bytes);
}

/**
 * Reads `FR_ENCRYPTION_KEYS` (comma-separated base64 keys, the current one first, older ones
 * kept for reading) or `FR_ENCRYPTION_KEY` (one key); setting both is a mistake. Without either,
 * production refuses to start (the caller checks `devKeyFile`), development uses a random key
 * that the server keeps in `DATA_DIR` so a restart can still read and expire what it stored.
 */
export function parseEncryptionKeys(
  many: string | undefined,
  one: string | undefined,
  dataDir: string,
  random: (size: number) => Uint8Array,
): EncryptionKeys {
  if (many !== undefined && one !== undefined) {
    throw new KeyConfigError(
      'FR_ENCRYPTION_KEYS',
      'set FR_ENCRYPTION_KEYS or FR_ENCRYPTION_KEY, not both',
    );
  }
  if (many !== undefined) {
    const keys = many
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .map((item) => parseKey(item, 'FR_ENCRYPTION_KEYS'));
    const distinct = new Set(keys.map((key) => Buffer.from(key).toString('hex')));
    if (distinct.size !== keys.length) {
      throw new KeyConfigError('FR_ENCRYPTION_KEYS', 'a key is listed twice');
    }
    const [current] = keys;
    if (!current) throw new KeyConfigError('FR_ENCRYPTION_KEYS', 'lists no key');
    return { current, keys, devKeyFile: null, warning: null };
  }
  if (one !== undefined) {
    const current = parseKey(one, 'FR_ENCRYPTION_KEY');
    return { current, keys: [current], devKeyFile: null, warning: null };
  }
  const devKeyFile = path.join(dataDir, DEV_KEY_FILE);
  const current = random(32);
  return {
    current,
    keys: [current],
    devKeyFile,
    warning: `FR_ENCRYPTION_KEY not set: using a development key kept in ${devKeyFile} (made on first start); never use it in production`,
  };
}

/**
 * The development key kept in `file`: the one written there by an earlier start, else `fresh`,
 * written now (mode 0600) so the next start reads and expires what this one stores.
 */
export async function keepDevKey(file: string, fresh: Uint8Array): Promise<Uint8Array> {
  try {
    return parseKey((await readFile(file, 'utf8')).trim(), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, `${Buffer.from(fresh).toString('base64')}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
    return fresh;
  } catch (error) {
    // Another process made it first: use that one.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return keepDevKey(file, fresh);
    throw error;
  }
}

/** `config` with its development key read from (or first written to) `DATA_DIR`. */
export async function withDevKey(config: ServerConfig): Promise<ServerConfig> {
  if (config.devKeyFile === null) return config;
  const key = await keepDevKey(config.devKeyFile, config.encryptionKey);
  return { ...config, encryptionKey: key, encryptionKeys: [key] };
}
