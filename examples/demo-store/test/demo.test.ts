import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillPage, loaderIntegrity } from '../src/demo.js';
import { loadOrCreateDevKey } from '../src/dev-key.js';
import { originAliases } from '../src/ingest.js';

describe('fillPage', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    const page =
      '<script integrity="%FR_LOADER_INTEGRITY%" data-ingest="%FR_INGEST%" x="%FR_NOPE%">';
    expect(fillPage(page, { LOADER_INTEGRITY: 'sha384-abc', INGEST: 'http://i.test' })).toBe(
      '<script integrity="sha384-abc" data-ingest="http://i.test" x="%FR_NOPE%">',
    );
  });
});

describe('originAliases', () => {
  it('allows both loopback spellings, and only the origin itself otherwise', () => {
    expect(originAliases('http://127.0.0.1:5173')).toEqual([
      'http://127.0.0.1:5173',
      'http://localhost:5173',
    ]);
    expect(originAliases('http://localhost:1/')).toEqual([
      'http://localhost:1',
      'http://127.0.0.1:1',
    ]);
    expect(originAliases('https://shop.example')).toEqual(['https://shop.example']);
  });
});

describe('loaderIntegrity', () => {
  it('says what to run when the embed folder is not built', () => {
    expect(() => loaderIntegrity('/nonexistent/dist')).toThrow(/pnpm@10\.34\.8 build/);
  });
});

describe('loadOrCreateDevKey', () => {
  it('creates a 32-byte key readable by the owner only, then reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fr-key-'));
    try {
      const file = join(dir, 'nested', 'key');
      const key = loadOrCreateDevKey(file, (n) => new Uint8Array(n).fill(7));
      expect(Buffer.from(key, 'base64')).toHaveLength(32);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(loadOrCreateDevKey(file, () => new Uint8Array(32))).toBe(key);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
