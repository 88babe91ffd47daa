import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The demo's encryption key: generated once (32 random bytes, base64) into `file`, readable by
 * the owner only, and reused on later runs so photos stored earlier can still be exported. For
 * the demo only: production keys come from a secret store (FR_ENCRYPTION_KEY).
 */
export function loadOrCreateDevKey(
  file: string,
  random: (size: number) => Uint8Array = randomBytes,
): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const key = Buffer.from(random(32)).toString('base64');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
