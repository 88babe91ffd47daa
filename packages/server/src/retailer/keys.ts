import { createHash } from 'node:crypto';
import type { ApiKey, RetailerConfig } from '../config-retailer.js';

const byHash = new WeakMap<RetailerConfig, Map<string, ApiKey>>();

const digest = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * The configured key `value` is, or null. Looked up by its SHA-256, so the time taken does not
 * depend on how much of a guess matches a real key.
 */
export function findKey(config: RetailerConfig, value: string): ApiKey | null {
  let map = byHash.get(config);
  if (!map) {
    map = new Map(config.keys.map((key) => [digest(key.key), key]));
    byHash.set(config, map);
  }
  return map.get(digest(value)) ?? null;
}
