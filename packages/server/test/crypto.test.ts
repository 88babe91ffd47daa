import { describe, expect, it } from 'vitest';
import {
  decrypt,
  deriveKeys,
  deriveUploadId,
  encrypt,
  hashIp,
  hashToken,
  isTokenShaped,
  newSubjectToken,
} from '../src/crypto.js';

const keys = deriveKeys(new Uint8Array(32).fill(1));
const plain = new TextEncoder().encode('the bytes of a photo');

describe('crypto', () => {
  it('round-trips AES-256-GCM with the storage key as associated data', () => {
    const sealed = encrypt(keys.data, plain, 'uploads/a/b.img');
    expect(decrypt(keys.data, sealed, 'uploads/a/b.img')).toEqual(plain);
    expect(Buffer.from(sealed).includes(Buffer.from(plain))).toBe(false);
  });

  it('uses a fresh IV each time', () => {
    expect(encrypt(keys.data, plain, 'k')).not.toEqual(encrypt(keys.data, plain, 'k'));
  });

  it('refuses tampered bytes, another key, or another location', () => {
    const sealed = encrypt(keys.data, plain, 'k');
    const tampered = new Uint8Array(sealed);
    tampered[20] = (tampered[20] ?? 0) ^ 1;
    expect(() => decrypt(keys.data, tampered, 'k')).toThrow();
    expect(() => decrypt(keys.token, sealed, 'k')).toThrow();
    expect(() => decrypt(keys.data, sealed, 'other')).toThrow();
    expect(() => decrypt(keys.data, sealed.subarray(0, 10), 'k')).toThrow();
  });

  it('derives distinct keys per purpose', () => {
    const all = [keys.data, keys.token, keys.ip, keys.id].map((k) =>
      Buffer.from(k).toString('hex'),
    );
    expect(new Set(all).size).toBe(4);
  });

  it('mints 256-bit tokens and keeps only keyed hashes', () => {
    const token = newSubjectToken();
    expect(isTokenShaped(token)).toBe(true);
    expect(newSubjectToken()).not.toBe(token);
    expect(hashToken(keys, token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(keys, token)).not.toContain(token);
    expect(hashToken(deriveKeys(new Uint8Array(32).fill(2)), token)).not.toBe(
      hashToken(keys, token),
    );
    expect(isTokenShaped('../../etc/passwd')).toBe(false);
  });

  it('hashes IPs without keeping them', () => {
    expect(hashIp(keys, '203.0.113.9')).toMatch(/^[0-9a-f]{32}$/);
    expect(hashIp(keys, '203.0.113.9')).not.toBe(hashIp(keys, '203.0.113.10'));
  });

  it('derives one UUID per subject and idempotency key', () => {
    const a = deriveUploadId(keys, 'subject-1', 'key-00000001');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deriveUploadId(keys, 'subject-1', 'key-00000001')).toBe(a);
    expect(deriveUploadId(keys, 'subject-2', 'key-00000001')).not.toBe(a);
    expect(deriveUploadId(keys, 'subject-1', 'key-00000002')).not.toBe(a);
  });
});
