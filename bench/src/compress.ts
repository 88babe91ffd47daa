import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { REPO_ROOT } from './browser.js';

/** A file's size as stored and as a server would send it compressed. */
export interface Sizes {
  readonly raw: number;
  /** gzip, level 9. */
  readonly gzip: number;
  /** Brotli, quality 11 (what a CDN precompresses with). */
  readonly brotli: number;
}

/** Sums sizes field by field. */
export function addSizes(list: readonly Sizes[]): Sizes {
  return list.reduce(
    (sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

const CACHE = join(REPO_ROOT, 'bench', '.cache', 'compressed.json');

/**
 * Compressed sizes of a file, cached by content hash: Brotli 11 of the 13 MB wasm takes half a
 * minute, and the assets rarely change between runs.
 */
export function sizesOf(path: string): Sizes {
  const data = readFileSync(path);
  const key = createHash('sha256').update(data).digest('hex');
  const cache: Record<string, Sizes> = existsSync(CACHE)
    ? (JSON.parse(readFileSync(CACHE, 'utf8')) as Record<string, Sizes>)
    : {};
  const hit = cache[key];
  if (hit) return hit;
  const sizes: Sizes = {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length,
  };
  cache[key] = sizes;
  mkdirSync(join(CACHE, '..'), { recursive: true });
  writeFileSync(CACHE, JSON.stringify(cache, null, 1));
  return sizes;
}
